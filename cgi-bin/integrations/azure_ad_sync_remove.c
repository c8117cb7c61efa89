/* Remove Azure AD Sync Integration (ch3 §0.3): a confirmation panel, then
 * the Secret Token is revoked and the setup forgotten. The users it
 * provisioned stay. */
#include "cgi-bin/core/request.h"
#include "lib/azure_ad_sync.h"

int azure_ad_sync_remove_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "integrations.azure_ad_sync_remove.title"));
	return DONE;
}

static int remove_setup(struct req *r, void *arg)
{
	struct actor me = me_actor(r);
	return azure_ad_sync_remove(r->db, r->acct.id, &me) < 0 ? -1 : 0;
}

int azure_ad_sync_remove_post(struct req *r)
{
	if (tx(r, remove_setup, NULL) != 0)
		return SERVER_ERROR;
	return done(r, "flash.azure_ad_sync_removed", "/a/%s/info", r->acct.id);
}
