/* Chat Service Settings (guide §2.12): the ⚙ of Chat, always present.
 * Allow editing and deleting of messages is on for every account until
 * cleared; the apps read it from the account policy API. */
#include "cgi-bin/integrations/panel.h"

int chat_settings_get(struct req *r)
{
	struct account_integrations a;
	if (account_integrations_load(r->db, r->acct.id, 0, &a) != 0)
		return SERVER_ERROR;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "integrations.chat_settings.title"));
	integrations_publish_from(r, "Chat");
	form_default(r, "allow_edit_delete", a.chat_allow_edit_delete ? "1" : "");
	return DONE;
}

struct chat_call {
	int allow, changed;
};

static int save(struct req *r, void *arg)
{
	struct chat_call *c = arg;
	json_t *changes = json_object();
	if (!changes)
		return -1;
	c->changed = account_set_chat_edit_delete(r->db, r->acct.id, c->allow, changes);
	int rc = c->changed <= 0 ? c->changed
		 : integrations_event(r, "integration.update", integration_kind("chat"), changes);
	json_decref(changes);
	return rc;
}

int chat_settings_post(struct req *r)
{
	if (form_has_errors(r))
		return invalid(r);
	struct chat_call c = {in_checked(r, "allow_edit_delete"), 0};
	if (tx(r, save, &c) != 0)
		return SERVER_ERROR;
	char back[128];
	integrations_back(r, in(r, "from"), back, sizeof back);
	return done(r, "flash.chat_saved", "%s", back);
}
