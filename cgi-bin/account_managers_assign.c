/* Assign and Unassign on Manage Selected (guide §2.15.1): the chosen
 * customer accounts are given to, or taken from, every selected account
 * manager. A confirmation first; then all of it in one transaction with a
 * "user.update" event per manager naming the accounts, and the manage page
 * shows the finished progress. A manager reaches the accounts from their
 * next request. */
#include "cgi-bin/account_managers_form.h"
#include "cgi-bin/screens.h"
#include "lib/validate.h"

#include <stdio.h>
#include <string.h>

#define ACCOUNTS_MAX 200

struct chosen {
	int n;
	char ids[ACCOUNTS_MAX][UUID_LEN];
};

/* The selected accounts that are the partner's customer accounts, into
 * Accounts.N.id/name; -1 on a database error. */
static int read_accounts(struct req *r, struct chosen *c)
{
	const char *values[ACCOUNTS_MAX];
	int n = form_list(r, "accounts", values, ACCOUNTS_MAX);
	c->n = 0;
	char prefix[32];
	for (int i = 0; i < n; i++) {
		if (!valid_uuid(values[i]))
			continue;
		int seen = 0;
		for (int j = 0; j < c->n && !seen; j++)
			seen = strcmp(c->ids[j], values[i]) == 0;
		if (seen)
			continue;
		snprintf(prefix, sizeof prefix, "Accounts.%d", c->n);
		int found = db_row(r->db, r->hdf, prefix,
				   "SELECT id, name FROM accounts WHERE id = ? AND partner_id = ? AND kind = 'customer'",
				   "ss", values[i], r->me.partner_id);
		if (found < 0)
			return -1;
		if (found)
			snprintf(c->ids[c->n++], UUID_LEN, "%s", values[i]);
	}
	return c->n;
}

static int start(struct req *r, enum managers_action *a, struct manager_selection *s, struct chosen *c)
{
	*a = managers_action_from(form(r, "action"));
	if (*a != MANAGERS_ASSIGN && *a != MANAGERS_UNASSIGN) {
		redirect(r, "/account-managers");
		return DONE;
	}
	int k = managers_read_selection(r, "account_manager", s);
	int n = k > 0 ? read_accounts(r, c) : 0;
	if (k < 0 || n < 0)
		return SERVER_ERROR;
	const char *tab = form(r, "tab");
	hdf_set_value(r->hdf, "Confirm.Tab", strspn(tab, "abcdefghijklmnopqrstuvwxyz") == strlen(tab) ? tab : "");
	if (k == 0) {
		redirect(r, "/account-managers");
		return DONE;
	}
	if (n == 0) {
		redirect(r, "/account-managers/manage?%s&tab=%s", s->query, hdf_get_value(r->hdf, "Confirm.Tab", ""));
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

int account_managers_assign_get(struct req *r)
{
	enum managers_action a;
	struct manager_selection s;
	struct chosen c;
	return start(r, &a, &s, &c);
}

/* One manager's share of the work and its event, inside the transaction. */
static int apply(struct req *r, enum managers_action a, long long manager, const char *name, const struct chosen *c)
{
	json_t *changed = json_array();
	if (!changed)
		return -1;
	char key[64];
	for (int i = 0; i < c->n; i++) {
		long long n = a == MANAGERS_ASSIGN
			? db_exec(r->db, "INSERT IGNORE INTO account_manager_accounts (user_id, account_id) VALUES (?, ?)",
				  "is", manager, c->ids[i])
			: db_exec(r->db, "DELETE FROM account_manager_accounts WHERE user_id = ? AND account_id = ?", "is",
				  manager, c->ids[i]);
		if (n < 0) {
			json_decref(changed);
			return -1;
		}
		snprintf(key, sizeof key, "Accounts.%d.name", i);
		if (n > 0)
			json_array_append_new(changed, json_string(hdf_get_value(r->hdf, key, "")));
	}
	int rc = 0;
	if (json_array_size(changed) > 0) {
		json_t *details = json_pack("{s:O}", a == MANAGERS_ASSIGN ? "accounts_assigned" : "accounts_unassigned",
					    changed);
		char id_text[24];
		snprintf(id_text, sizeof id_text, "%lld", manager);
		struct actor me = me_actor(r);
		rc = details ? audit_event(r->db, r->me.partner_id, &me, "user.update", "user", id_text, name, details) : -1;
		json_decref(details);
		if (rc == 0 && db_exec(r->db, "UPDATE users SET updated_at = UTC_TIMESTAMP(), updated_by_name = ? WHERE id = ?",
				       "si", r->me.name, manager) < 0)
			rc = -1;
	}
	json_decref(changed);
	return rc;
}

int account_managers_assign_post(struct req *r)
{
	enum managers_action a;
	struct manager_selection s;
	struct chosen c;
	int rc = start(r, &a, &s, &c);
	if (rc != DONE || r->location[0])
		return rc;
	if (db_begin(r->db) != 0)
		return SERVER_ERROR;
	char key[64];
	for (int i = 0; i < s.n; i++) {
		snprintf(key, sizeof key, "Selected.%d.name", i);
		if (apply(r, a, s.ids[i], hdf_get_value(r->hdf, key, ""), &c) != 0) {
			db_rollback(r->db);
			return SERVER_ERROR;
		}
	}
	if (db_commit(r->db) != 0) {
		db_rollback(r->db);
		return SERVER_ERROR;
	}
	redirect(r, "/account-managers/manage?%s&tab=%s&done=%s&n=%d", s.query, hdf_get_value(r->hdf, "Confirm.Tab", ""),
		 managers_action_key(a), c.n);
	return DONE;
}
