/* Mitel One Settings (guide §3.1.4, "Managing Mitel One Features"; ch3
 * §4.2): the ⚙ of the Mitel One integration — Allow users to change their
 * avatar, on until cleared, which the Mitel One app reads from the account
 * policy API; Remove removes the integration (its confirmation page),
 * Cancel goes back, Save writes the setting with its event. */
#include "cgi-bin/integrations/panel.h"

#include <stdlib.h>

/* The account's integrations, when Mitel One is among them: 1 (a filled),
 * 0 not added, -1 error. */
static int load(struct req *r, struct account_integrations *a)
{
	if (account_integrations_load(r->db, r->acct.id, 0, a) != 0)
		return -1;
	return integration_entry_of(a, integration_kind("mitel_one")) != NULL;
}

int mitel_one_settings_get(struct req *r)
{
	struct account_integrations *a = calloc(1, sizeof *a);
	int is = a ? load(r, a) : -1;
	int allow = is == 1 && a->mitel_one_avatar_change;
	free(a);
	if (is != 1)
		return is < 0 ? SERVER_ERROR : NOT_FOUND;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "integrations.mitel_one_settings.title"));
	integrations_publish_from(r, "MitelOne");
	form_default(r, "allow_avatar", allow ? "1" : "");
	return DONE;
}

struct change {
	int allow;
};

static int save(struct req *r, void *arg)
{
	struct change *c = arg;
	json_t *changes = json_object();
	if (!changes)
		return -1;
	int changed = account_set_mitel_one_avatar_change(r->db, r->acct.id, c->allow, changes);
	int rc = changed <= 0 ? changed
		 : integrations_event(r, "integration.update", integration_kind("mitel_one"), changes);
	json_decref(changes);
	return rc;
}

int mitel_one_settings_post(struct req *r)
{
	struct account_integrations *a = calloc(1, sizeof *a);
	int is = a ? load(r, a) : -1;
	free(a);
	if (is != 1)
		return is < 0 ? SERVER_ERROR : NOT_FOUND;
	if (form_has_errors(r))
		return invalid(r);
	struct change c = {in_checked(r, "allow_avatar")};
	if (tx(r, save, &c) != 0)
		return SERVER_ERROR;
	char back[128];
	integrations_back(r, in(r, "from"), back, sizeof back);
	return done(r, "flash.mitel_one_settings_saved", "%s", back);
}
