/* A role's Accounts tab (guide §2.14): the accounts it can be assigned to,
 * each marked assigned or not, searched by name, 50 to a page; select some
 * and Assign or Unassign. An Administrator-based role goes to the partner's
 * customer accounts (an account manager's reach: the assigned ones, served
 * by ix_accounts_list_name), a Partner-based role only to the partner
 * account itself. A role is not taken from an account while users there
 * hold it. One "role.assign" or "role.unassign" event names the accounts. */
#include "cgi-bin/core/listing.h"
#include "lib/core/db_hdf.h"
#include "cgi-bin/roles/role_form.h"
#include "cgi-bin/core/request.h"
#include "lib/accounts.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SELECT_MAX 200

static const struct sort_column columns[] = {
	{"name", 0},
	{NULL, 0},
};

#define CUSTOMER_ACCOUNTS \
	" FROM accounts a WHERE a.partner_id = ? AND a.kind = 'customer' AND a.status = 'active' AND a.name LIKE ?"
#define ROW_COLUMNS \
	"SELECT a.id, a.name, EXISTS (SELECT 1 FROM role_accounts ra WHERE ra.role_id = ? AND ra.account_id = a.id)" \
	" AS assigned"

/* Loads the role; only partner users manage where roles go. */
static int start(struct req *r)
{
	if (!role_is_partner(r->me.role))
		return NOT_FOUND;
	int found = role_load(r, 0);
	if (found != 1)
		return found == 0 ? NOT_FOUND : SERVER_ERROR;
	hdf_set_value(r->hdf, "Page.Title", hdf_get_value(r->hdf, "Role.name", ""));
	return DONE;
}

static int list(struct req *r)
{
	struct listing l;
	listing_read(r, &l, columns);
	long long role = strtoll(r->path_id, NULL, 10); /* valid_id: 1 to 18 digits */
	long long total = 0;
	if (role_base(r) == BASE_PARTNER) {
		total = db_rows(r->db, r->hdf, "Rows", ROW_COLUMNS " FROM accounts a WHERE a.id = ? AND a.name LIKE ?",
				"iss", role, r->me.partner_id, l.q_prefix);
		listing_publish(r, &l, total, NULL);
		return total < 0 ? SERVER_ERROR : DONE;
	}
	char sql[1024];
	snprintf(sql, sizeof sql, "SELECT COUNT(*)" CUSTOMER_ACCOUNTS "%s", SCOPE_ASSIGNED(r, "a.id"));
	if (db_int(r->db, &total, sql, "ssi", r->me.partner_id, l.q_prefix, SCOPE_ARG(r)) != 1)
		return SERVER_ERROR;
	snprintf(sql, sizeof sql, ROW_COLUMNS CUSTOMER_ACCOUNTS "%s ORDER BY a.name %s, a.id %s LIMIT ? OFFSET ?",
		 SCOPE_ASSIGNED(r, "a.id"), l.descending ? "DESC" : "ASC", l.descending ? "DESC" : "ASC");
	if (db_rows(r->db, r->hdf, "Rows", sql, "issiii", role, r->me.partner_id, l.q_prefix, SCOPE_ARG(r),
		    (long long)l.per_page, (long long)l.offset) < 0)
		return SERVER_ERROR;
	listing_publish(r, &l, total, NULL);
	return DONE;
}

int role_accounts_get(struct req *r)
{
	int rc = start(r);
	return rc == DONE ? list(r) : rc;
}

/* 1 when the account is one this role may go to and the actor reaches. */
static int may_receive(struct req *r, const char *account_id)
{
	long long found = 0;
	if (role_base(r) == BASE_PARTNER)
		return strcmp(account_id, r->me.partner_id) == 0;
	/* One row by primary key: the combined scope condition costs nothing here. */
	int rc = db_int(r->db, &found,
			"SELECT 1 FROM accounts WHERE id = ? AND partner_id = ? AND kind = 'customer'"
			" AND (? = 0 OR id IN (SELECT account_id FROM account_manager_accounts WHERE user_id = ?))",
			"ssii", account_id, r->me.partner_id, (long long)r->me.restricted, r->me.id);
	return rc < 0 ? -1 : rc;
}

/* Applies the action to each selected account inside the transaction;
 * names collects the accounts changed. Returns 0, 1 when users of an
 * account still hold the role (nothing is changed), -1 on error. */
static int apply(struct req *r, int assign, const char **ids, int n, json_t *names)
{
	long long role = strtoll(r->path_id, NULL, 10); /* valid_id: 1 to 18 digits */
	for (int i = 0; i < n; i++) {
		int ok = valid_uuid(ids[i]) ? may_receive(r, ids[i]) : 0;
		if (ok < 0)
			return -1;
		if (!ok)
			continue; /* not one of this list's accounts: never shown, so never chosen */
		if (!assign) {
			long long holders = 0;
			if (db_int(r->db, &holders, "SELECT COUNT(*) FROM users WHERE account_id = ? AND custom_role_id = ?",
				   "si", ids[i], role) != 1)
				return -1;
			if (holders > 0)
				return 1;
		}
		long long changed = assign
			? db_exec(r->db, "INSERT IGNORE INTO role_accounts (role_id, account_id) VALUES (?, ?)", "is", role, ids[i])
			: db_exec(r->db, "DELETE FROM role_accounts WHERE role_id = ? AND account_id = ?", "is", role, ids[i]);
		if (changed < 0)
			return -1;
		char name[256] = "";
		if (changed > 0) {
			if (db_str(r->db, name, sizeof name, "SELECT name FROM accounts WHERE id = ?", "s", ids[i]) < 0)
				return -1;
			json_array_append_new(names, json_string(name));
		}
	}
	return 0;
}

int role_accounts_post(struct req *r)
{
	int rc = start(r);
	if (rc != DONE)
		return rc;
	const char *action = form(r, "action");
	int assign = strcmp(action, "assign") == 0;
	const char *ids[SELECT_MAX];
	int n = form_list(r, "accounts", ids, SELECT_MAX);
	if (n == 0 || (!assign && strcmp(action, "unassign") != 0)) {
		hdf_set_value(r->hdf, "Accounts.Error", lang(r, "roles.errors.none_selected"));
		r->status = 422;
		return list(r);
	}
	json_t *names = json_array();
	if (!names || db_begin(r->db) != 0) {
		json_decref(names);
		return SERVER_ERROR;
	}
	int outcome = apply(r, assign, ids, n, names);
	if (outcome == 1) {
		db_rollback(r->db);
		json_decref(names);
		hdf_set_value(r->hdf, "Accounts.Error", lang(r, "roles.errors.held_in_account"));
		r->status = 422;
		return list(r);
	}
	struct actor me = me_actor(r);
	if (outcome == 0 && json_array_size(names) > 0) {
		json_t *details = json_pack("{s:O}", "accounts", names);
		outcome = details ? audit_event(r->db, r->me.partner_id, &me, assign ? "role.assign" : "role.unassign",
						"role", r->path_id, hdf_get_value(r->hdf, "Role.name", ""), details)
				  : -1;
		json_decref(details);
	}
	json_decref(names);
	if (outcome != 0 || db_commit(r->db) != 0) {
		db_rollback(r->db);
		return SERVER_ERROR;
	}
	flash(r, assign ? "flash.role_assigned" : "flash.role_unassigned");
	redirect(r, "/roles/%s/accounts", r->path_id);
	return DONE;
}
