/* The Orders list and one order (guide §2.6; ch2 §3.2, §3.3): one partner's
 * orders, filtered (All, Unassigned, Expiring), searched by the prefix of
 * ORDER NUMBER, SAP ORDER NUMBER, the POs, the tracking number, the expiry
 * date or the assigned account's name, sorted and paged. The partner's
 * orders are read by the indexes of schema.sql (ix_orders_expiry,
 * ix_orders_assigned), whose first column is the partner. */
#include "lib/orders.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* The filters, as parameters: unassigned, then expiring with its dates,
 * then the search (its text, six times its prefix, the partner and the
 * prefix again for the account's name). */
#define ORDERS_WHERE \
	" WHERE o.partner_id = ? AND (? = 0 OR o.assigned_account_id IS NULL)" \
	" AND (? = 0 OR (o.activated = 1 AND o.expiry_key BETWEEN ? AND ?))" \
	" AND (? = '' OR o.order_number LIKE ? OR o.sap_order_number LIKE ? OR o.reseller_po LIKE ?" \
	"  OR o.customer_po LIKE ? OR o.tracking_id LIKE ? OR DATE_FORMAT(o.expiry_date, '%Y-%m-%d') LIKE ?" \
	"  OR o.assigned_account_id IN (SELECT id FROM accounts WHERE partner_id = ? AND name LIKE ?))"
#define ORDERS_COLUMNS \
	"SELECT o.id, o.order_number, o.sap_order_number, o.reseller_po, o.customer_po, o.tracking_id, o.end_customer_sap," \
	" DATE_FORMAT(o.start_date, '%Y-%m-%d') AS start_date, DATE_FORMAT(o.expiry_date, '%Y-%m-%d') AS expiry_date," \
	" o.term_months, o.activated, o.licenses, o.assigned_account_id, a.name AS account_name," \
	" DATE_FORMAT(o.assigned_at, '%Y-%m-%d %H:%i:%s') AS assigned_at, o.assigned_by_name" \
	" FROM orders o LEFT JOIN accounts a ON a.id = o.assigned_account_id"
#define ORDERS_PAGE(order) ORDERS_COLUMNS ORDERS_WHERE " ORDER BY " order " LIMIT ? OFFSET ?"

static const char *const page_sql[3][2] = {
	[ORDER_SORT_EXPIRY] = {ORDERS_PAGE("o.expiry_key, o.id"), ORDERS_PAGE("o.expiry_key DESC, o.id DESC")},
	[ORDER_SORT_NUMBER] = {ORDERS_PAGE("o.order_number"), ORDERS_PAGE("o.order_number DESC")},
	[ORDER_SORT_SAP] = {ORDERS_PAGE("o.sap_order_number, o.id"), ORDERS_PAGE("o.sap_order_number DESC, o.id DESC")},
};

/* Today and today plus the expiring days, in UTC (ch2 §3.5). */
static void dates(int soon_days, char today[11], char soon[11])
{
	time_t now = time(NULL), later = now + (time_t)soon_days * 86400;
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(today, 11, "%Y-%m-%d", &tm);
	gmtime_r(&later, &tm);
	strftime(soon, 11, "%Y-%m-%d", &tm);
}

/* The search text as a LIKE prefix: its wildcards escaped, then '%'. */
static void prefix_of(const char *q, char *out, size_t size)
{
	size_t n = 0;
	for (const char *p = q ? q : ""; *p && n + 3 < size; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			out[n++] = '\\';
		out[n++] = *p;
	}
	out[n++] = '%';
	out[n] = 0;
}

int orders_count(db *d, const struct order_query *q, long long *total)
{
	char today[11], soon[11], p[420];
	dates(q->soon_days, today, soon);
	prefix_of(q->search, p, sizeof p);
	return db_int(d, total, "SELECT COUNT(*) FROM orders o" ORDERS_WHERE, "siisssssssssss", q->partner_id,
		      (long long)(q->filter == ORDERS_UNASSIGNED), (long long)(q->filter == ORDERS_EXPIRING), today, soon,
		      q->search ? q->search : "", p, p, p, p, p, p, q->partner_id, p) == 1 ? 0 : -1;
}

struct each_call {
	order_row_fn fn;
	void *ctx;
	char today[11], soon[11];
};

static void fill_row(const struct db_row *row, const char *today, const char *soon, struct order_row *o)
{
	memset(o, 0, sizeof *o);
	o->id = row_int(row, "id");
	row_copy(row, "order_number", o->order_number, sizeof o->order_number);
	row_copy(row, "sap_order_number", o->sap_order_number, sizeof o->sap_order_number);
	row_copy(row, "reseller_po", o->reseller_po, sizeof o->reseller_po);
	row_copy(row, "customer_po", o->customer_po, sizeof o->customer_po);
	row_copy(row, "tracking_id", o->tracking_id, sizeof o->tracking_id);
	row_copy(row, "end_customer_sap", o->end_customer_sap, sizeof o->end_customer_sap);
	row_copy(row, "start_date", o->start_date, sizeof o->start_date);
	row_copy(row, "expiry_date", o->expiry_date, sizeof o->expiry_date);
	o->term_months = (int)row_int(row, "term_months");
	o->activated = row_int(row, "activated") != 0;
	o->licenses = (int)row_int(row, "licenses");
	row_copy(row, "assigned_account_id", o->assigned_account_id, sizeof o->assigned_account_id);
	row_copy(row, "account_name", o->assigned_account_name, sizeof o->assigned_account_name);
	row_copy(row, "assigned_at", o->assigned_at, sizeof o->assigned_at);
	row_copy(row, "assigned_by_name", o->assigned_by_name, sizeof o->assigned_by_name);
	o->status = order_status_of(o->expiry_date, o->activated, o->assigned_account_id[0] != 0, today, soon);
}

static int each_row(void *ctx, const struct db_row *row)
{
	struct each_call *c = ctx;
	struct order_row o;
	fill_row(row, c->today, c->soon, &o);
	return c->fn(c->ctx, &o);
}

int orders_each(db *d, const struct order_query *q, order_row_fn fn, void *ctx)
{
	struct each_call c = {fn, ctx, "", ""};
	char p[420];
	dates(q->soon_days, c.today, c.soon);
	prefix_of(q->search, p, sizeof p);
	unsigned sort = (unsigned)q->sort < 3 ? (unsigned)q->sort : 0;
	return db_each(d, each_row, &c, page_sql[sort][q->descending != 0], "siisssssssssssii", q->partner_id,
		       (long long)(q->filter == ORDERS_UNASSIGNED), (long long)(q->filter == ORDERS_EXPIRING), c.today,
		       c.soon, q->search ? q->search : "", p, p, p, p, p, p, q->partner_id, p, (long long)q->limit,
		       (long long)q->offset);
}

struct one {
	struct order_row *out;
	char today[11], soon[11];
};

static int one_row(void *ctx, const struct db_row *row)
{
	struct one *o = ctx;
	fill_row(row, o->today, o->soon, o->out);
	return 0;
}

int order_load(db *d, const char *partner_id, const char *number, int soon_days, struct order_row *out)
{
	struct one o = {out, "", ""};
	dates(soon_days, o.today, o.soon);
	return db_one(d, one_row, &o, ORDERS_COLUMNS " WHERE o.partner_id = ? AND o.order_number = ?", "ss", partner_id,
		      number);
}

struct lines_call {
	order_line_fn fn;
	void *ctx;
};

static int line_row(void *ctx, const struct db_row *row)
{
	struct lines_call *c = ctx;
	struct order_line l = {row_str(row, "product"), row_str(row, "plan"), row_str(row, "plan_code"),
			       row_str(row, "plan_details"), (int)row_int(row, "quantity")};
	return c->fn(c->ctx, &l);
}

int order_lines_each(db *d, long long order_id, order_line_fn fn, void *ctx)
{
	struct lines_call c = {fn, ctx};
	return db_each(d, line_row, &c,
		       "SELECT product, plan, plan_code, plan_details, quantity FROM order_lines WHERE order_id = ?"
		       " ORDER BY line_no",
		       "i", order_id);
}

struct tracking_call {
	order_event_fn fn;
	void *ctx;
};

static int tracking_row(void *ctx, const struct db_row *row)
{
	struct tracking_call *c = ctx;
	struct order_event e = {row_str(row, "at"), row_str(row, "stage"), row_str(row, "detail")};
	return c->fn(c->ctx, &e);
}

int order_tracking_each(db *d, long long order_id, order_event_fn fn, void *ctx)
{
	struct tracking_call c = {fn, ctx};
	return db_each(d, tracking_row, &c,
		       "SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i') AS at, stage, detail FROM order_tracking WHERE order_id = ?"
		       " ORDER BY seq",
		       "i", order_id);
}
