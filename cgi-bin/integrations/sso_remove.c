/* Removing the Single Sign-On integration (ch3 §0.3, §1.4): the dialog's
 * Remove asks in the panel every removal has (Remove Single Sign-On
 * Integration, Cancel / Remove integration); once removed, the account's
 * users sign in with their passwords again. */
#include "cgi-bin/core/request.h"
#include "lib/integrations.h"
#include "lib/saml_store.h"

#include <stdlib.h>

int sso_remove_get(struct req *r)
{
	struct sso_config *c = malloc(sizeof *c);
	if (!c)
		return SERVER_ERROR;
	int found = sso_config_load(r->db, r->acct.id, c);
	free(c);
	if (found != 1)
		return found < 0 ? SERVER_ERROR : NOT_FOUND;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "integrations.sso_remove.title"));
	return DONE;
}

/* The integration goes, and its driver forgets the configuration. */
static int remove_config(struct req *r, void *arg)
{
	(void)arg;
	struct actor me = me_actor(r);
	json_t *details = json_pack("{s:s}", "property", "integrations.sso");
	if (!details)
		return -1;
	int removed = integration_remove(r->db, &me, r->acct.id, integration_kind("sso"), details);
	int rc = removed < 0 ? -1 : removed == 0 ? 1
		: event(r, r->acct.id, "sso.remove", "account", r->acct.id, r->acct.name, details);
	json_decref(details);
	return rc;
}

int sso_remove_post(struct req *r)
{
	int rc = tx(r, remove_config, NULL);
	if (rc < 0)
		return SERVER_ERROR;
	if (rc > 0)
		return NOT_FOUND;
	return done(r, "flash.sso_removed", "/a/%s/integrations/sso", r->acct.id);
}
