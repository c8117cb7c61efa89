/* The Accounts list (guide §2.2): a partner's customer accounts, Active or
 * Deactivated, searched by name, sorted by any column, 50 to a page. Each
 * sort is served by one of the ix_accounts_list_* indexes. An account
 * manager's list holds only their assigned accounts (guide §2.15.1). */
#include "cgi-bin/core/request.h"
#include "lib/accounts.h"
#include "lib/core/db_hdf.h"
#include "cgi-bin/core/listing.h"
#include "lib/core/countries.h"

#include <stdio.h>
#include <string.h>

static const struct sort_column columns[] = {
	{"name", 0},
	{"country", 1},
	{"city", 2},
	{"created", 3},
	{NULL, 0},
};
/* The column of each sort code above. */
static const char *const order_by[] = {"name", "country", "city", "created_at"};

int accounts_get(struct req *r)
{
	const char *status = strcmp(form(r, "status"), "deactivated") == 0 ? "deactivated" : "active";
	/* Links keep the status as it was understood, not as it was typed. */
	hdf_set_value(r->hdf, "Query.status", status);
	hdf_set_value(r->hdf, "Accounts.Status", status);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "accounts.title"));

	struct listing l;
	listing_read(r, &l, columns);
	long long total = 0;
	char sql[640];
	snprintf(sql, sizeof sql,
		 "SELECT COUNT(*) FROM accounts WHERE partner_id = ? AND kind = 'customer' AND status = ?"
		 " AND name LIKE ?%s", SCOPE_ASSIGNED(r, "id"));
	if (db_int(r->db, &total, sql, "sssi", r->me.partner_id, status, l.q_prefix, SCOPE_ARG(r)) < 0)
		return SERVER_ERROR;
	listing_clamp(&l, total);

	/* The ORDER BY names a whitelisted column literal; input never enters the text. */
	const char *dir = l.descending ? "DESC" : "ASC";
	snprintf(sql, sizeof sql,
		 "SELECT id, name, country, city, DATE(created_at) AS created_on FROM accounts"
		 " WHERE partner_id = ? AND kind = 'customer' AND status = ? AND name LIKE ?%s"
		 " ORDER BY %s %s, id %s LIMIT ? OFFSET ?",
		 SCOPE_ASSIGNED(r, "id"), order_by[l.sort->code], dir, dir);
	int n = db_rows(r->db, r->hdf, "Accounts.Rows", sql, "sssiii", r->me.partner_id, status, l.q_prefix,
			SCOPE_ARG(r), (long long)l.per_page, (long long)l.offset);
	if (n < 0)
		return SERVER_ERROR;
	char key[96];
	for (int i = 0; i < n; i++) {
		snprintf(key, sizeof key, "Accounts.Rows.%d.country", i);
		const char *code = hdf_get_value(r->hdf, key, "");
		const char *name = country_name(code);
		snprintf(key, sizeof key, "Accounts.Rows.%d.country_name", i);
		hdf_set_value(r->hdf, key, *name ? name : code);
	}
	static const char *const keep[] = {"status", NULL};
	listing_publish(r, &l, total, keep);
	return DONE;
}
