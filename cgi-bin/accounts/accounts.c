/* The Accounts list (guide §2.2): a partner's customer accounts, Active or
 * Deactivated, searched by the start of the name or of any of its words,
 * sorted by any column, 50 to a page. An account manager's list holds only
 * their assigned accounts (guide §2.15.1). Clicking an account opens its
 * Account Information (guide §2.2 Edit an Account, §2.3); a deactivated one
 * opens its reactivation. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/core/listing.h"
#include "lib/accounts.h"
#include "lib/core/countries.h"

#include <stdio.h>
#include <string.h>

static const struct sort_column columns[] = {
	{"name", ACCOUNT_SORT_NAME},
	{"country", ACCOUNT_SORT_COUNTRY},
	{"city", ACCOUNT_SORT_CITY},
	{"created", ACCOUNT_SORT_CREATED},
	{NULL, 0},
};
/* The column of each sort code above. */
struct rows {
	struct req *r;
	int n;
};

static int publish_row(void *ctx, const struct account_row *a)
{
	struct rows *rows = ctx;
	HDF *row;
	char key[64];
	snprintf(key, sizeof key, "Accounts.Rows.%d", rows->n++);
	if (hdf_get_node(rows->r->hdf, key, &row) != STATUS_OK)
		return -1;
	const char *country = country_name(a->country);
	hdf_set_value(row, "id", a->id);
	hdf_set_value(row, "name", a->name);
	hdf_set_value(row, "country_name", *country ? country : a->country);
	hdf_set_value(row, "city", a->city);
	hdf_set_value(row, "created_on", a->created_on);
	return 0;
}

int accounts_get(struct req *r)
{
	int deactivated = strcmp(form(r, "status"), "deactivated") == 0;
	const char *status = deactivated ? "deactivated" : "active";
	/* Links keep the status as it was understood, not as it was typed. */
	hdf_set_value(r->hdf, "Query.status", status);
	hdf_set_value(r->hdf, "Accounts.Status", status);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "accounts.accounts.title"));

	struct listing l;
	listing_read(r, &l, columns);
	struct account_list_query q = {
		.partner_id = r->me.partner_id,
		.manager_id = r->me.restricted ? r->me.id : 0,
		.deactivated = deactivated,
		.search = l.q,
		.sort = (enum account_sort)l.sort->code,
		.descending = l.descending,
	};
	long long total;
	if (accounts_count(r->db, &q, &total) != 0)
		return SERVER_ERROR;
	listing_clamp(&l, total);
	q.limit = l.per_page;
	q.offset = l.offset;
	struct rows rows = {r, 0};
	if (accounts_each(r->db, &q, publish_row, &rows) < 0)
		return SERVER_ERROR;
	static const char *const keep[] = {"status", NULL};
	listing_publish(r, &l, total, keep);
	return DONE;
}
