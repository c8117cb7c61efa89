/* GET /api/v1/credential: what the calling credential is — its kind and
 * what it reaches — so an outside system can check its setup before it
 * sends anything real. */
#include "cgi-bin/core/request.h"

int credential_get(struct req *r)
{
	const struct credential *c = &r->machine;
	json_t *doc = json_pack("{s:I,s:s,s:s,s:s?,s:s}", "id", (json_int_t)c->id, "kind", credential_kind_key(c->kind),
				"partnerId", c->partner_id, "accountId", c->account_id[0] ? c->account_id : NULL,
				"label", c->label);
	return api_json(r, 200, doc);
}
