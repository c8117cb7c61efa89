/* POST /api/v1/gateways/claim (ch3 §2.1): an unclaimed gateway asks, with
 * the claim code its local page shows, whether an administrator has typed
 * that code in Add Gateway. Once one has (and the code is fresh and unused)
 * the gateway is bound to that account and gets, once, its own machine
 * credential and the relay key syncd will present to it. No credential
 * signs this request in: the code is the proof. */
#include "cgi-bin/core/request.h"
#include "lib/core/config.h"
#include "lib/gateways.h"

#include <string.h>

static const char *str(json_t *doc, const char *key) { return json_string_value(json_object_get(doc, key)); }

int gateway_claim_post(struct req *r)
{
	const char *code = str(r->json, "code");
	if (!json_is_object(r->json) || !code)
		return api_error(r, 422, "claim_body", json_pack("{s:s}", "code", "required"));
	struct gateway_report g = {str(r->json, "serial"), str(r->json, "kind"), str(r->json, "platform"),
				   str(r->json, "version"), str(r->json, "availableVersion"), str(r->json, "ip"),
				   str(r->json, "relayUrl")};
	const char *bad;
	if (!gateway_report_check(&g, &bad))
		return api_error(r, 422, "gateway_report_invalid", json_pack("{s:s}", bad, "invalid"));
	struct gateway_claimed out;
	int rc = gateway_claim_redeem(r->db, code, &g, cfg_str("Crypto.Key", ""), &out);
	if (rc < 0)
		return SERVER_ERROR;
	if (rc == 0)
		return api_error(r, 404, "claim_unknown", NULL);
	if (rc == 2)
		return api_error(r, 410, "claim_gone", NULL);
	json_t *doc = json_pack("{s:I,s:s,s:s,s:s}", "gatewayId", (json_int_t)out.gateway_id, "accountId", out.account_id,
				"token", out.token, "relayKey", out.relay_key);
	explicit_bzero(&out, sizeof out);
	return api_json(r, 200, doc);
}
