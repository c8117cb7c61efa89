/* An integration's toggle (guide §3.1; ch3 §1.4): switched off it keeps
 * its setup and releases the privileges no other integration implies;
 * switched on it implies them again. */
#include "cgi-bin/integrations/panel.h"

struct switch_call {
	const struct integration_kind *k;
	int on, changed;
};

static int flip(struct req *r, void *arg)
{
	struct switch_call *c = arg;
	json_t *changes = json_object();
	if (!changes)
		return -1;
	c->changed = integration_switch(r->db, r->acct.id, c->k, c->on, changes);
	int rc = c->changed <= 0 ? c->changed
		 : integrations_event(r, c->on ? "integration.enable" : "integration.disable", c->k, changes);
	json_decref(changes);
	return rc;
}

int integration_switch_post(struct req *r)
{
	struct switch_call c = {integrations_kind_input(r), in_checked(r, "on"), 0};
	if (form_has_errors(r))
		return invalid(r);
	if (tx(r, flip, &c) != 0)
		return SERVER_ERROR;
	char back[128];
	integrations_back(r, in(r, "from"), back, sizeof back);
	return done(r, !c.changed ? NULL : c.on ? "flash.integration_enabled" : "flash.integration_disabled", "%s", back);
}
