/* Roles and Permissions (guide §2.14): a partner's custom roles, searched by
 * the start of their name, 50 to a page; served by ux_roles_partner_name.
 * An Account Admin sees the roles assigned to their account (§2.14.5). */
#include "cgi-bin/core/listing.h"
#include "lib/core/db_hdf.h"
#include "cgi-bin/core/request.h"

#include <stdio.h>

static const struct sort_column columns[] = {
	{"name", 0},
	{NULL, 0},
};

/* Partner users list their partner's roles; others those assigned to their account. */
#define IN_REACH \
	" FROM roles r WHERE (r.partner_id = ? OR r.id IN (SELECT role_id FROM role_accounts WHERE account_id = ?))" \
	" AND r.name LIKE ?"

int roles_get(struct req *r)
{
	struct listing l;
	listing_read(r, &l, columns);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "roles.title"));
	int partner = role_is_partner(r->me.role);
	const char *by_partner = partner ? r->me.partner_id : "";
	const char *by_account = partner ? "" : r->me.account_id;

	long long total = 0;
	if (db_int(r->db, &total, "SELECT COUNT(*)" IN_REACH, "sss", by_partner, by_account, l.q_prefix) != 1)
		return SERVER_ERROR;
	listing_clamp(&l, total);
	const char *sql = l.descending
		? "SELECT r.id, r.name, r.description, r.base, r.updated_by_name,"
		  " DATE_FORMAT(r.updated_at, '%Y-%m-%d %H:%i') AS modified,"
		  " (SELECT COUNT(*) FROM role_accounts ra WHERE ra.role_id = r.id) AS accounts"
		  IN_REACH " ORDER BY r.name DESC LIMIT ? OFFSET ?"
		: "SELECT r.id, r.name, r.description, r.base, r.updated_by_name,"
		  " DATE_FORMAT(r.updated_at, '%Y-%m-%d %H:%i') AS modified,"
		  " (SELECT COUNT(*) FROM role_accounts ra WHERE ra.role_id = r.id) AS accounts"
		  IN_REACH " ORDER BY r.name LIMIT ? OFFSET ?";
	if (db_rows(r->db, r->hdf, "Rows", sql, "sssii", by_partner, by_account, l.q_prefix, (long long)l.per_page,
		    (long long)l.offset) < 0)
		return SERVER_ERROR;
	listing_publish(r, &l, total, NULL);
	return DONE;
}
