/* MiTeam Meetings (guide §3.1.5.2): the ⚙ of the MiTeam Meetings
 * integration — Optional Waiting Room, saved once "confirm" is typed (the
 * route table's typed word); Remove removes the integration. */
#include "cgi-bin/integrations/panel.h"
#include "lib/miteam.h"

#include <stdlib.h>

/* The integration must be the account's. 1, 0, or -1. */
static int added(struct req *r)
{
	struct account_integrations *a = calloc(1, sizeof *a);
	if (!a)
		return -1;
	int rc = account_integrations_load(r->db, r->acct.id, 0, a);
	int found = rc == 0 ? integration_entry_of(a, integration_kind("miteam")) != NULL : -1;
	free(a);
	return found;
}

int miteam_settings_get(struct req *r)
{
	int is = added(r);
	if (is != 1)
		return is < 0 ? SERVER_ERROR : NOT_FOUND;
	int on = miteam_waiting_room(r->db, r->acct.id);
	if (on < 0)
		return SERVER_ERROR;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "integrations.miteam_settings.title"));
	form_default(r, "waiting_room", on ? "1" : "");
	return DONE;
}

struct change {
	int on;
};

static int save(struct req *r, void *arg)
{
	struct change *c = arg;
	json_t *changes = json_object();
	if (!changes)
		return -1;
	int changed = miteam_set_waiting_room(r->db, r->acct.id, c->on, changes);
	int rc = changed <= 0 ? changed : integrations_event(r, "integration.update", integration_kind("miteam"), changes);
	json_decref(changes);
	return rc;
}

int miteam_settings_post(struct req *r)
{
	int is = added(r);
	if (is != 1)
		return is < 0 ? SERVER_ERROR : NOT_FOUND;
	if (form_has_errors(r))
		return invalid(r);
	struct change c = {in_checked(r, "waiting_room")};
	if (tx(r, save, &c) != 0)
		return SERVER_ERROR;
	return done(r, "flash.miteam_saved", "/a/%s/integrations", r->acct.id);
}
