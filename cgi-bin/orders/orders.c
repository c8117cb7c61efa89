/* Orders (guide §2.6; ch2 §3.2): the partner's orders under Billing →
 * Orders, filtered All / Unassigned / Expiring with the count in the
 * title, searched as you type, sorted by SAP ORDER NUMBER, ORDER NUMBER or
 * SUBSCRIPTION EXPIRY (the default, perpetual last), paged; each row's
 * status chip derived from its dates and activation. "for" carries the
 * account an Add Order of its Subscriptions panel came from (ch2 §3.4). */
#include "cgi-bin/core/listing.h"
#include "cgi-bin/core/request.h"
#include "cgi-bin/orders/order_view.h"
#include "lib/orders.h"

#include <stdio.h>
#include <string.h>

static const struct sort_column columns[] = {
	{"expiry", ORDER_SORT_EXPIRY},
	{"number", ORDER_SORT_NUMBER},
	{"sap", ORDER_SORT_SAP},
	{NULL, 0},
};

static const char *const filter_keys[] = {"all", "unassigned", "expiring"};

struct rows {
	struct req *r;
	int n;
};

static int row_fields(void *ctx, const struct order_row *o)
{
	struct rows *rows = ctx;
	char prefix[32];
	snprintf(prefix, sizeof prefix, "Rows.%d", rows->n++);
	order_row_publish(rows->r, prefix, o);
	return 0;
}

int orders_get(struct req *r)
{
	struct listing l;
	listing_read(r, &l, columns);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "orders.orders.title"));
	enum order_filter filter = ORDERS_ALL;
	for (int i = 0; i < 3; i++)
		if (strcmp(form(r, "filter"), filter_keys[i]) == 0)
			filter = (enum order_filter)i;
	hdf_set_value(r->hdf, "Filter.key", filter_keys[filter]);
	if (order_for_account(r) < 0)
		return SERVER_ERROR;

	struct order_query q = {
		.partner_id = r->me.partner_id, .filter = filter, .search = "", .sort = (enum order_sort)l.sort->code,
		.descending = l.descending, .soon_days = order_soon_days(), .limit = l.per_page, .offset = l.offset,
		.matches = -1, .version = -1,
	};
	long long in_filter = 0, total = 0;
	if (orders_count(r->db, &q, &in_filter) != 0)
		return SERVER_ERROR;
	hdf_set_int_value(r->hdf, "Filter.count", (int)in_filter);
	q.search = l.q;
	if (*l.q && orders_count(r->db, &q, &total) != 0)
		return SERVER_ERROR;
	if (!*l.q)
		total = in_filter;
	q.matches = total;
	/* A search past ORDERS_SEARCH_EXACT matches is not counted further: its pages say "more than". */
	int exact = total <= ORDERS_SEARCH_EXACT;
	if (exact) {
		listing_clamp(&l, total);
		q.offset = l.offset;
	}
	q.limit = l.per_page + (exact ? 0 : 1);
	struct rows rows = {r, 0};
	if (orders_each(r->db, &q, row_fields, &rows) < 0)
		return SERVER_ERROR;
	static const char *const keep[] = {"filter", "for", NULL};
	if (exact)
		listing_publish(r, &l, total, keep);
	else
		listing_publish_probed(r, &l, rows.n, lang(r, "orders.orders.many_matches"), keep);
	return DONE;
}
