/* The MiVoice Business integration's settings (guide §3.1.2 Integrating
 * MiVoice Business): its Customer Admin Portal feature, which brings the
 * MiVoice Business menu; Done saves. Its prerequisite is a gateway linked
 * to a MiVoice Business (guide §3.1.1). */
#include "cgi-bin/integrations/panel.h"
#include "lib/mivb/settings.h"

int mivb_setup_get(struct req *r)
{
	int on = mivb_admin_portal(r->db, r->acct.id), linked = mivb_linked(r->db, r->acct.id);
	if (on < 0 || linked < 0)
		return SERVER_ERROR;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "mivb.mivb_setup.title"));
	hdf_set_int_value(r->hdf, "Mivb.Linked", linked);
	form_default(r, "admin_portal", on ? "1" : "");
	return DONE;
}

struct setup_call {
	int on;
};

static int save(struct req *r, void *arg)
{
	struct setup_call *c = arg;
	const struct integration_kind *k = integration_kind("mivb");
	json_t *changes = json_object();
	if (!changes)
		return -1;
	struct actor me = me_actor(r);
	int rc = integration_set_up(r->db, &me, r->acct.id, k, changes);
	if (rc == 0)
		rc = mivb_set_admin_portal(r->db, r->acct.id, c->on, changes) < 0 ? -1 : 0;
	if (rc == 0 && json_object_size(changes))
		rc = integrations_event(r, "integration.update", k, changes);
	json_decref(changes);
	return rc;
}

int mivb_setup_post(struct req *r)
{
	struct setup_call c = {in_checked(r, "admin_portal")};
	int linked = mivb_linked(r->db, r->acct.id);
	if (linked < 0)
		return SERVER_ERROR;
	if (c.on && !linked)
		field_error(r, "admin_portal", "mivb.mivb_setup.needs_pbx");
	if (form_has_errors(r))
		return invalid(r);
	if (tx(r, save, &c) != 0)
		return SERVER_ERROR;
	return done(r, "flash.mivb_setup_saved", "/a/%s/integrations", r->acct.id);
}
