/* POST /scim/v2/<acct>/Groups/.search (RFC 7644 §3.4.3). */
#include "cgi-bin/scim/scim_reply.h"

int scim_groups_search_post(struct req *r)
{
	struct scim_params p;
	struct scim_error err = {0};
	if (scim_params_from_search(r, &scim_group_type, &p, &err) != 0) {
		scim_params_free(&p);
		return scim_refuse(r, &err);
	}
	return scim_groups_answer(r, &p);
}
