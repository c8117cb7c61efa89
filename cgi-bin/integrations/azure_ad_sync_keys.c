/* Generate keys (guide §3.2.6): a new Secret Token for the account's SCIM
 * service; the pair generated before stops working at once. The token is
 * shown on this response and never again (only its hash is kept), so the
 * POST draws the dialog itself rather than redirecting: a reload asks to
 * send the form again, and sending it makes yet another pair. */
#include "cgi-bin/integrations/azure_ad_sync_page.h"
#include "lib/azure_ad_sync.h"

struct keys {
	char token[TOKEN_HEX];
};

static int generate(struct req *r, void *arg)
{
	struct keys *k = arg;
	struct actor me = me_actor(r);
	return azure_ad_sync_generate(r->db, r->acct.id, &me, k->token);
}

int azure_ad_sync_keys_post(struct req *r)
{
	struct keys k = {""};
	if (tx(r, generate, &k) != 0)
		return SERVER_ERROR;
	int rc = azure_ad_sync_page(r);
	hdf_set_value(r->hdf, "Sync.Token", k.token);
	hdf_set_value(r->hdf, "Flash.Message", lang(r, "flash.azure_ad_sync_keys"));
	r->template = "integrations/azure_ad_sync.cs";
	return rc;
}
