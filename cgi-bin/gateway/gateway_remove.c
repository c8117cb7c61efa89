/* Removing the CloudLink Gateway integration where no physical appliance
 * is onboarded (a virtual one, or none yet): the plain confirmation of ch3
 * §0.3 (Remove CloudLink Gateway Integration: Cancel, Remove integration),
 * no typed word (guide §3.1.1: the Revert To Factory Default? panel is for
 * physical appliances only; gateway_revert.c). The removal is a job (its
 * progress page): the PBX users are unlinked and the gateway reset. */
#include "cgi-bin/gateway/wizard.h"

int gateway_remove_get(struct req *r)
{
	struct wizard w;
	if (wizard_load(r, &w) != 0)
		return SERVER_ERROR;
	if (!w.added || w.removing) {
		redirect(r, "%s", w.base);
		return DONE;
	}
	if (wizard_physical(&w)) {
		redirect(r, "%s/revert", w.base);
		return DONE;
	}
	wizard_publish(r, &w, "");
	hdf_set_value(r->hdf, "Page.Title", lang(r, "gateway.gateway_remove.title"));
	return DONE;
}

int gateway_remove_post(struct req *r)
{
	struct wizard w;
	if (wizard_load(r, &w) != 0)
		return SERVER_ERROR;
	if (!w.added)
		return NOT_FOUND;
	/* A physical appliance is reset only with the typed word. */
	if (wizard_physical(&w))
		return done(r, NULL, "%s/revert", w.base);
	long long job = wizard_start_removal(r);
	if (job < 0)
		return SERVER_ERROR;
	if (job == 0)
		return done(r, NULL, "%s", w.base);
	return done(r, NULL, "/a/%s/jobs/%lld", r->acct.id, job);
}
