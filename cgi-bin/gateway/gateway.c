/* Add Gateway (guide §3.1.1 "Onboarding the CloudLink Gateway", step 1):
 * the wizard's entry. Before the integration is added it offers Add
 * Gateway, which starts the onboarding at No gateway detected; after, it
 * opens the tab of the step the onboarding is at. */
#include "cgi-bin/gateway/wizard.h"

int gateway_get(struct req *r)
{
	struct wizard w;
	if (wizard_load(r, &w) != 0)
		return SERVER_ERROR;
	if (w.added && !w.removing) {
		redirect(r, "%s/%s", w.base, wizard_step_tab(&w));
		return DONE;
	}
	wizard_publish(r, &w, "");
	hdf_set_int_value(r->hdf, "Wizard.can_add", allowed(r, "POST", w.base));
	return DONE;
}

static int add(struct req *r, void *arg)
{
	struct actor me = me_actor(r);
	return gateway_integration_add(r->db, &me, r->acct.id) < 0 ? -1 : 0;
}

int gateway_post(struct req *r)
{
	if (tx(r, add, NULL) != 0)
		return SERVER_ERROR;
	return done(r, NULL, WIZARD_PATH "/site", r->acct.id);
}
