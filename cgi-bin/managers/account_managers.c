/* Account Managers (guide §2.15): the partner account's users in two tabs,
 * Account Managers (n) and Administrators (n), searched by the start of a
 * name or email, with NAME, EMAIL ADDRESS, MODIFIED ON (BY) and, for
 * managers, MANAGED ACCOUNTS. From here administrators are converted, and
 * managers upgraded or managed. Each tab walks ix_users_role (account_id,
 * role, display_name). */
#include "cgi-bin/managers/account_managers_form.h"
#include "lib/core/db_hdf.h"
#include "cgi-bin/core/listing.h"
#include "cgi-bin/core/request.h"

#include <string.h>

static const struct sort_column columns[] = {
	{"name", 0},
	{NULL, 0},
};

#define MATCHING \
	" FROM users WHERE account_id = ? AND role = ? AND (display_name LIKE ? OR email LIKE ?)"
#define ROW_COLUMNS \
	"SELECT id, display_name, email, updated_by_name, DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i') AS modified," \
	" (SELECT COUNT(*) FROM account_manager_accounts m WHERE m.user_id = users.id) AS managed"

static long long count_tab(struct req *r, const char *role, const struct listing *l)
{
	long long n = 0;
	return db_int(r->db, &n, "SELECT COUNT(*)" MATCHING, "ssss", r->me.partner_id, role, l->q_prefix,
		      l->q_prefix) == 1 ? n : -1;
}

int account_managers_get(struct req *r)
{
	const char *tab = strcmp(form(r, "tab"), "admins") == 0 ? "admins" : "managers";
	const char *role = strcmp(tab, "admins") == 0 ? "partner_admin" : "account_manager";
	hdf_set_value(r->hdf, "Query.tab", tab);
	hdf_set_value(r->hdf, "Managers.Tab", tab);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "account_managers.title"));
	struct listing l;
	listing_read(r, &l, columns);

	long long managers = count_tab(r, "account_manager", &l), admins = count_tab(r, "partner_admin", &l);
	if (managers < 0 || admins < 0)
		return SERVER_ERROR;
	hdf_set_int_value(r->hdf, "Managers.Count.managers", (int)managers);
	hdf_set_int_value(r->hdf, "Managers.Count.admins", (int)admins);
	long long total = strcmp(tab, "admins") == 0 ? admins : managers;
	listing_clamp(&l, total);
	const char *sql = l.descending ? ROW_COLUMNS MATCHING " ORDER BY display_name DESC, id DESC LIMIT ? OFFSET ?"
				       : ROW_COLUMNS MATCHING " ORDER BY display_name, id LIMIT ? OFFSET ?";
	if (db_rows(r->db, r->hdf, "Rows", sql, "ssssii", r->me.partner_id, role, l.q_prefix, l.q_prefix,
		    (long long)l.per_page, (long long)l.offset) < 0)
		return SERVER_ERROR;
	static const char *const keep[] = {"tab", NULL};
	listing_publish(r, &l, total, keep);
	return DONE;
}
