/* GET /ping: an empty FastCGI response, no session, no database. nginx's
 * health checks use it, and `make bench` takes it as the FastCGI ceiling. */
#include "cgi-bin/core/request.h"

int ping_get(struct req *r)
{
	r->status = 204;
	return DONE;
}
