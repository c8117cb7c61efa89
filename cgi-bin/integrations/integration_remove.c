/* Removing an integration (guide §3.1 "Removing an integration from a
 * customer account"; ch3 §0.3): the confirmation Remove <X> Integration,
 * then the removal with its privileges and its driver's side effects in one
 * transaction. Chat cannot be removed. */
#include "cgi-bin/integrations/panel.h"

#include <string.h>

int integration_remove_get(struct req *r)
{
	const struct integration_kind *k = integration_kind(form(r, "kind"));
	struct account_integrations a;
	if (!k || (k->flags & INTEG_PERMANENT))
		return NOT_FOUND;
	if (account_integrations_load(r->db, r->acct.id, 0, &a) != 0)
		return SERVER_ERROR;
	if (!integration_entry_of(&a, k))
		return NOT_FOUND;
	const char *from = form(r, "from");
	char back[128];
	integrations_back(r, from, back, sizeof back);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "integrations.integration_remove.title"));
	hdf_set_value(r->hdf, "Remove.Kind", k->key);
	hdf_set_value(r->hdf, "Remove.Name", k->name);
	hdf_set_value(r->hdf, "Remove.From", strcmp(from, "info") == 0 ? "info" : "integrations");
	hdf_set_value(r->hdf, "Remove.Back", back);
	return DONE;
}

struct remove_call {
	const struct integration_kind *k;
	int removed;
};

static int remove_it(struct req *r, void *arg)
{
	struct remove_call *c = arg;
	struct actor me = me_actor(r);
	json_t *changes = json_object();
	if (!changes)
		return -1;
	c->removed = integration_remove(r->db, &me, r->acct.id, c->k, changes);
	int rc = c->removed <= 0 ? c->removed : integrations_event(r, "integration.remove", c->k, changes);
	json_decref(changes);
	return rc;
}

int integration_remove_post(struct req *r)
{
	struct remove_call c = {integrations_kind_input(r), 0};
	if (c.k && (c.k->flags & INTEG_PERMANENT))
		field_error(r, "kind", "errors.invalid_choice");
	if (form_has_errors(r))
		return invalid(r);
	if (tx(r, remove_it, &c) != 0)
		return SERVER_ERROR;
	char back[128];
	integrations_back(r, in(r, "from"), back, sizeof back);
	return done(r, c.removed ? "flash.integration_removed" : NULL, "%s", back);
}
