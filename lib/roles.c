#include "lib/roles.h"

#include <stdio.h>
#include <string.h>

#define ER_DUP_ENTRY 1062

#define ROLE_SELECT \
	"SELECT r.id, r.partner_id, r.name, r.description, r.base, r.grants," \
	" DATE_FORMAT(r.updated_at, '%Y-%m-%d %H:%i') AS modified, r.updated_by_name," \
	" (SELECT COUNT(*) FROM users WHERE custom_role_id = r.id) AS users" \
	" FROM roles r WHERE r.id = ? AND (" \
	"  (r.partner_id = ? AND (? = 0 OR NOT EXISTS (" \
	"    SELECT 1 FROM role_accounts ra WHERE ra.role_id = r.id AND ra.account_id <> r.partner_id" \
	"    AND ra.account_id NOT IN (SELECT account_id FROM account_manager_accounts WHERE user_id = ?))))" \
	"  OR r.id IN (SELECT role_id FROM role_accounts WHERE account_id = ?))"

static int role_from_row(void *ctx, const struct db_row *row)
{
	struct custom_role *o = ctx;
	memset(o, 0, sizeof *o);
	o->id = row_int(row, "id");
	row_copy(row, "partner_id", o->partner_id, sizeof o->partner_id);
	row_copy(row, "name", o->name, sizeof o->name);
	row_copy(row, "description", o->description, sizeof o->description);
	o->base = BASE_PARTNER;
	base_from_key(row_str(row, "base"), &o->base);
	row_copy(row, "grants", o->grants, sizeof o->grants);
	row_copy(row, "modified", o->modified, sizeof o->modified);
	row_copy(row, "updated_by_name", o->updated_by_name, sizeof o->updated_by_name);
	o->users = row_int(row, "users");
	return 0;
}

int roles_find(db *d, const struct role_reach *reach, long long id, int for_update, struct custom_role *out)
{
	if (for_update)
		return db_one(d, role_from_row, out, ROLE_SELECT " FOR UPDATE", "isiis", id, reach->partner_id,
			      reach->manager_id, reach->manager_id, reach->account_id);
	return db_one(d, role_from_row, out, ROLE_SELECT, "isiis", id, reach->partner_id, reach->manager_id,
		      reach->manager_id, reach->account_id);
}

/* ---- the Roles list ----
 * One statement per kind of reach, program literals all, each taking the
 * same three parameters: the partner (or the Account Admin's account), the
 * name pattern and the manager (any number when the condition has none).
 * A partner's roles are walked by name on ux_roles_partner_name; an
 * account's come from ix_role_accounts_account. */

#define LIST_COLUMNS \
	"SELECT r.id, r.name, r.description, r.base, r.updated_by_name," \
	" DATE_FORMAT(r.updated_at, '%Y-%m-%d %H:%i') AS modified," \
	" (SELECT COUNT(*) FROM role_accounts ra WHERE ra.role_id = r.id) AS accounts"
#define OF_PARTNER " FROM roles r WHERE r.partner_id = ? AND r.name LIKE ? AND ? >= 0"
#define OF_MANAGER \
	" FROM roles r WHERE r.partner_id = ? AND r.name LIKE ? AND NOT EXISTS (" \
	"  SELECT 1 FROM role_accounts ra WHERE ra.role_id = r.id AND ra.account_id <> r.partner_id" \
	"  AND ra.account_id NOT IN (SELECT account_id FROM account_manager_accounts WHERE user_id = ?))"
#define OF_ACCOUNT \
	" FROM roles r WHERE r.id IN (SELECT role_id FROM role_accounts WHERE account_id = ?) AND r.name LIKE ? AND ? >= 0"
#define PAGE_ASC " ORDER BY r.name LIMIT ? OFFSET ?"
#define PAGE_DESC " ORDER BY r.name DESC LIMIT ? OFFSET ?"

struct list_sql {
	const char *count, *asc, *desc;
};

static const struct list_sql of_partner = {
	"SELECT COUNT(*)" OF_PARTNER, LIST_COLUMNS OF_PARTNER PAGE_ASC, LIST_COLUMNS OF_PARTNER PAGE_DESC};
static const struct list_sql of_manager = {
	"SELECT COUNT(*)" OF_MANAGER, LIST_COLUMNS OF_MANAGER PAGE_ASC, LIST_COLUMNS OF_MANAGER PAGE_DESC};
