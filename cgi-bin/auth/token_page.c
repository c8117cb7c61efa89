#include "cgi-bin/auth/token_page.h"
#include "lib/core/db_hdf.h"
#include "cgi-bin/core/session.h"
#include "lib/tokens.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <string.h>

#define PASSWORD_MIN 8
#define PASSWORD_MAX 256

static const char *const state_names[] = {
	[TOKEN_UNKNOWN] = "unknown", [TOKEN_VALID] = "valid", [TOKEN_EXPIRED] = "expired", [TOKEN_USED] = "used",
};

static void start(struct req *r, const struct token_page *p)
{
	char key[64];
	snprintf(key, sizeof key, "%s.title", p->lang);
	hdf_set_value(r->hdf, "Page.Title", lang(r, key));
	hdf_set_value(r->hdf, "Token.Path", p->path);
	/* A signed-in visitor's forms already carry the session's token. */
	if (!r->signed_in)
		prelogin_token(r);
}

/* Checks the link's token and publishes Token.*; returns its state, or -1. */
static int check(struct req *r, const struct token_page *p, int for_update, long long *user_id)
{
	const char *t = form(r, "t");
	int state = token_check(r->db, t, p->purpose, for_update, user_id);
	if (state < 0)
		return -1;
	hdf_set_value(r->hdf, "Token.State", state_names[state]);
	if (state == TOKEN_VALID) {
		hdf_set_value(r->hdf, "Token.Value", t);
		if (db_row(r->db, r->hdf, "Token.User", "SELECT display_name, email FROM users WHERE id = ?", "i",
			   *user_id) != 1)
			return -1;
	}
	return state;
}

int token_page_get(struct req *r, const struct token_page *p)
{
	long long user_id = 0;
	start(r, p);
	if (strcmp(form(r, "done"), "1") == 0) {
		hdf_set_value(r->hdf, "Token.State", "done");
		return DONE;
	}
	int state = check(r, p, 0, &user_id);
	if (state < 0)
		return SERVER_ERROR;
	if (state != TOKEN_VALID)
		r->status = 404;
	return DONE;
}

static void check_passwords(struct req *r)
{
	const char *fresh = hdf_get_value(r->hdf, "Query.password", "");
	const char *confirm = hdf_get_value(r->hdf, "Query.confirm", "");
	if (!valid_utf8(fresh) || strlen(fresh) > PASSWORD_MAX)
		field_error(r, "password", "errors.invalid_text");
	else if (utf8_length(fresh) < PASSWORD_MIN)
		field_error(r, "password", "password.too_short");
	else if (strcmp(fresh, confirm) != 0)
		field_error(r, "confirm", "password.mismatch");
}

int token_page_post(struct req *r, const struct token_page *p)
{
	long long user_id = 0;
	start(r, p);
	check_passwords(r);
	char hash[PASSWORD_HASH_MAX];
	if (!form_has_errors(r) && password_hash(hdf_get_value(r->hdf, "Query.password", ""), hash) != 0)
		return SERVER_ERROR;
	if (db_begin(r->db) != 0)
		return SERVER_ERROR;
	int state = check(r, p, 1, &user_id);
	if (state != TOKEN_VALID || form_has_errors(r)) {
		db_rollback(r->db);
		if (state < 0)
			return SERVER_ERROR;
		r->status = state == TOKEN_VALID ? 422 : 404;
		return DONE;
	}
	char account_id[UUID_LEN] = "", id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", user_id);
	const char *name = hdf_get_value(r->hdf, "Token.User.display_name", "");
	struct actor self = {user_id, name, hdf_get_value(r->hdf, "Token.User.email", "")};
	int ok = db_str(r->db, account_id, sizeof account_id, "SELECT account_id FROM users WHERE id = ? FOR UPDATE", "i",
			user_id) == 1 &&
		 db_exec(r->db, "UPDATE users SET password_hash = ?, registered = 1, updated_at = UTC_TIMESTAMP(),"
				" updated_by_name = ? WHERE id = ?", "ssi", hash, name, user_id) == 1 &&
		 token_use_all(r->db, user_id, p->purpose) == 0 &&
		 (!p->end_sessions || db_exec(r->db, "DELETE FROM sessions WHERE user_id = ?", "i", user_id) >= 0) &&
		 audit_event(r->db, account_id, &self, p->action, "user", id_text, name, NULL) == 0 &&
		 db_commit(r->db) == 0;
	if (!ok) {
		db_rollback(r->db);
		return SERVER_ERROR;
	}
	/* Whoever was signed in on this browser is not who set this password. */
	if (r->signed_in && r->me.id != user_id)
		session_end(r);
	redirect(r, "%s?done=1", p->path);
	return DONE;
}
