/* Sign-in and sign-out (guide §1.2): email and password, one message for
 * any failure, throttled (lib/throttle.h). The email comes first (Next
 * with the password left empty): a user of an account with single sign-on
 * goes to its identity provider, or chooses between it and the password
 * when the account offers Mitel credentials or the user is an Account
 * Admin (guide §3.2.2.1); an email of several accounts asks which one
 * (its Account ID, ch3 §6.3). Partners have the partner identity
 * provider's button (guide §1.2). */
#include "cgi-bin/core/request.h"
#include "cgi-bin/core/session.h"
#include "lib/passwords.h"
#include "lib/saml.h"
#include "lib/saml_store.h"
#include "lib/throttle.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The sign-in form has no session yet, so its CSRF token is a random
 * cookie echoed in the form (double submit). */
void prelogin_token(struct req *r)
{
	const char *have = hdf_get_value(r->hdf, "Cookie." PRELOGIN_COOKIE, "");
	char token[TOKEN_HEX];
	if (strlen(have) == TOKEN_HEX - 1 && strspn(have, "0123456789abcdef") == TOKEN_HEX - 1) {
		hdf_set_value(r->hdf, "CSRF", have);
		return;
	}
	if (random_token(token) != 0)
		return;
	set_cookie(r, PRELOGIN_COOKIE, token, -1);
	hdf_set_value(r->hdf, "CSRF", token);
}

/* The partner identity provider's button, while one is configured. */
static void publish_partner_idp(struct req *r)
{
	struct saml_partner_idp *p = malloc(sizeof *p);
	if (p && saml_partner_idp(p) == 1)
		hdf_set_value(r->hdf, "Login.PartnerIdP", p->name);
	free(p);
}

static int page(struct req *r, int status)
{
	prelogin_token(r);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "auth.login.title"));
	publish_partner_idp(r);
	r->status = status;
	return DONE;
}

int login_get(struct req *r)
{
	if (r->signed_in)
		return done(r, NULL, "/");
	return page(r, 200);
}

/* The sign-in page again with one message (no field is singled out: that
 * would tell which was wrong). */
static int refuse(struct req *r, int status, const char *message)
{
	hdf_remove_tree(r->hdf, "Form.Errors");
	hdf_remove_tree(r->hdf, "Form.HasErrors");
	hdf_set_value(r->hdf, "Form.Error", message);
	return page(r, status);
}

/* The sign-in page at its next step (Login.Step): "password", "account"
 * (which account), "choice" (identity provider or password) or "idp" (on
 * the way to the identity provider). */
static int step(struct req *r, const char *name, const struct sso_candidate *c)
{
	hdf_set_value(r->hdf, "Login.Step", name);
	if (c) {
		hdf_set_value(r->hdf, "Login.IdP", c->idp_name);
		hdf_set_valuef(r->hdf, "Login.IdPPath=/saml2/%s/login", c->account_id);
		hdf_set_value(r->hdf, "Form.Values.account", c->account_id);
	}
	return page(r, 200);
}

/* Next with only the email: how this email signs in. An email nobody has
 * gets the password step, as one with a password does. */
static int email_step(struct req *r, const char *email, const char *account)
{
	struct sso_candidate c[SSO_CANDIDATES_MAX];
	int n = sso_candidates(r->db, email, *account ? account : NULL, c, SSO_CANDIDATES_MAX);
	if (n < 0)
		return SERVER_ERROR;
	for (int i = 1; i < n; i++)
		if (strcmp(c[i].account_id, c[0].account_id) != 0)
			return step(r, "account", NULL);
	if (n == 0 || c[0].way == SSO_WAY_PASSWORD)
		return step(r, "password", NULL);
	return step(r, c[0].way == SSO_WAY_IDP ? "idp" : "choice", &c[0]);
}

/* The one user this email (in this account, when one was chosen) can be
 * when they sign in only through their identity provider: a password typed
 * for them is not checked, they go there. NULL otherwise. */
static const struct sso_candidate *idp_only(struct req *r, const char *email, const char *account,
					     struct sso_candidate *c)
{
	int n = sso_candidates(r->db, email, *account ? account : NULL, c, SSO_CANDIDATES_MAX);
	return n == 1 && c[0].way == SSO_WAY_IDP ? &c[0] : NULL;
}

/* "Try again in N seconds" under a minute, else in minutes rounded up. */
static void wait_message(struct req *r, long seconds, char *out, size_t n)
{
	if (seconds < 60) {
		lang_number(r, seconds == 1 ? "auth.login.throttled_one_second" : "auth.login.throttled_seconds", seconds,
			    out, n);
		return;
	}
	long minutes = (seconds + 59) / 60;
	lang_number(r, minutes == 1 ? "auth.login.throttled_one" : "auth.login.throttled", minutes, out, n);
}

int login_post(struct req *r)
{
	const char *email = in(r, "email");
	const char *password = in(r, "password");
	const char *account = in(r, "account");
	const char *addr = hdf_get_value(r->hdf, "CGI.RemoteAddress", "");
	/* Every stored email passes valid_email() (plain ASCII). Anything else
	 * could still equal a stored one under the database collation ("ａ" and
	 * "á" equal "a") and so dodge the throttling. */
	if (form_has_errors(r) || !*email || !valid_email(email) || (*account && !valid_uuid(account)))
		return refuse(r, 422, lang(r, "auth.login.failed"));
	if (!*password)
		return in_checked(r, "next") ? email_step(r, email, account) : refuse(r, 422, lang(r, "auth.login.failed"));
	struct sso_candidate c[SSO_CANDIDATES_MAX];
	const struct sso_candidate *only = idp_only(r, email, account, c);
	if (only)
		return step(r, "idp", only);
	long wait = throttle_wait(r->db, email, addr);
	if (wait < 0)
		return SERVER_ERROR;
	if (wait > 0) {
		char message[256];
		wait_message(r, wait, message, sizeof message);
		return refuse(r, 429, message);
	}
	long long user_id = 0;
	int found = passwords_sign_in(r->db, email, *account ? account : NULL, password, &user_id);
	if (found < 0)
		return SERVER_ERROR;
	if (!found) {
		if (throttle_fail(r->db, email, addr) != 0)
			return SERVER_ERROR;
		return refuse(r, 422, lang(r, "auth.login.failed"));
	}
	if (throttle_clear(r->db, email, addr) != 0)
		return SERVER_ERROR;
	if (session_start(r, user_id) != 0)
		return SERVER_ERROR;
	set_cookie(r, PRELOGIN_COOKIE, "", 0);
	return done(r, NULL, "/");
}

int logout_post(struct req *r)
{
	session_end(r);
	return done(r, NULL, "/login");
}
