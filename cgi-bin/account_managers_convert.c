/* Convert Selected and Upgrade Selected (guide §2.15.1): administrators of
 * the partner account become account managers, restricted to the accounts
 * assigned to them, or managers become administrators again (their
 * assignments are dropped: an administrator reaches every account). A
 * confirmation first; then every selected user changes in one transaction,
 * each with a "user.update" event, and the list shows the finished progress.
 * The change counts from the users' next request. */
#include "cgi-bin/account_managers_form.h"
#include "cgi-bin/screens.h"

#include <stdio.h>

/* The action and its selection; DONE to show, or the list again when
 * nothing selectable was chosen. */
static int start(struct req *r, enum managers_action *a, struct manager_selection *s)
{
	*a = managers_action_from(form(r, "action"));
	if (*a != MANAGERS_CONVERT && *a != MANAGERS_UPGRADE) {
		redirect(r, "/account-managers");
		return DONE;
	}
	const char *from = *a == MANAGERS_CONVERT ? "partner_admin" : "account_manager";
	int n = managers_read_selection(r, from, s);
	if (n < 0)
		return SERVER_ERROR;
	if (n == 0) {
		redirect(r, "/account-managers?tab=%s", *a == MANAGERS_CONVERT ? "admins" : "managers");
		return DONE;
	}
	char key[96];
	snprintf(key, sizeof key, "account_managers.confirm.%s_title", managers_action_key(*a));
	hdf_set_value(r->hdf, "Confirm.Title", lang(r, key));
	snprintf(key, sizeof key, "account_managers.confirm.%s_body", managers_action_key(*a));
	hdf_set_value(r->hdf, "Confirm.Body", lang(r, key));
	hdf_set_value(r->hdf, "Confirm.Action", managers_action_key(*a));
	hdf_set_value(r->hdf, "Page.Title", hdf_get_value(r->hdf, "Confirm.Title", ""));
	return DONE;
}

int account_managers_confirm_get(struct req *r)
{
	enum managers_action a;
	struct manager_selection s;
	return start(r, &a, &s);
}

/* One user's change and its event, inside the transaction. */
static int change(struct req *r, enum managers_action a, long long id, const char *name)
{
	const char *from = a == MANAGERS_CONVERT ? "partner_admin" : "account_manager";
	const char *to = a == MANAGERS_CONVERT ? "account_manager" : "partner_admin";
	if (db_exec(r->db,
		    "UPDATE users SET role = ?, updated_at = UTC_TIMESTAMP(), updated_by_name = ?"
		    " WHERE id = ? AND account_id = ? AND role = ?",
		    "ssiss", to, r->me.name, id, r->me.partner_id, from) != 1)
		return -1;
	long long dropped = 0;
	if (a == MANAGERS_UPGRADE &&
	    (dropped = db_exec(r->db, "DELETE FROM account_manager_accounts WHERE user_id = ?", "i", id)) < 0)
		return -1;
	json_t *changes = json_object();
	audit_change(changes, "role", from, to);
	if (dropped > 0)
		json_object_set_new(changes, "managed_accounts_dropped", json_integer(dropped));
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", id);
	struct actor me = me_actor(r);
	int rc = changes ? audit_event(r->db, r->me.partner_id, &me, "user.update", "user", id_text, name, changes) : -1;
	json_decref(changes);
	return rc;
}

int account_managers_confirm_post(struct req *r)
{
	enum managers_action a;
	struct manager_selection s;
	int rc = start(r, &a, &s);
	if (rc != DONE || r->location[0])
		return rc;
	if (db_begin(r->db) != 0)
		return SERVER_ERROR;
	char key[64];
	for (int i = 0; i < s.n; i++) {
		snprintf(key, sizeof key, "Selected.%d.name", i);
		if (change(r, a, s.ids[i], hdf_get_value(r->hdf, key, "")) != 0) {
			db_rollback(r->db);
			return SERVER_ERROR;
		}
	}
	if (db_commit(r->db) != 0) {
		db_rollback(r->db);
		return SERVER_ERROR;
	}
	/* The converted appear on the managers tab, the upgraded on the administrators tab. */
	redirect(r, "/account-managers?tab=%s&done=%s&n=%d", a == MANAGERS_CONVERT ? "managers" : "admins",
		 managers_action_key(a), s.n);
	return DONE;
}
