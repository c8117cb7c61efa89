/* Revert To Factory Default? (guide §3.1.1 "Deleting an Existing
 * Integration"; ch3 §2.6): removing the integration of an account with a
 * physical gateway appliance shows the customer's name and the gateway's
 * IP address and asks for the word "revert" (the route table's
 * confirmation), then runs the removal job: the gateway is sent its
 * factory reset, the PBX link and the onboarding go, the PBX users are
 * unlinked. */
#include "cgi-bin/gateway/wizard.h"

int gateway_revert_get(struct req *r)
{
	struct wizard w;
	if (wizard_load(r, &w) != 0)
		return SERVER_ERROR;
	if (!w.added || w.removing) {
		redirect(r, "%s", w.base);
		return DONE;
	}
	if (!wizard_physical(&w)) {
		redirect(r, "%s/remove", w.base);
		return DONE;
	}
	wizard_publish(r, &w, "");
	hdf_set_value(r->hdf, "Page.Title", lang(r, "gateway.gateway_revert.title"));
	hdf_set_value(r->hdf, "Revert.ip_address", w.gw.ip_address);
	return DONE;
}

int gateway_revert_post(struct req *r)
{
	struct wizard w;
	if (wizard_load(r, &w) != 0)
		return SERVER_ERROR;
	if (!w.added)
		return NOT_FOUND;
	long long job = wizard_start_removal(r);
	if (job < 0)
		return SERVER_ERROR;
	if (job == 0)
		return done(r, NULL, "%s", w.base);
	return done(r, NULL, "/a/%s/jobs/%lld", r->acct.id, job);
}
