#include "lib/managers.h"

#include <stdio.h>
#include <string.h>

/* ---- the partner's users ---- */

#define MATCHING " FROM users WHERE account_id = ? AND role = ? AND (display_name LIKE ? OR email LIKE ?)"
#define USER_COLUMNS \
	"SELECT id, display_name, email, updated_by_name, DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i') AS modified," \
	" (SELECT COUNT(*) FROM account_manager_accounts m WHERE m.user_id = users.id) AS managed"

long long managers_count(db *d, const char *partner_id, const char *role_key, const char *like)
{
	long long n = 0;
	return db_int(d, &n, "SELECT COUNT(*)" MATCHING, "ssss", partner_id, role_key, like, like) == 1 ? n : -1;
}

struct user_call {
	partner_user_fn fn;
	void *ctx;
};

static int user_row_from(void *ctx, const struct db_row *row)
{
	struct user_call *c = ctx;
	struct partner_user_row u = {
		.id = row_int(row, "id"),
		.display_name = row_str(row, "display_name"),
		.email = row_str(row, "email"),
		.modified = row_str(row, "modified"),
		.updated_by_name = row_str(row, "updated_by_name"),
		.managed = row_int(row, "managed"),
	};
	return c->fn(c->ctx, &u);
}

int managers_each(db *d, const char *partner_id, const char *role_key, const char *like, int descending, long limit,
		  long offset, partner_user_fn fn, void *ctx)
{
	struct user_call c = {fn, ctx};
	const char *sql = descending ? USER_COLUMNS MATCHING " ORDER BY display_name DESC, id DESC LIMIT ? OFFSET ?"
				     : USER_COLUMNS MATCHING " ORDER BY display_name, id LIMIT ? OFFSET ?";
	return db_each(d, user_row_from, &c, sql, "ssssii", partner_id, role_key, like, like, (long long)limit,
		       (long long)offset);
}

static int partner_user_from(void *ctx, const struct db_row *row)
{
	struct partner_user *u = ctx;
	u->id = row_int(row, "id");
	row_copy(row, "display_name", u->name, sizeof u->name);
	row_copy(row, "email", u->email, sizeof u->email);
	return 0;
}

int managers_find_user(db *d, const char *partner_id, const char *role_key, long long user_id, struct partner_user *out)
{
	memset(out, 0, sizeof *out);
	return db_one(d, partner_user_from, out,
		      "SELECT id, display_name, email FROM users WHERE id = ? AND account_id = ? AND role = ?", "iss", user_id,
		      partner_id, role_key);
}

int managers_find_account(db *d, const char *partner_id, const char *account_id, char *name, size_t name_size)
{
	return db_str(d, name, name_size, "SELECT name FROM accounts WHERE id = ? AND partner_id = ? AND kind = 'customer'",
		      "ss", account_id, partner_id);
}

/* ---- Manage Selected ----
 * Each active customer account of the partner (ix_accounts_list_name) with
 * how many of the selected managers have it (c), from the assignments'
 * account index. */

#define WITH_SELECTED \
	"SELECT a.id, a.name, a.updated_at," \
	" (SELECT COUNT(*) FROM account_manager_accounts m WHERE m.account_id = a.id AND FIND_IN_SET(m.user_id, ?)) AS c" \
	" FROM accounts a WHERE a.partner_id = ? AND a.kind = 'customer' AND a.status = 'active' AND a.name LIKE ?"
#define MANAGE_COLUMNS \
	"SELECT t.id, t.name, DATE_FORMAT(t.updated_at, '%Y-%m-%d %H:%i') AS modified," \
	" (SELECT COUNT(*) FROM account_manager_accounts m2 WHERE m2.account_id = t.id) AS total_managers," \
	/* At most 500 characters, so the page's temporary table stays in memory (lib/user_list.c). */ \
	" CAST((SELECT GROUP_CONCAT(u.display_name ORDER BY u.display_name SEPARATOR ', ')" \
	"  FROM account_manager_accounts m3 JOIN users u ON u.id = m3.user_id WHERE m3.account_id = t.id)" \
	"  AS CHAR(500)) AS manager_names" \
	" FROM (" WITH_SELECTED ") t WHERE t.c BETWEEN ? AND ?"

static int counts_from(void *ctx, const struct db_row *row)
{
	struct manage_counts *c = ctx;
	c->all = row_int(row, "all_");
	c->some = row_int(row, "some");
	c->none = row_int(row, "none_");
	return 0;
}

int managers_manage_counts(db *d, const char *partner_id, const struct manager_ids *m, const char *like,
			   struct manage_counts *out)
{
	memset(out, 0, sizeof *out);
	return db_one(d, counts_from, out,
		      "SELECT COALESCE(SUM(c = ?), 0) AS all_, COALESCE(SUM(c > 0 AND c < ?), 0) AS some,"
		      " COALESCE(SUM(c = 0), 0) AS none_ FROM (" WITH_SELECTED ") t",
		      "iisss", (long long)m->k, (long long)m->k, m->text, partner_id, like) == 1 ? 0 : -1;
}

struct account_call {
	manage_account_fn fn;
	void *ctx;
};

static int account_row_from(void *ctx, const struct db_row *row)
{
	struct account_call *c = ctx;
	struct manage_account_row a = {
		.id = row_str(row, "id"),
		.name = row_str(row, "name"),
		.modified = row_str(row, "modified"),
		.total_managers = row_int(row, "total_managers"),
		.manager_names = row_str(row, "manager_names"),
	};
	return c->fn(c->ctx, &a);
}

int managers_manage_each(db *d, const char *partner_id, const struct manager_ids *m, enum manage_tab tab,
			 const char *like, int descending, long limit, long offset, manage_account_fn fn, void *ctx)
{
	/* The tab as a range of c: all k, 1 to k - 1, or none. */
	long long lo = tab == MANAGE_ALL ? m->k : tab == MANAGE_SOME ? 1 : 0;
	long long hi = tab == MANAGE_ALL ? m->k : tab == MANAGE_SOME ? m->k - 1 : 0;
	struct account_call c = {fn, ctx};
	const char *sql = descending ? MANAGE_COLUMNS " ORDER BY t.name DESC, t.id DESC LIMIT ? OFFSET ?"
				     : MANAGE_COLUMNS " ORDER BY t.name, t.id LIMIT ? OFFSET ?";
	return db_each(d, account_row_from, &c, sql, "sssiiii", m->text, partner_id, like, lo, hi, (long long)limit,
		       (long long)offset);
}
