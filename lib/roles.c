#include "lib/roles.h"

#include <string.h>

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
