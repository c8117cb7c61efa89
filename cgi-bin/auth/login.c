/* Sign-in and sign-out (guide §1.2): email and password, one message for
 * any failure, throttled (lib/throttle.h). */
#include "cgi-bin/core/request.h"
#include "cgi-bin/core/session.h"
#include "lib/passwords.h"
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
	if (r->signed_in)
		return done(r, NULL, "/");
	prelogin_token(r);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "auth.login.title"));
	return DONE;
}

/* The sign-in page again with one message (no field is singled out: that
 * would tell which was wrong). */
static int refuse(struct req *r, int status, const char *message)
{
	prelogin_token(r);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "auth.login.title"));
	hdf_remove_tree(r->hdf, "Form.Errors");
	hdf_remove_tree(r->hdf, "Form.HasErrors");
	hdf_set_value(r->hdf, "Form.Error", message);
	r->status = status;
	return DONE;
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
	const char *addr = hdf_get_value(r->hdf, "CGI.RemoteAddress", "");
	/* Every stored email passes valid_email() (plain ASCII). Anything else
	 * could still equal a stored one under the database collation ("ａ" and
	 * "á" equal "a") and so dodge the throttling. */
	if (form_has_errors(r) || !*email || !*password || !valid_email(email))
		return refuse(r, 422, lang(r, "auth.login.failed"));
	long wait = throttle_wait(r->db, email, addr);
	if (wait < 0)
		return SERVER_ERROR;
	if (wait > 0) {
		char message[256];
		wait_message(r, wait, message, sizeof message);
		return refuse(r, 429, message);
	}
	long long user_id = 0;
	int found = passwords_sign_in(r->db, email, password, &user_id);
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
