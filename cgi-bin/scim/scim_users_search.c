/* POST /scim/v2/<acct>/Users/.search (RFC 7644 §3.4.3): the list's
 * parameters in a SearchRequest body, kept out of URLs and logs. */
#include "cgi-bin/scim/scim_reply.h"

int scim_users_search_post(struct req *r)
{
	struct scim_params p;
	struct scim_error err = {0};
	if (scim_params_from_search(r, &scim_user_type, &p, &err) != 0) {
		scim_params_free(&p);
		return scim_refuse(r, &err);
	}
	return scim_users_answer(r, &p);
}
