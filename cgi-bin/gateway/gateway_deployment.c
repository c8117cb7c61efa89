/* The Deployment tab (guide §3.1.1 step 5; ch3 §2.2): optional — the
 * deployment emails of the PBX type's CloudLink app can be sent any time
 * from Users → Manage. Complete ends the onboarding (Onboarding Complete,
 * the account's PBX Type set) and goes to the Users list when its check box
 * is ticked, else back to the account. */
#include "cgi-bin/gateway/wizard.h"
#include "lib/pbx_types.h"

#include <string.h>

int gateway_deployment_get(struct req *r)
{
	struct wizard w;
	int open = wizard_tab(r, &w, "deployment");
	if (open <= 0)
		return open < 0 ? SERVER_ERROR : DONE;
	int ready = wizard_reached(&w, STEP_DEPLOYMENT);
	hdf_set_value(r->hdf, "Deployment.mode", !ready ? "early" : w.line.step == STEP_COMPLETE ? "complete" : "form");
	const struct pbx_type *t = w.has_link ? pbx_type_find(w.link.pbx_type) : NULL;
	hdf_set_value(r->hdf, "Deployment.app", t ? t->app : "");
	return DONE;
}

static int complete(struct req *r, void *arg)
{
	struct actor me = me_actor(r);
	int rc = gateway_onboarding_complete(r->db, &me, r->acct.id);
	return rc < 0 ? -1 : rc == 0 ? 1 : 0;
}

int gateway_deployment_post(struct req *r)
{
	struct wizard w;
	if (wizard_load(r, &w) != 0)
		return SERVER_ERROR;
	if (!w.added || w.removing || !wizard_reached(&w, STEP_DEPLOYMENT)) {
		field_error(r, "form", "gateway.gateway_deployment.not_connected");
		return invalid(r);
	}
	if (w.line.step != STEP_COMPLETE) {
		int rc = tx(r, complete, NULL);
		if (rc < 0)
			return SERVER_ERROR;
		if (rc > 0) {
			field_error(r, "form", "gateway.gateway_deployment.not_connected");
			return invalid(r);
		}
	}
	if (in_checked(r, "to_users"))
		return done(r, "flash.gateway_complete", "/a/%s/users", r->acct.id);
	return done(r, "flash.gateway_complete", "/a/%s/info", r->acct.id);
}