static const struct list_sql of_account = {
	"SELECT COUNT(*)" OF_ACCOUNT, LIST_COLUMNS OF_ACCOUNT PAGE_ASC, LIST_COLUMNS OF_ACCOUNT PAGE_DESC};

/* The statements of who reaches, and the first parameter they take. */
static const struct list_sql *list_for(const struct role_reach *reach, const char **scope)
{
	if (reach->account_id && *reach->account_id) {
		*scope = reach->account_id;
		return &of_account;
	}
	*scope = reach->partner_id;
	return reach->manager_id ? &of_manager : &of_partner;
}

long long roles_count(db *d, const struct role_reach *reach, const char *name_like)
{
	const char *scope;
	const struct list_sql *q = list_for(reach, &scope);
	long long n = 0;
	return db_int(d, &n, q->count, "ssi", scope, name_like, reach->manager_id) == 1 ? n : -1;
}

struct role_row_call {
	role_row_fn fn;
	void *ctx;
};

static int role_row_from(void *ctx, const struct db_row *row)
{
	struct role_row_call *c = ctx;
	struct role_row r = {
		.id = row_int(row, "id"),
		.name = row_str(row, "name"),
		.description = row_str(row, "description"),
		.base = BASE_PARTNER,
		.modified = row_str(row, "modified"),
		.updated_by_name = row_str(row, "updated_by_name"),
		.accounts = row_int(row, "accounts"),
	};
	base_from_key(row_str(row, "base"), &r.base);
	return c->fn(c->ctx, &r);
}

int roles_each(db *d, const struct role_reach *reach, const char *name_like, int descending, long limit, long offset,
	       role_row_fn fn, void *ctx)
{
	const char *scope;
	const struct list_sql *q = list_for(reach, &scope);
	struct role_row_call c = {fn, ctx};
	return db_each(d, role_row_from, &c, descending ? q->desc : q->asc, "ssiii", scope, name_like, reach->manager_id,
		       (long long)limit, (long long)offset);
}

/* ---- writing roles ---- */

int roles_insert(db *d, const char *partner_id, const struct role_fields *f, const char *by_name, long long *id)
{
	long long n = db_exec(d,
		"INSERT INTO roles (partner_id, name, description, base, grants, created_at, updated_at, updated_by_name)"
		" VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(), ?)",
		"ssssss", partner_id, f->name, f->description, base_key(f->base), f->grants, by_name);
	if (n != 1)
		return n < 0 && db_errno(d) == ER_DUP_ENTRY ? 1 : -1;
	*id = (long long)db_insert_id(d);
	return 0;
}

int roles_update(db *d, const char *partner_id, long long id, const struct role_fields *f, const char *by_name)
{
	long long n = db_exec(d,
		"UPDATE roles SET name = ?, description = ?, grants = ?, updated_at = UTC_TIMESTAMP(), updated_by_name = ?"
		" WHERE id = ? AND partner_id = ?",
		"ssssis", f->name, f->description, f->grants, by_name, id, partner_id);
	if (n < 0)
		return db_errno(d) == ER_DUP_ENTRY ? 1 : -1;
	return 0;
}

int roles_delete(db *d, const char *partner_id, long long id)
{
	return db_exec(d, "DELETE FROM roles WHERE id = ? AND partner_id = ?", "is", id, partner_id) == 1 ? 0 : -1;
}

/* ---- a role's Accounts tab ----
 * Administrator-based roles: the partner's active customer accounts by
 * name on ix_accounts_list_name. An account manager's are those assigned
 * to them, as a condition of its own rather than "? = 0 OR ...", which
 * keeps MariaDB on the assignments' index. Every statement takes the
 * partner (the partner account itself for a Partner-based role), the name
 * pattern and the manager (any number when the condition has none); the
 * rows' statements take the role first. */

#define ACCOUNT_COLUMNS \
	"SELECT a.id, a.name, EXISTS (SELECT 1 FROM role_accounts ra WHERE ra.role_id = ? AND ra.account_id = a.id)" \
	" AS assigned"
#define CUSTOMERS \
	" FROM accounts a WHERE a.partner_id = ? AND a.kind = 'customer' AND a.status = 'active' AND a.name LIKE ?"
