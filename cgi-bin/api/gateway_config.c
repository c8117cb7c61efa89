/* GET /api/v1/gateways/self/config (ch3 §2.1): what the gateway signed in
 * with its own credential is to be — its account, site and Port 1 settings,
 * update schedule — and the commands the console queued for it (ch2 §6). */
#include "cgi-bin/core/request.h"
#include "lib/gateways.h"

int gateway_config_get(struct req *r)
{
	struct gateway g;
	int found = gateway_find_by_credential(r->db, r->machine.id, &g);
	if (found != 1)
		return found < 0 ? SERVER_ERROR : NOT_FOUND;
	json_t *doc = gateway_config_for(r->db, &g);
	return doc ? api_json(r, 200, doc) : SERVER_ERROR;
}
