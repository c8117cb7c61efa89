/* A Privileges toggle (guide §2.3, §3.1): set by hand, a privilege stays
 * as set until an integration that implies it is added or switched on. */
#include "cgi-bin/integrations/panel.h"

struct privilege_call {
	enum privilege p;
	int on, changed;
};

static int save(struct req *r, void *arg)
{
	struct privilege_call *c = arg;
	json_t *changes = json_object();
	if (!changes)
		return -1;
	c->changed = privilege_set(r->db, r->acct.id, c->p, c->on, changes);
	int rc = c->changed <= 0 ? c->changed : integrations_event(r, "privilege.update", NULL, changes);
	json_decref(changes);
	return rc;
}

int privileges_post(struct req *r)
{
	struct privilege_call c = {(enum privilege)privilege_from_key(in(r, "privilege")), in_checked(r, "on"), 0};
	if (!c.p && !form_has_errors(r))
		field_error(r, "privilege", "errors.invalid_choice");
	if (form_has_errors(r))
		return invalid(r);
	if (tx(r, save, &c) != 0)
		return SERVER_ERROR;
	char back[128];
	integrations_back(r, in(r, "from"), back, sizeof back);
	return done(r, c.changed ? "flash.privilege_saved" : NULL, "%s", back);
}
