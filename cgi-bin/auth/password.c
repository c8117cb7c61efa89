/* "Change your password" (guide §1.3): current, new (8 or more), confirm.
 * The user's other sessions end; this one stays. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/auth/new_password.h"
#include "lib/passwords.h"
#include "lib/sessions.h"

int password_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "auth.password.title"));
	return DONE;
}

static int change(struct req *r, void *hash)
{
	if (passwords_set(r->db, r->me.id, hash, NULL) != 0 ||
	    sessions_end_user_except(r->db, r->me.id, r->session_hash) != 0)
		return -1;
	return event(r, r->me.account_id, "user.password_change", "user", r->me.id_text, r->me.name, NULL);
}

int password_post(struct req *r)
{
	int match = passwords_match(r->db, r->me.id, in(r, "current"));
	if (match < 0)
		return SERVER_ERROR;
	if (!match)
		field_error(r, "current", "auth.password.wrong_current");
	new_password_check(r, "new", "confirm");
	if (form_has_errors(r))
		return invalid(r);
	char hash[PASSWORD_HASH_MAX];
	if (password_hash(in(r, "new"), hash) != 0 || tx(r, change, hash) != 0)
		return SERVER_ERROR;
	return done(r, "flash.password_changed", "/");
}
