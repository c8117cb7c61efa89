/* POST /saml2/:acct/acs - a customer account's Assertion Consumer
 * Service (ch3 §6.3): a Response that passes every check, answers a
 * request we sent for this account and names an active user of it signs
 * that user in. Unsolicited Responses are refused, and nobody is ever
 * created here (guide §3.2.2.2: users exist beforehand). */
#include "cgi-bin/sso/saml_common.h"
#include "cgi-bin/core/session.h"

#include <stdlib.h>
#include <string.h>

/* Checks the Response and finds its user: 1 with *user_id, 0 refused (*f
 * says why, *who whom for), -1 an error. */
static int signed_in_user(struct req *r, enum saml_failure *f, struct saml_identity *who, long long *user_id)
{
	struct sso_config *cfg = malloc(sizeof *cfg);
	if (!cfg)
		return -1;
	struct saml_idp idp;
	int found = saml_account_idp(r, cfg, &idp);
	if (found != 1) {
		free(cfg);
		*f = SAML_NOT_CONFIGURED;
		return found;
	}
	struct saml_expect expect = saml_expect_now();
	*f = saml_accept(r, r->acct.id, &idp, 0, &expect, who);
	free(cfg);
	if (*f == SAML_FAILURE_COUNT)
		return -1;
	if (*f != SAML_OK)
		return 0;
	int user = sso_user_of(r->db, r->acct.id, who->name_id, who->email, user_id);
	if (user == 0)
		*f = SAML_NO_USER;
	return user;
}

int saml_acs_post(struct req *r)
{
	enum saml_failure f = SAML_OK;
	struct saml_identity who;
	long long user_id = 0;
	memset(&who, 0, sizeof who);
	int rc = signed_in_user(r, &f, &who, &user_id);
	if (rc < 0)
		return SERVER_ERROR;
	if (rc == 0)
		return saml_refused(r, f == SAML_NOT_CONFIGURED ? NULL : r->acct.id, f, f == SAML_NO_USER ? &who : NULL);
	if (session_start(r, user_id) != 0)
		return SERVER_ERROR;
	return done(r, NULL, "/");
}
