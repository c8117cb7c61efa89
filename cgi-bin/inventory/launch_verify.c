/* POST /api/v1/launch/verify (ch2 §9.5): the daemon's tunnel shows the
 * token a Launch link carried; a valid one (made for this daemon's
 * platform, unused, not expired) is used up and says what to open and for
 * whom. Anything else is 404, and the tunnel serves nothing. */
#include "cgi-bin/core/request.h"

struct verify {
	struct daemon dm;
	const char *token;
	struct launch_grant grant;
	int valid;
};

static int check(struct req *r, void *arg)
{
	struct verify *v = arg;
	v->valid = inventory_launch_verify(r->db, &v->dm, v->token, &v->grant);
	return v->valid < 0 ? -1 : 0;
}

int launch_verify_post(struct req *r)
{
	struct verify v;
	int found = inventory_daemon_of_credential(r->db, r->machine.id, 0, &v.dm);
	if (found != 1)
		return found < 0 ? SERVER_ERROR : -403;
	v.token = json_string_value(json_object_get(r->json, "token"));
	if (!v.token)
		return api_error(r, 422, "request_invalid", json_pack("{s:s}", "token", "is required"));
	if (tx(r, check, &v) != 0)
		return SERVER_ERROR;
	if (!v.valid)
		return api_error(r, 404, "launch_invalid", NULL);
	return api_json(r, 200, json_pack("{s:s,s:s,s:s}", "platformId", v.grant.platform_uid, "application", v.grant.app_type,
					  "user", v.grant.user_name));
}
