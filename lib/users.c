#include "lib/users.h"

#include <string.h>

#define USER_SELECT \
	"SELECT u.id, u.account_id, u.first_name, u.last_name, u.name, u.display_name, u.email, u.mobile," \
	" u.extension, u.role, u.registered, u.source," \
	" DATE_FORMAT(u.created_at, '%Y-%m-%d %H:%i') AS created," \
	" DATE_FORMAT(u.updated_at, '%Y-%m-%d %H:%i') AS modified, u.updated_by_name, u.custom_role_id," \
	" cr.name AS custom_role_name" \
	" FROM users u LEFT JOIN roles cr ON cr.id = u.custom_role_id" \
	" WHERE u.id = ? AND u.account_id = ?"

static int user_from_row(void *ctx, const struct db_row *row)
{
	struct user *u = ctx;
	memset(u, 0, sizeof *u);
	u->id = row_int(row, "id");
	row_copy(row, "account_id", u->account_id, sizeof u->account_id);
	row_copy(row, "first_name", u->first_name, sizeof u->first_name);
	row_copy(row, "last_name", u->last_name, sizeof u->last_name);
	row_copy(row, "name", u->name, sizeof u->name);
	row_copy(row, "display_name", u->display_name, sizeof u->display_name);
	row_copy(row, "email", u->email, sizeof u->email);
	row_copy(row, "mobile", u->mobile, sizeof u->mobile);
	row_copy(row, "extension", u->extension, sizeof u->extension);
	row_copy(row, "role", u->role, sizeof u->role);
	u->registered = (int)row_int(row, "registered");
	row_copy(row, "source", u->source, sizeof u->source);
	row_copy(row, "created", u->created, sizeof u->created);
	row_copy(row, "modified", u->modified, sizeof u->modified);
	row_copy(row, "updated_by_name", u->updated_by_name, sizeof u->updated_by_name);
	u->custom_role_id = row_int(row, "custom_role_id");
	row_copy(row, "custom_role_name", u->custom_role_name, sizeof u->custom_role_name);
	return 0;
}

int users_find(db *d, const char *account_id, long long id, int for_update, struct user *out)
{
	if (for_update)
		return db_one(d, user_from_row, out, USER_SELECT " FOR UPDATE", "is", id, account_id);
	return db_one(d, user_from_row, out, USER_SELECT, "is", id, account_id);
}

int users_email_taken(db *d, const char *account_id, const char *email, long long except_id)
{
	long long found = 0;
	return db_int(d, &found, "SELECT id FROM users WHERE account_id = ? AND email = ? AND id <> ? LIMIT 1", "ssi",
		      account_id, email, except_id);
}

long long users_count_admins(db *d, const char *account_id, int for_update)
{
	long long n = 0;
	int rc = for_update
		? db_int(d, &n, "SELECT COUNT(*) FROM users WHERE account_id = ? AND role = 'account_admin' FOR UPDATE", "s",
			 account_id)
		: db_int(d, &n, "SELECT COUNT(*) FROM users WHERE account_id = ? AND role = 'account_admin'", "s", account_id);
	return rc == 1 ? n : -1;
}

int users_total(db *d, const char *account_id, long long *total)
{
	return db_int(d, total, "SELECT COALESCE(SUM(users), 0) FROM account_user_counts WHERE account_id = ?", "s",
		      account_id) == 1 ? 0 : -1;
}

int users_lock_account(db *d, const char *account_id)
{
	long long one = 0;
	return db_int(d, &one, "SELECT 1 FROM accounts WHERE id = ? FOR UPDATE", "s", account_id) == 1 ? 0 : -1;
}

int users_update(db *d, const char *account_id, long long id, const struct user_change *c)
{
	long long n = db_exec(d,
		"UPDATE users SET first_name = ?, last_name = ?, name = ?, display_name = ?, email = ?,"
		" mobile = ?, role = ?, custom_role_id = NULLIF(?, 0), updated_at = UTC_TIMESTAMP(),"
		" updated_by_name = ? WHERE id = ? AND account_id = ?",
		"sssssssisis", c->first_name, c->last_name, c->name, c->display_name, c->email, c->mobile, c->role,
		c->custom_role_id, c->by_name, id, account_id);
	if (n < 0)
		return db_errno(d) == 1062 ? 0 : -1;
	return 1;
}

int users_delete(db *d, const char *account_id, long long id)
{
	long long n = db_exec(d, "DELETE FROM users WHERE id = ? AND account_id = ?", "is", id, account_id);
	return n < 0 ? -1 : n > 0;
}

int users_set_language(db *d, const char *account_id, long long id, const char *language, char *before, size_t size)
{
	if (before && size) {
		before[0] = 0;
		if (db_str(d, before, size, "SELECT COALESCE(language, '') FROM users WHERE id = ? AND account_id = ? FOR UPDATE",
			    "is", id, account_id) < 0)
			return -1;
	}
	long long n = db_exec(d, "UPDATE users SET language = ? WHERE id = ? AND account_id = ?", "sis", language, id,
			      account_id);
	return n < 0 ? -1 : n > 0;
}

struct role_call {
	users_role_fn fn;
	void *ctx;
};

static int each_role(void *ctx, const struct db_row *row)
{
	struct role_call *c = ctx;
	return c->fn(c->ctx, row_int(row, "id"), row_str(row, "name"));
}

int users_assignable_roles_each(db *d, const char *account_id, const char *base, users_role_fn fn, void *ctx)
{
	struct role_call call = {fn, ctx};
	return db_each(d, each_role, &call,
		       "SELECT r.id, r.name FROM role_accounts ra JOIN roles r ON r.id = ra.role_id"
		       " WHERE ra.account_id = ? AND r.base = ? ORDER BY r.name",
		       "ss", account_id, base);
}
