/* GET /api/v1/accounts/{id}/policy (ch2 §2.6): what the apps of a customer
 * account must obey — its integrations, privileges (guide §3.1), Bandwidth
 * Optimization (guide §2.3), chat policy (guide §2.12) and whether Mitel
 * One's users may change their avatar (guide §3.1.4). For CloudLink
 * apps and gateways of the account's partner, and for the access tokens of
 * applications assigned to the account (Developer); anything else is 404. */
#include "cgi-bin/core/request.h"
#include "lib/integrations.h"

static json_t *integration_json(const struct integration_kind *k, enum integration_state s)
{
	return json_pack("{s:s,s:s,s:s,s:b}", "kind", k->key, "name", k->name, "state", integration_state_key(s),
			 "enabled", s == INTEG_ENABLED);
}

/* The account's state came with the credential (routes.def: signing_in). */
int policy_get(struct req *r)
{
	const struct account_integrations *a = &r->obj.integrations;
	json_t *list = json_array();
	int n;
	const struct integration_kind *all = integration_kinds(&n);
	for (int i = 0; list && i < n; i++) {
		const struct integration_entry *e = integration_entry_of(a, &all[i]);
		if (all[i].flags & INTEG_PERMANENT)
			json_array_append_new(list, integration_json(&all[i], INTEG_ENABLED));
		else if (e)
			json_array_append_new(list, integration_json(&all[i], e->state));
	}
	unsigned on = privileges_effective(a);
	json_t *doc = json_pack("{s:s,s:o,s:{s:b,s:b},s:b,s:{s:b},s:{s:b}}", "accountId", r->acct.id, "integrations", list,
				"privileges", "delegatedAuthentication", (on & PRIV_DELEGATED_AUTH) != 0,
				"allowGuestAccess", (on & PRIV_GUEST_ACCESS) != 0,
				"bandwidthOptimization", a->bandwidth_optimization,
				"chat", "allowEditDelete", a->chat_allow_edit_delete,
				"mitelOne", "allowAvatarChange", a->mitel_one_avatar_change);
	return api_json(r, 200, doc);
}
