/* Delete User (guide §2.4): confirmed by typing the word "delete". Partner
 * staff are never deleted, nobody deletes themselves, and a customer
 * account keeps at least one Account Admin. The row and a "user.delete"
 * event go in one transaction; sessions and licences go with the row. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/users/user_form.h"

#include <stdlib.h>
#include <string.h>

#define CONFIRM_WORD "delete"

/* Why this user cannot be deleted (a lang key), or NULL. admins is the
 * account's number of Account Admins. */
static const char *refusal(struct req *r, long long admins)
{
	const char *role = hdf_get_value(r->hdf, "User.role", "");
	if (user_role_is_partner(role))
		return "users.delete_partner";
	if (strcmp(hdf_get_value(r->hdf, "User.id", ""), r->me.id_text) == 0)
		return "users.delete_self";
	if (strcmp(role, "account_admin") == 0 && admins <= 1)
		return "users.errors.last_admin";
	return NULL;
}

static long long count_admins(struct req *r)
{
	long long n = 0;
	return db_int(r->db, &n, "SELECT COUNT(*) FROM users WHERE account_id = ? AND role = 'account_admin'", "s",
		      r->acct.id) == 1 ? n : -1;
}

/* Loads the user and decides; DONE with the refusal shown (403), 1 to go on. */
static int start(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "users.delete_title"));
	int found = user_load(r, "User", 0);
	if (found != 1)
		return found == 0 ? NOT_FOUND : SERVER_ERROR;
	long long admins = count_admins(r);
	if (admins < 0)
		return SERVER_ERROR;
	const char *why = refusal(r, admins);
	if (why) {
		hdf_set_value(r->hdf, "Delete.Refused", lang(r, why));
		r->status = 403;
		return DONE;
	}
	hdf_set_value(r->hdf, "Delete.Word", CONFIRM_WORD);
	return 1;
}

int user_delete_get(struct req *r)
{
	if (!user_admin_may_manage(r))
		return NOT_FOUND;
	int rc = start(r);
	return rc == 1 ? DONE : rc;
}

int user_delete_post(struct req *r)
{
	if (!user_admin_may_manage(r))
		return NOT_FOUND;
	int rc = start(r);
	if (rc != 1)
		return rc;
	if (strcmp(form(r, "confirm"), CONFIRM_WORD) != 0) {
		field_error(r, "confirm", "errors.typed_word");
		r->status = 422;
		return DONE;
	}
	long long id = strtoll(r->path_id, NULL, 10); /* valid_id: 1 to 18 digits */
	if (db_begin(r->db) != 0)
		return SERVER_ERROR;
	/* The account row first: the delete updates its user_count (a trigger,
	 * schema.sql), and adding a user locks that row before the users it
	 * touches, so taking it last here could deadlock with an Add User. */
	long long locked = 0;
	int account = db_int(r->db, &locked, "SELECT 1 FROM accounts WHERE id = ? FOR UPDATE", "s", r->acct.id);
	/* Decide again under locks (admins first, then the row, as Edit User
	 * does), so a concurrent demotion or deletion cannot leave no admin. */
	long long admins = account == 1 ? user_count_admins_locked(r) : -1;
	int found = admins < 0 ? -1 : user_load(r, "User", 1);
	if (found != 1) {
		db_rollback(r->db);
		return found == 0 ? NOT_FOUND : SERVER_ERROR;
	}
	const char *why = refusal(r, admins);
	if (why) {
		db_rollback(r->db);
		hdf_remove_tree(r->hdf, "Delete.Word");
		hdf_set_value(r->hdf, "Delete.Refused", lang(r, why));
		r->status = 403;
		return DONE;
	}
	const char *name = hdf_get_value(r->hdf, "User.display_name", "");
	json_t *details = json_pack("{s:s,s:s}", "email", hdf_get_value(r->hdf, "User.email", ""), "role",
				    hdf_get_value(r->hdf, "User.role", ""));
	struct actor me = me_actor(r);
	int ok = details && audit_event(r->db, r->acct.id, &me, "user.delete", "user", r->path_id, name, details) == 0 &&
		 db_exec(r->db, "DELETE FROM users WHERE id = ? AND account_id = ?", "is", id, r->acct.id) == 1 &&
		 db_commit(r->db) == 0;
	json_decref(details);
	if (!ok) {
		db_rollback(r->db);
		return SERVER_ERROR;
	}
	flash(r, "flash.user_deleted");
	redirect(r, "/a/%s/users", r->acct.id);
	return DONE;
}
