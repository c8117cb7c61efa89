/* POST /saml2/partner/acs - the partner identity provider's sign-ins
 * (guide §1.2): the same checks as a customer account's, but a Response
 * the provider sends unasked (from its portal) is taken too, and whoever
 * it names gets a partner account and a partner administrator the first
 * time (lib/saml_store.h saml_partner_user). */
#include "cgi-bin/sso/saml_common.h"
#include "cgi-bin/core/session.h"

#include <stdlib.h>
#include <string.h>

/* The person as the assertion describes them; the email is the claim, or
 * the NameID when it is one. */
static struct partner_person person_of(const struct saml_identity *who)
{
	const char *email = who->email[0] ? who->email : strchr(who->name_id, '@') ? who->name_id : "";
	struct partner_person p = {
		.subject = who->name_id, .email = email, .first_name = who->first_name, .last_name = who->last_name,
		.display_name = who->display_name,
		.org_key = who->organisation_id[0] ? who->organisation_id : who->organisation,
		.org_name = who->organisation[0] ? who->organisation : who->organisation_id,
	};
	return p;
}

int partner_saml_acs_post(struct req *r)
{
	struct saml_partner_idp *p = malloc(sizeof *p);
	if (!p)
		return SERVER_ERROR;
	int configured = saml_partner_idp(p);
	if (configured <= 0) {
		free(p);
		return configured < 0 ? SERVER_ERROR : saml_refused(r, NULL, SAML_NOT_CONFIGURED, NULL);
	}
	struct saml_idp idp = {p->fields.entity_id, p->fields.sign_in_url, p->fields.certificates};
	struct saml_expect expect = saml_expect_now();
	expect.organisation_attribute = p->organisation_attribute;
	expect.organisation_id_attribute = p->organisation_id_attribute[0] ? p->organisation_id_attribute : NULL;
	struct saml_identity who;
	enum saml_failure f = saml_accept(r, "partner", &idp, 1, &expect, &who);
	free(p);
	if (f != SAML_OK)
		return saml_refused(r, NULL, f, NULL);
	struct partner_person person = person_of(&who);
	long long user_id = 0;
	char account_id[UUID_LEN];
	int created = 0;
	int found = saml_partner_user(r->db, &person, &user_id, account_id, &created);
	if (found < 0)
		return SERVER_ERROR;
	if (!found)
		return saml_refused(r, NULL, SAML_NO_USER, &who);
	if (session_start_via_idp(r, user_id) != 0)
		return SERVER_ERROR;
	return done(r, NULL, "/");
}
