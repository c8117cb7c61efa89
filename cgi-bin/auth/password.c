/* "Change your password" (guide §1.3): current, new (8 or more), confirm.
 * The user's other sessions end; this one stays. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/core/session.h"
#include "lib/core/validate.h"

#include <string.h>

#define PASSWORD_MIN 8
#define PASSWORD_MAX 256

int password_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "password.title"));
	return DONE;
}

int password_post(struct req *r)
{
	const char *current = hdf_get_value(r->hdf, "Query.current", "");
	const char *fresh = hdf_get_value(r->hdf, "Query.new", "");
	const char *confirm = hdf_get_value(r->hdf, "Query.confirm", "");
	hdf_set_value(r->hdf, "Page.Title", lang(r, "password.title"));

	char hash[PASSWORD_HASH_MAX] = "";
	db_str(r->db, hash, sizeof hash, "SELECT COALESCE(password_hash, '') FROM users WHERE id = ?", "i", r->me.id);
	if (!password_verify(hash, current))
		field_error(r, "current", "password.wrong_current");
	if (!valid_utf8(fresh) || strlen(fresh) > PASSWORD_MAX)
		field_error(r, "new", "errors.invalid_text");
	else if (utf8_length(fresh) < PASSWORD_MIN)
		field_error(r, "new", "password.too_short");
	if (strcmp(fresh, confirm) != 0)
		field_error(r, "confirm", "password.mismatch");
	if (form_has_errors(r)) {
		r->status = 422;
		return DONE;
	}
	if (password_hash(fresh, hash) != 0)
		return SERVER_ERROR;
	struct actor me = me_actor(r);
	if (db_begin(r->db) != 0)
		return SERVER_ERROR;
	if (db_exec(r->db, "UPDATE users SET password_hash = ?, registered = 1, updated_at = UTC_TIMESTAMP() WHERE id = ?",
		    "si", hash, r->me.id) != 1 ||
	    db_exec(r->db, "DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?", "is", r->me.id,
		    r->session_hash) < 0 ||
	    audit_event(r->db, r->me.account_id, &me, "user.password_change", "user", r->me.id_text, r->me.name,
			NULL) != 0 ||
	    db_commit(r->db) != 0) {
		db_rollback(r->db);
		return SERVER_ERROR;
	}
	flash(r, "flash.password_changed");
	redirect(r, "/");
	return DONE;
}
