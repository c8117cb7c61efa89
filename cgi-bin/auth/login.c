/* Sign-in and sign-out (guide §1.2): email and password, one message for
 * any failure, throttled per email and per client address. */
#include "cgi-bin/core/request.h"
#include "lib/core/db_hdf.h"
#include "cgi-bin/core/session.h"
#include "lib/throttle.h"
#include "lib/core/validate.h"

#include <stdio.h>
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

int login_get(struct req *r)
{
	if (r->signed_in) {
		redirect(r, "/");
		return DONE;
	}
	prelogin_token(r);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "login.title"));
	return DONE;
}

/* A real hash to verify against when no user matched, made once per worker. */
static const char *timing_hash(void)
{
	static char hash[PASSWORD_HASH_MAX];
	if (!hash[0])
		password_hash("no user has this password", hash);
	return hash;
}

/* Finds the registered, active user with this email whose password matches.
 * The same email may exist in several accounts; each is tried. */
static long long find_user(struct req *r, const char *email, const char *password)
{
	int n = db_rows(r->db, r->hdf, "Login.Candidates",
		"SELECT u.id, u.password_hash AS hash FROM users u JOIN accounts a ON a.id = u.account_id"
		" WHERE u.email = ? AND u.registered = 1 AND a.status = 'active' ORDER BY u.id LIMIT 5",
		"s", email);
	long long found = 0;
	char key[64];
	for (int i = 0; i < n && !found; i++) {
		snprintf(key, sizeof key, "Login.Candidates.%d.hash", i);
		if (password_verify(hdf_get_value(r->hdf, key, ""), password)) {
			snprintf(key, sizeof key, "Login.Candidates.%d.id", i);
			found = hdf_get_int_value(r->hdf, key, 0);
		}
	}
	/* Spend the same time whether or not the email exists. */
	if (n <= 0)
		password_verify(timing_hash(), password);
	hdf_remove_tree(r->hdf, "Login");
	return found;
}

int login_post(struct req *r)
{
	const char *email = form(r, "email");
	const char *password = hdf_get_value(r->hdf, "Query.password", "");
	const char *addr = hdf_get_value(r->hdf, "CGI.RemoteAddress", "");
	hdf_set_value(r->hdf, "Page.Title", lang(r, "login.title"));
	hdf_set_value(r->hdf, "Form.Values.email", valid_utf8(email) ? email : "");
	prelogin_token(r);
	/* Every stored email passes valid_email() (plain ASCII). Anything else
	 * could still equal a stored one under the database collation ("ａ" and
	 * "á" equal "a") and so dodge the per-email throttle. */
	if (!*email || !*password || !valid_email(email) || strlen(password) > 1024) {
		hdf_set_value(r->hdf, "Form.Error", lang(r, "login.failed"));
		r->status = 422;
		return DONE;
	}
	int wait = throttle_wait(r->db, email, addr);
	if (wait > 0) {
		char msg[256];
		lang_number(r, wait == 1 ? "login.throttled_one" : "login.throttled", wait, msg, sizeof msg);
		hdf_set_value(r->hdf, "Form.Error", msg);
		r->status = 429;
		return DONE;
	}
	long long user_id = find_user(r, email, password);
	if (!user_id) {
		throttle_fail(r->db, email, addr);
		hdf_set_value(r->hdf, "Form.Error", lang(r, "login.failed"));
		r->status = 422;
		return DONE;
	}
	throttle_clear(r->db, email);
	if (session_start(r, user_id) != 0)
		return SERVER_ERROR;
	set_cookie(r, PRELOGIN_COOKIE, "", 0);
	redirect(r, "/");
	return DONE;
}

int logout_post(struct req *r)
{
	session_end(r);
	redirect(r, "/login");
	return DONE;
}
