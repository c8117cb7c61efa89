/* GET /scim/v2/<acct>/Schemas[/<urn>] (RFC 7643 §7): the schemas of the
 * attributes the service knows, as the filter and PATCH engines use them. */
#include "cgi-bin/scim/scim_reply.h"

#include <string.h>

int scim_schemas_get(struct req *r)
{
	char base[1200];
	scim_base(r, base, sizeof base);
	const char *last = strrchr(r->path, '/') + 1;
	const struct scim_schema *one = scim_schema_find(last);
	if (one)
		return api_json(r, 200, scim_schema_json(one, base));
	json_t *all = json_array();
	long long n = 0;
	for (const struct scim_schema *const *s = scim_schemas(); *s; s++, n++)
		json_array_append_new(all, scim_schema_json(*s, base));
	struct scim_params p = {.start = 1};
	return scim_list_reply(r, all, n, &p);
}
