/* Delete User (guide §2.4): confirmed by typing the word "delete" (the
 * route table's confirmation). Partner staff are never deleted, nobody
 * deletes themselves, and a customer account keeps at least one Account
 * Admin. The row and a "user.delete" event go in one transaction; sessions
 * and licences go with the row. A user synced from a PBX loses only the
 * CloudLink login and stays listed (guide §2.4 notes, lib/pbx_links.h). */
#include "cgi-bin/core/request.h"
#include "cgi-bin/users/user_form.h"
#include "lib/pbx_links.h"

#include <string.h>

/* Why this user cannot be deleted (a lang key), or NULL. admins is the
 * account's number of Account Admins. */
static const char *refusal(struct req *r, const struct user *u, long long admins)
{
	if (user_role_is_partner(u->role))
		return "users.user_delete.partner";
	if (u->id == r->me.id)
		return "users.user_delete.self";
	if (strcmp(u->role, "account_admin") == 0 && admins <= 1)
		return "users.errors.last_admin";
	return NULL;
}

static void publish(struct req *r, const struct user *u, const char *why, int pbx_synced)
{
	hdf_set_int_value(r->hdf, "Delete.PbxSynced", pbx_synced);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "users.user_delete.title"));
	hdf_set_valuef(r->hdf, "User.id=%lld", u->id);
	hdf_set_value(r->hdf, "User.display_name", u->display_name);
	hdf_set_value(r->hdf, "User.email", u->email);
	if (why) {
		hdf_set_value(r->hdf, "Delete.Refused", lang(r, why));
		r->status = 403;
	} else {
		hdf_set_value(r->hdf, "Delete.Word", "delete");
	}
}

int user_delete_get(struct req *r)
{
	long long admins = users_count_admins(r->db, r->acct.id, 0);
	if (admins < 0)
		return SERVER_ERROR;
	int synced = pbx_user_synced(r->db, r->acct.id, r->id);
	if (synced < 0)
		return SERVER_ERROR;
	publish(r, &r->obj.user, refusal(r, &r->obj.user, admins), synced);
	return DONE;
}

struct removal {
	struct user u;
	const char *refused;
	int login_only;              /* synced from a PBX: only the login went */
};

static int remove_user(struct req *r, void *arg)
{
	struct removal *rm = arg;
	/* The account row first: adding a user share-locks that row (the
	 * users' foreign key) before the count slot it touches, as the delete
	 * touches one (schema.sql), so taking it last here could deadlock with
	 * an Add User. Then
	 * decide again under locks (admins first, then the row, as Edit User
	 * does), so a concurrent demotion or deletion cannot leave no admin. */
	if (users_lock_account(r->db, r->acct.id) != 0)
		return -1;
	long long admins = users_count_admins(r->db, r->acct.id, 1);
	int found = admins < 0 ? -1 : users_find(r->db, r->acct.id, r->id, 1, &rm->u);
	if (found != 1)
		return found == 0 ? 1 : -1;
	rm->refused = refusal(r, &rm->u, admins);
	if (rm->refused)
		return 1;
	int synced = pbx_user_synced(r->db, r->acct.id, r->id);
	if (synced) {
		struct actor me = me_actor(r);
		rm->login_only = 1;
		return synced < 0 || pbx_user_remove_login(r->db, &me, r->acct.id, r->id) != 1 ? -1 : 0;
	}
	json_t *details = json_pack("{s:s,s:s}", "email", rm->u.email, "role", rm->u.role);
	int ok = details && event(r, r->acct.id, "user.delete", "user", r->path_id, rm->u.display_name, details) == 0 &&
		 users_delete(r->db, r->acct.id, r->id) == 1;
	json_decref(details);
	return ok ? 0 : -1;
}

int user_delete_post(struct req *r)
{
	struct removal rm = {.refused = NULL, .login_only = 0};
	int rc = tx(r, remove_user, &rm);
	if (rc < 0)
		return SERVER_ERROR;
	if (rc > 0 && !rm.refused)
		return NOT_FOUND;
	if (rc > 0) {
		publish(r, &rm.u, rm.refused, 0);
		return DONE;
	}
	return done(r, rm.login_only ? "flash.user_login_removed" : "flash.user_deleted", "/a/%s/users", r->acct.id);
}
