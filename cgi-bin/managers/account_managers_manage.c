/* Manage Selected (guide §2.15.1): the partner's customer accounts as they
 * stand for the selected account managers. For one manager two tabs,
 * Accounts assigned and Accounts not assigned; for several three, Accounts
 * assigned to all, to some, and not assigned. Each row shows how many
 * managers the account has in all, naming them on hover. Accounts are
 * searched by the start of their name, 50 to a page, walking
 * ix_accounts_list_name; assignments come from the account_manager_accounts
 * indexes. Select accounts, then Assign or Unassign (a confirmation follows). */
#include "cgi-bin/managers/account_managers_form.h"
#include "lib/core/db_hdf.h"
#include "cgi-bin/core/listing.h"
#include "cgi-bin/core/request.h"

#include <string.h>

static const struct sort_column columns[] = {
	{"name", 0},
	{NULL, 0},
};

/* Each account with how many of the selected managers have it (c). */
#define WITH_SELECTED \
	"SELECT a.id, a.name, a.updated_at," \
	" (SELECT COUNT(*) FROM account_manager_accounts m WHERE m.account_id = a.id AND FIND_IN_SET(m.user_id, ?)) AS c" \
	" FROM accounts a WHERE a.partner_id = ? AND a.kind = 'customer' AND a.status = 'active' AND a.name LIKE ?"
#define ROW_COLUMNS \
	"SELECT t.id, t.name, DATE_FORMAT(t.updated_at, '%Y-%m-%d %H:%i') AS modified," \
	" (SELECT COUNT(*) FROM account_manager_accounts m2 WHERE m2.account_id = t.id) AS total_managers," \
	" (SELECT GROUP_CONCAT(u.display_name ORDER BY u.display_name SEPARATOR ', ')" \
	"  FROM account_manager_accounts m3 JOIN users u ON u.id = m3.user_id WHERE m3.account_id = t.id) AS manager_names" \
	" FROM (" WITH_SELECTED ") t WHERE t.c BETWEEN ? AND ?"

/* The tabs: which counts of selected managers each shows. */
struct tab {
	const char *key;
	int single;       /* offered for one manager (else for several) */
};
static const struct tab tabs[] = {
	{"assigned", 1}, {"not", 1}, {"all", 0}, {"some", 0}, {"not", 0},
};

static void bounds(const char *tab, int k, long long *lo, long long *hi)
{
	if (strcmp(tab, "not") == 0)
		*lo = *hi = 0;
	else if (strcmp(tab, "some") == 0)
		*lo = 1, *hi = k - 1;
	else
		*lo = *hi = k; /* assigned (k = 1) or assigned to all */
}

int account_managers_manage_get(struct req *r)
{
	struct manager_selection s;
	int k = managers_read_selection(r, "account_manager", &s);
	if (k < 0)
		return SERVER_ERROR;
	if (k == 0) {
		redirect(r, "/account-managers");
		return DONE;
	}
	/* The tab asked for, if this selection has it; else its first. */
	const char *wanted = form(r, "tab"), *tab = NULL;
	for (size_t i = 0; i < sizeof tabs / sizeof tabs[0]; i++) {
		if (tabs[i].single != (k == 1))
			continue;
		if (!tab || strcmp(wanted, tabs[i].key) == 0)
			tab = tabs[i].key;
		if (strcmp(wanted, tabs[i].key) == 0)
			break;
	}
	hdf_set_value(r->hdf, "Manage.Tab", tab);
	hdf_set_int_value(r->hdf, "Manage.Single", k == 1);
	hdf_set_value(r->hdf, "Query.tab", tab);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "account_managers.manage_title"));

	struct listing l;
	listing_read(r, &l, columns);
	if (db_row(r->db, r->hdf, "Manage.Count",
		   "SELECT COALESCE(SUM(c = ?), 0) AS all_, COALESCE(SUM(c > 0 AND c < ?), 0) AS some,"
		   " COALESCE(SUM(c = 0), 0) AS not_ FROM (" WITH_SELECTED ") t",
		   "iisss", (long long)k, (long long)k, s.ids_text, r->me.partner_id, l.q_prefix) != 1)
		return SERVER_ERROR;
	long long lo, hi;
	bounds(tab, k, &lo, &hi);
	const char *key = strcmp(tab, "not") == 0 ? "Manage.Count.not_" : strcmp(tab, "some") == 0 ? "Manage.Count.some"
											 : "Manage.Count.all_";
	long long total = hdf_get_int_value(r->hdf, key, 0);
	listing_clamp(&l, total);
	const char *sql = l.descending ? ROW_COLUMNS " ORDER BY t.name DESC, t.id DESC LIMIT ? OFFSET ?"
				       : ROW_COLUMNS " ORDER BY t.name, t.id LIMIT ? OFFSET ?";
	if (db_rows(r->db, r->hdf, "Rows", sql, "sssiiii", s.ids_text, r->me.partner_id, l.q_prefix, lo, hi,
		    (long long)l.per_page, (long long)l.offset) < 0)
		return SERVER_ERROR;
	static const char *const keep[] = {"tab", NULL};
	listing_publish(r, &l, total, keep);
	/* Links keep the selection too. */
	char with_users[8192];
	const char *kept = hdf_get_value(r->hdf, "List.Keep", "");
	snprintf(with_users, sizeof with_users, "%s%s%s", s.query, *kept ? "&" : "", kept);
	hdf_set_value(r->hdf, "List.Keep", with_users);
	snprintf(with_users, sizeof with_users, "%s&%s", s.query, hdf_get_value(r->hdf, "List.KeepSort", ""));
	hdf_set_value(r->hdf, "List.KeepSort", with_users);
	return DONE;
}
