/* Call Services → Bandwidth Optimization (guide §2.3; ch2 §2.4): an
 * account setting, off until switched on; the apps read it from the
 * account policy API. */
#include "cgi-bin/integrations/panel.h"

struct bandwidth_call {
	int on, changed;
};

static int save(struct req *r, void *arg)
{
	struct bandwidth_call *c = arg;
	json_t *changes = json_object();
	if (!changes)
		return -1;
	c->changed = account_set_bandwidth_optimization(r->db, r->acct.id, c->on, changes);
	int rc = c->changed <= 0 ? c->changed : integrations_event(r, "call_services.update", NULL, changes);
	json_decref(changes);
	return rc;
}

int call_services_post(struct req *r)
{
	if (form_has_errors(r))
		return invalid(r);
	struct bandwidth_call c = {in_checked(r, "bandwidth_optimization"), 0};
	if (tx(r, save, &c) != 0)
		return SERVER_ERROR;
	char back[128];
	integrations_back(r, in(r, "from"), back, sizeof back);
	return done(r, c.changed ? "flash.call_services_saved" : NULL, "%s", back);
}
