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
