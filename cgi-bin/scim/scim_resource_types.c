/* GET /scim/v2/<acct>/ResourceTypes[/User|/Group] (RFC 7643 §6): Users,
 * with the enterprise extension, and Groups. */
#include "cgi-bin/scim/scim_reply.h"

#include <string.h>

int scim_resource_types_get(struct req *r)
{
	char base[1200];
	scim_base(r, base, sizeof base);
	const char *last = strrchr(r->path, '/') + 1;
	if (strcmp(last, "User") == 0)
		return api_json(r, 200, scim_resource_type_json(&scim_user_type, base));
	if (strcmp(last, "Group") == 0)
		return api_json(r, 200, scim_resource_type_json(&scim_group_type, base));
	json_t *all = json_pack("[o,o]", scim_resource_type_json(&scim_user_type, base),
				scim_resource_type_json(&scim_group_type, base));
	struct scim_params p = {.start = 1};
	return scim_list_reply(r, all, 2, &p);
}
