#include "cgi-bin/auth/token_page.h"
#include "cgi-bin/auth/new_password.h"
#include "cgi-bin/core/session.h"
#include "lib/passwords.h"
#include "lib/sessions.h"
#include "lib/tokens.h"

#include <stdio.h>
#include <string.h>

static const char *const state_names[] = {
	[TOKEN_UNKNOWN] = "unknown", [TOKEN_VALID] = "valid", [TOKEN_EXPIRED] = "expired", [TOKEN_USED] = "used",
};

static void start(struct req *r, const struct token_page *p)
{
	char key[64];
	snprintf(key, sizeof key, "auth.%s.title", p->lang);
	hdf_set_value(r->hdf, "Page.Title", lang(r, key));
	hdf_set_value(r->hdf, "Token.Path", p->path);
	/* A signed-in visitor's forms already carry the session's token. */
	if (!r->signed_in)
		prelogin_token(r);
}

int token_page_get(struct req *r, const struct token_page *p)
{
	start(r, p);
	if (strcmp(form(r, "done"), "1") == 0) {
		hdf_set_value(r->hdf, "Token.State", "done");
		return DONE;
	}
	const char *t = form(r, "t");
	long long user_id = 0;
	int state = token_check(r->db, t, p->purpose, 0, &user_id);
	if (state < 0)
		return SERVER_ERROR;
	hdf_set_value(r->hdf, "Token.State", state_names[state]);
	if (state != TOKEN_VALID) {
		r->status = 404;
		return DONE;
	}
	struct token_user u;
	if (token_user_find(r->db, user_id, 0, &u) != 1)
		return SERVER_ERROR;
	hdf_set_value(r->hdf, "Token.Value", t);
	hdf_set_value(r->hdf, "Token.User.display_name", u.display_name);
	hdf_set_value(r->hdf, "Token.User.email", u.email);
	return DONE;
}

struct password_set {
	const struct token_page *page;
	char hash[PASSWORD_HASH_MAX];
	long long user_id;
};

/* The token again, locked; then the password, the token used up and the
 * event. 1 when the link stopped working meanwhile. */
static int set_password(struct req *r, void *arg)
{
	struct password_set *s = arg;
	const struct token_page *p = s->page;
	int state = token_check(r->db, in(r, "t"), p->purpose, 1, &s->user_id);
	if (state != TOKEN_VALID)
		return state < 0 ? -1 : 1;
	struct token_user u;
	if (token_user_find(r->db, s->user_id, 1, &u) != 1 || passwords_set(r->db, s->user_id, s->hash, u.display_name) != 0 ||
	    token_use_all(r->db, s->user_id, p->purpose) != 0 ||
	    (p->end_sessions && sessions_end_user(r->db, s->user_id) != 0))
		return -1;
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", s->user_id);
	struct actor self = {s->user_id, u.display_name, u.email};
	return audit_event(r->db, u.account_id, &self, p->action, "user", id_text, u.display_name, NULL) == 0 ? 0 : -1;
}

int token_page_post(struct req *r, const struct token_page *p)
{
	long long user_id = 0;
	int state = token_check(r->db, in(r, "t"), p->purpose, 0, &user_id);
	if (state < 0)
		return SERVER_ERROR;
	if (state != TOKEN_VALID) /* the page says what is wrong with the link */
		return token_page_get(r, p);
	new_password_check(r, "password", "confirm");
	if (form_has_errors(r))
		return invalid(r);
	struct password_set s = {.page = p};
	if (password_hash(in(r, "password"), s.hash) != 0)
		return SERVER_ERROR;
	int rc = tx(r, set_password, &s);
	if (rc < 0)
		return SERVER_ERROR;
	if (rc > 0)
		return token_page_get(r, p);
	/* Whoever was signed in on this browser is not who set this password. */
	if (r->signed_in && r->me.id != s.user_id)
		session_end(r);
	return done(r, NULL, "%s?done=1", p->path);
}
