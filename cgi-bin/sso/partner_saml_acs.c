/* POST /saml2/partner/acs - the partner identity provider's sign-ins
 * (guide §1.2): the same checks as a customer account's, but a Response
 * the provider sends unasked (from its portal) is taken too, and whoever
 * it names gets a partner account and a partner administrator the first
 * time (lib/saml_store.h saml_partner_user). A refusal is recorded in the
 * partner account's own Event History. */
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

/* A refused sign-in is recorded in the Event History of the partner
 * account it was for - the partner account's own history, since no
 * customer account is involved - found as the sign-in would have found
 * it (lib/saml_store.h saml_partner_account_of): from the identity the
 * checks verified, or, when they stopped before, from what the Response
 * claims. A claim is read only to choose that history: a forged one can at
 * most add a refusal to it, as a post to a customer account's ACS can to
 * that account's. An organisation without a partner account yet has no
 * history: the log keeps the reason. */
static int partner_refused(struct req *r, enum saml_failure f, const struct saml_identity *verified,
			   const struct saml_expect *expect)
{
	struct saml_identity *claimed = malloc(sizeof *claimed);
	if (!claimed)
		return SERVER_ERROR;
	const struct saml_identity *who = verified;
	if (!who->name_id[0]) {
		saml_response_claims(form(r, "SAMLResponse"), expect, claimed);
		who = claimed;
	}
	struct partner_person person = person_of(who);
	char account_id[UUID_LEN];
	int found = saml_partner_account_of(r->db, person.subject, person.org_key, account_id);
	free(claimed);
	if (found < 0)
		return SERVER_ERROR;
	return saml_refused(r, found ? account_id : NULL, f, f == SAML_NO_USER ? verified : NULL);
}

/* Checks the Response and signs its person in, made first if need be. */
static int accept_partner(struct req *r, const struct saml_partner_idp *p)
{
	struct saml_idp idp = {p->fields.entity_id, p->fields.sign_in_url, p->fields.certificates};
	struct saml_expect expect = saml_expect_now();
	expect.organisation_attribute = p->organisation_attribute;
	expect.organisation_id_attribute = p->organisation_id_attribute[0] ? p->organisation_id_attribute : NULL;
	struct saml_identity who;
	memset(&who, 0, sizeof who);
	enum saml_failure f = saml_accept(r, "partner", &idp, 1, &expect, &who);
	if (f != SAML_OK)
		return partner_refused(r, f, &who, &expect);
	struct partner_person person = person_of(&who);
	long long user_id = 0;
	char account_id[UUID_LEN];
	int created = 0;
	int found = saml_partner_user(r->db, &person, &user_id, account_id, &created);
	if (found < 0)
		return SERVER_ERROR;
	if (!found)
		return partner_refused(r, SAML_NO_USER, &who, &expect);
	if (session_start_via_idp(r, user_id) != 0)
		return SERVER_ERROR;
	return done(r, NULL, "/");
}

int partner_saml_acs_post(struct req *r)
{
	struct saml_partner_idp *p = malloc(sizeof *p);
	if (!p)
		return SERVER_ERROR;
	int configured = saml_partner_idp(p);
	int rc = configured < 0 ? SERVER_ERROR
	       : configured == 0 ? saml_refused(r, NULL, SAML_NOT_CONFIGURED, NULL)
	       : accept_partner(r, p);
	free(p);
	return rc;
}