#define ALL_OF_THEM " AND ? >= 0"
#define ASSIGNED_TO_MANAGER " AND a.id IN (SELECT account_id FROM account_manager_accounts WHERE user_id = ?)"
#define THE_PARTNER " FROM accounts a WHERE a.id = ? AND a.name LIKE ? AND ? >= 0"
#define BY_NAME_ASC " ORDER BY a.name, a.id LIMIT ? OFFSET ?"
#define BY_NAME_DESC " ORDER BY a.name DESC, a.id DESC LIMIT ? OFFSET ?"

static const struct list_sql to_customers = {
	"SELECT COUNT(*)" CUSTOMERS ALL_OF_THEM,
	ACCOUNT_COLUMNS CUSTOMERS ALL_OF_THEM BY_NAME_ASC, ACCOUNT_COLUMNS CUSTOMERS ALL_OF_THEM BY_NAME_DESC};
static const struct list_sql to_managed = {
	"SELECT COUNT(*)" CUSTOMERS ASSIGNED_TO_MANAGER,
	ACCOUNT_COLUMNS CUSTOMERS ASSIGNED_TO_MANAGER BY_NAME_ASC, ACCOUNT_COLUMNS CUSTOMERS ASSIGNED_TO_MANAGER BY_NAME_DESC};
static const struct list_sql to_partner = {
	"SELECT COUNT(*)" THE_PARTNER,
	ACCOUNT_COLUMNS THE_PARTNER BY_NAME_ASC, ACCOUNT_COLUMNS THE_PARTNER BY_NAME_DESC};

static const struct list_sql *accounts_for(const struct role_reach *reach, const struct custom_role *role)
{
	if (role->base == BASE_PARTNER)
		return &to_partner;
	return reach->manager_id ? &to_managed : &to_customers;
}

long long role_accounts_count(db *d, const struct role_reach *reach, const struct custom_role *role,
			      const char *name_like)
{
	long long n = 0;
	return db_int(d, &n, accounts_for(reach, role)->count, "ssi", role->partner_id, name_like, reach->manager_id) == 1
		? n : -1;
}

struct account_call {
	role_account_fn fn;
	void *ctx;
};

static int account_row_from(void *ctx, const struct db_row *row)
{
	struct account_call *c = ctx;
	struct role_account_row a = {row_str(row, "id"), row_str(row, "name"), (int)row_int(row, "assigned")};
	return c->fn(c->ctx, &a);
}

int role_accounts_each(db *d, const struct role_reach *reach, const struct custom_role *role, const char *name_like,
		       int descending, long limit, long offset, role_account_fn fn, void *ctx)
{
	const struct list_sql *q = accounts_for(reach, role);
	struct account_call c = {fn, ctx};
	return db_each(d, account_row_from, &c, descending ? q->desc : q->asc, "issiii", role->id, role->partner_id,
		       name_like, reach->manager_id, (long long)limit, (long long)offset);
}

int role_account_find(db *d, const struct role_reach *reach, const struct custom_role *role, const char *account_id,
		      char *name, size_t name_size)
{
	if (role->base == BASE_PARTNER) {
		if (strcmp(account_id, role->partner_id) != 0)
			return 0;
		return db_str(d, name, name_size, "SELECT name FROM accounts WHERE id = ?", "s", account_id);
	}
	/* One row by primary key: the combined scope condition costs nothing here. */
	return db_str(d, name, name_size,
		"SELECT name FROM accounts WHERE id = ? AND partner_id = ? AND kind = 'customer'"
		" AND (? = 0 OR id IN (SELECT account_id FROM account_manager_accounts WHERE user_id = ?))",
		"ssii", account_id, role->partner_id, reach->manager_id, reach->manager_id);
}

long long role_holders_in(db *d, long long role_id, const char *account_id)
{
	long long n = 0;
	return db_int(d, &n, "SELECT COUNT(*) FROM users WHERE account_id = ? AND custom_role_id = ?", "si", account_id,
		      role_id) == 1 ? n : -1;
}

int role_assign(db *d, long long role_id, const char *account_id)
{
	long long n = db_exec(d, "INSERT IGNORE INTO role_accounts (role_id, account_id) VALUES (?, ?)", "is", role_id,
			      account_id);
	return n < 0 ? -1 : n > 0;
}

int role_unassign(db *d, long long role_id, const char *account_id)
{
	long long n = db_exec(d, "DELETE FROM role_accounts WHERE role_id = ? AND account_id = ?", "is", role_id,
			      account_id);
	return n < 0 ? -1 : n > 0;
}
