/* Add Gateway's claim code (ch3 §2.1): the code the gateway shows on its
 * local page, typed by the administrator. The gateway then redeems it
 * through the API front (POST /api/v1/gateways/claim) within 15 minutes,
 * once, and joins the account. The page is the Gateway tab's. */
#include "cgi-bin/gateway/wizard.h"

int gateway_code_get(struct req *r)
{
	return gateway_site_page(r);
}

struct claim {
	const char *why;
};

static int enter(struct req *r, void *arg)
{
	struct claim *c = arg;
	struct actor me = me_actor(r);
	int rc = gateway_claim_enter(r->db, &me, r->acct.id, in(r, "code"), &c->why);
	return rc < 0 ? -1 : rc == 0 ? 1 : 0;
}

int gateway_code_post(struct req *r)
{
	struct wizard w;
	if (wizard_load(r, &w) != 0)
		return SERVER_ERROR;
	if (!w.added || w.removing)
		return NOT_FOUND;
	if (form_has_errors(r))
		return invalid(r);
	struct claim c = {"invalid"};
	int rc = tx(r, enter, &c);
	if (rc < 0)
		return SERVER_ERROR;
	if (rc > 0) {
		wizard_field_error(r, "gateway.gateway_code", "code", c.why ? c.why : "invalid");
		return invalid(r);
	}
	return done(r, "flash.gateway_claim_entered", "%s/site", w.base);
}
