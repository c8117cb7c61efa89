/* Remove Azure AD Sync Integration (ch3 §0.3): a confirmation panel, then
 * the Secret Token is revoked and the setup forgotten. The users it
 * provisioned stay. */
#include "cgi-bin/integrations/panel.h"

int azure_ad_sync_remove_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "integrations.azure_ad_sync_remove.title"));
	return DONE;
}

/* The integration goes, and its driver revokes the token. */
static int remove_setup(struct req *r, void *arg)
{
	(void)arg;
	struct actor me = me_actor(r);
	const struct integration_kind *k = integration_kind("azure_ad_sync");
	json_t *changes = json_object();
	if (!changes)
		return -1;
	int removed = integration_remove(r->db, &me, r->acct.id, k, changes);
	int rc = removed <= 0 ? removed : integrations_event(r, "integration.remove", k, changes);
	json_decref(changes);
	return rc;
}

int azure_ad_sync_remove_post(struct req *r)
{
	if (tx(r, remove_setup, NULL) != 0)
		return SERVER_ERROR;
	return done(r, "flash.azure_ad_sync_removed", "/a/%s/info", r->acct.id);
}
