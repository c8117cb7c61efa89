/* The Orders list and one order (guide §2.6; ch2 §3.2, §3.3): one partner's
 * orders, filtered (All, Unassigned, Expiring), searched by the prefix of
 * ORDER NUMBER, SAP ORDER NUMBER, the POs, the tracking number, the expiry
 * date or the assigned account's name, sorted and paged. The partner's
 * orders are read by the indexes of schema.sql (ix_orders_expiry,
 * ix_orders_assigned), whose first column is the partner. */
#include "lib/orders.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Every list query is one of a fixed set of statements (no SQL is built
 * from input), chosen by filter, sort and direction, each served by an
 * index whose first column is the partner:
 *   - without a search, a page of ids walks ix_orders_expiry,
 *     ix_orders_assigned (Unassigned: assigned_account_id IS NULL),
 *     ux_orders_number or ix_orders_sap in the list's order, reading the
 *     index alone up to the page, and only that page's rows are fetched;
 *   - a search takes the union of one index range per searched field (the
 *     prefix of each text, the dates a date prefix spans, the partner's
 *     accounts a name prefix finds), then filters and sorts what matched. */
#define F_ALL ""
#define F_UNASSIGNED " AND assigned_account_id IS NULL"
#define F_EXPIRING " AND activated = 1 AND expiry_key BETWEEN ? AND ?"
#define FO_ALL ""
#define FO_UNASSIGNED " AND o.assigned_account_id IS NULL"
#define FO_EXPIRING " AND o.activated = 1 AND o.expiry_key BETWEEN ? AND ?"
#define COLUMNS "SELECT" COLUMN_LIST
#define COLUMN_LIST \
	" o.id, o.order_number, o.sap_order_number, o.reseller_po, o.customer_po, o.tracking_id, o.end_customer_sap," \
	" DATE_FORMAT(o.start_date, '%Y-%m-%d') AS start_date, DATE_FORMAT(o.expiry_date, '%Y-%m-%d') AS expiry_date," \
	" o.term_months, o.activated, o.licenses, o.assigned_account_id, a.name AS account_name," \
	" DATE_FORMAT(o.assigned_at, '%Y-%m-%d %H:%i:%s') AS assigned_at, o.assigned_by_name"
#define ACCOUNT_JOIN " LEFT JOIN accounts a ON a.id = o.assigned_account_id"
#define MATCHES_OF(limit) \
	"((SELECT id FROM orders WHERE partner_id = ? AND order_number LIKE ?" limit ")" \
	" UNION (SELECT id FROM orders WHERE partner_id = ? AND sap_order_number LIKE ?" limit ")" \
	" UNION (SELECT id FROM orders WHERE partner_id = ? AND reseller_po LIKE ?" limit ")" \
	" UNION (SELECT id FROM orders WHERE partner_id = ? AND customer_po LIKE ?" limit ")" \
	" UNION (SELECT id FROM orders WHERE partner_id = ? AND tracking_id LIKE ?" limit ")" \
	" UNION (SELECT id FROM orders WHERE partner_id = ? AND expiry_key BETWEEN ? AND ?" limit ")" \
	" UNION (SELECT STRAIGHT_JOIN o2.id FROM accounts a2 JOIN orders o2 ON o2.partner_id = a2.partner_id" \
	"  AND o2.assigned_account_id = a2.id" \
	"  WHERE a2.partner_id = ? AND a2.name LIKE ?" limit ")) m"
#define MATCHES MATCHES_OF("")
#define PAGE(f, inner, outer) \
	COLUMNS " FROM (SELECT id FROM orders WHERE partner_id = ?" f " ORDER BY " inner " LIMIT ? OFFSET ?) p" \
	" JOIN orders o ON o.id = p.id" ACCOUNT_JOIN " ORDER BY " outer
/* The matches first (STRAIGHT_JOIN): left to itself, the optimizer may walk
 * the partner's orders in the list's order and look each up in the matches,
 * every order for a search that matches none. */
#define SEARCH_PAGE(fo, outer) \
	"SELECT STRAIGHT_JOIN" COLUMN_LIST " FROM " MATCHES " JOIN orders o ON o.id = m.id" ACCOUNT_JOIN " WHERE o.partner_id = ?" fo \
	" ORDER BY " outer " LIMIT ? OFFSET ?"
#define PAGES(f) \
	{{PAGE(f, "expiry_key, id", "o.expiry_key, o.id"), PAGE(f, "expiry_key DESC, id DESC", "o.expiry_key DESC, o.id DESC")}, \
	 {PAGE(f, "order_number", "o.order_number"), PAGE(f, "order_number DESC", "o.order_number DESC")}, \
	 {PAGE(f, "sap_order_number, id", "o.sap_order_number, o.id"), \
	  PAGE(f, "sap_order_number DESC, id DESC", "o.sap_order_number DESC, o.id DESC")}}
/* The same pages read from the other end of the index: a page past the
 * middle walks fewer entries backwards (the last page: one page's worth),
 * then is put back in the list's order. */
#define PAGES_BACK(f) \
	{{PAGE(f, "expiry_key DESC, id DESC", "o.expiry_key, o.id"), PAGE(f, "expiry_key, id", "o.expiry_key DESC, o.id DESC")}, \
	 {PAGE(f, "order_number DESC", "o.order_number"), PAGE(f, "order_number", "o.order_number DESC")}, \
	 {PAGE(f, "sap_order_number DESC, id DESC", "o.sap_order_number, o.id"), \
	  PAGE(f, "sap_order_number, id", "o.sap_order_number DESC, o.id DESC")}}
#define SEARCH_PAGES(fo) \
	{{SEARCH_PAGE(fo, "o.expiry_key, o.id"), SEARCH_PAGE(fo, "o.expiry_key DESC, o.id DESC")}, \
	 {SEARCH_PAGE(fo, "o.order_number"), SEARCH_PAGE(fo, "o.order_number DESC")}, \
	 {SEARCH_PAGE(fo, "o.sap_order_number, o.id"), SEARCH_PAGE(fo, "o.sap_order_number DESC, o.id DESC")}}

/* A search with many matches walks the list's index instead for its page,
 * testing each order until the page is full. */
#define MATCHES_ROW \
	" AND (order_number LIKE ? OR sap_order_number LIKE ? OR reseller_po LIKE ? OR customer_po LIKE ?" \
	" OR tracking_id LIKE ? OR expiry_key BETWEEN ? AND ?" \
	" OR assigned_account_id IN (SELECT id FROM accounts WHERE partner_id = ? AND name LIKE ?))"
#define WALK(f, inner, outer) PAGE(f MATCHES_ROW, inner, outer)
#define WALKS(f) \
	{{WALK(f, "expiry_key, id", "o.expiry_key, o.id"), WALK(f, "expiry_key DESC, id DESC", "o.expiry_key DESC, o.id DESC")}, \
	 {WALK(f, "order_number", "o.order_number"), WALK(f, "order_number DESC", "o.order_number DESC")}, \
	 {WALK(f, "sap_order_number, id", "o.sap_order_number, o.id"), \
	  WALK(f, "sap_order_number DESC, id DESC", "o.sap_order_number DESC, o.id DESC")}}
static const char *const walk_sql[3][3][2] = {WALKS(F_ALL), WALKS(F_UNASSIGNED), WALKS(F_EXPIRING)};

/* [filter][sort][descending] */
static const char *const page_sql[3][3][2] = {PAGES(F_ALL), PAGES(F_UNASSIGNED), PAGES(F_EXPIRING)};
static const char *const page_back_sql[3][3][2] = {PAGES_BACK(F_ALL), PAGES_BACK(F_UNASSIGNED), PAGES_BACK(F_EXPIRING)};
static const char *const search_sql[3][3][2] = {SEARCH_PAGES(FO_ALL), SEARCH_PAGES(FO_UNASSIGNED), SEARCH_PAGES(FO_EXPIRING)};
static const char *const count_sql[3] = {
	"SELECT COUNT(*) AS n FROM orders WHERE partner_id = ?" F_ALL,
	"SELECT COUNT(*) AS n FROM orders WHERE partner_id = ?" F_UNASSIGNED,
	"SELECT COUNT(*) AS n FROM orders WHERE partner_id = ?" F_EXPIRING,
};
/* A search's matches, from the union of its ranges, counted up to ORDERS_SEARCH_EXACT + 1.
 * Without a filter each range stops there too (one range of 1001 already
 * means more than ORDERS_SEARCH_EXACT), so a search that matches most
 * orders reads a thousand of each, not all of them. A filter drops
 * matches after the union, so its ranges are read whole. */
#define SEARCH_COUNT(matches, fo) \
	"SELECT COUNT(*) AS n FROM (SELECT STRAIGHT_JOIN 1 FROM " matches " JOIN orders o ON o.id = m.id WHERE o.partner_id = ?" fo \
	" LIMIT 1001) c"
static const char *const search_count_sql[3] = {
	/* every range is the partner's already: without a filter, nothing to look up per match */
	"SELECT COUNT(*) AS n FROM (SELECT 1 FROM " MATCHES_OF(" LIMIT 1001") " LIMIT 1001) c",
	SEARCH_COUNT(MATCHES, FO_UNASSIGNED), SEARCH_COUNT(MATCHES, FO_EXPIRING),
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

static int days_in(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return days[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

void order_expiry_span(const char *q, char lo[11], char hi[11])
{
	/* Nothing matches unless q is the start of a date YYYY-MM-DD (the year typed whole). */
	snprintf(lo, 11, "2999-12-31");
	snprintf(hi, 11, "1970-01-01");
	static const char shape[] = "9999-99-99";
	size_t n = q ? strlen(q) : 0;
	if (n < 4 || n > 10)
		return;
	for (size_t i = 0; i < n; i++)
		if (shape[i] == '9' ? !isdigit((unsigned char)q[i]) : q[i] != '-')
			return;
	int y = atoi(q), m_lo = 1, m_hi = 12, d_lo = 1, d_hi = 31;
	if (n == 6) {
		m_lo = q[5] == '0' ? 1 : q[5] == '1' ? 10 : 13;
		m_hi = q[5] == '0' ? 9 : 12;
	} else if (n >= 7) {
		m_lo = m_hi = (q[5] - '0') * 10 + (q[6] - '0');
	}
	if (y < 1970 || m_lo < 1 || m_lo > 12 || m_hi > 12)
		return;
	if (n == 9) {
		d_lo = (q[8] - '0') * 10 + (q[8] == '0');
		d_hi = (q[8] - '0') * 10 + 9;
	} else if (n == 10) {
		d_lo = d_hi = (q[8] - '0') * 10 + (q[9] - '0');
	}
	if (d_lo < 1 || d_lo > days_in(y, m_lo))
		return;
	if (d_hi > days_in(y, m_hi))
		d_hi = days_in(y, m_hi);
	snprintf(lo, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m_lo % 100u, (unsigned)d_lo % 100u);
	snprintf(hi, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m_hi % 100u, (unsigned)d_hi % 100u);
}

/* The statement's parameters, in its order. */
struct params {
	const char *v[24];
	char fmt[25];
	int n;
	char today[11], soon[11], p[420], lo[11], hi[11], limit[24], offset[24];
};

static void add(struct params *x, char type, const char *value)
{
	x->v[x->n] = value;
	x->fmt[x->n++] = type;
	x->fmt[x->n] = 0;
}

/* The union of ranges (a search's page when it matches few): its
 * parameters come first. */
static void bind_union(struct params *x, const struct order_query *q)
{
	for (int i = 0; i < 5; i++)
		add(x, 's', q->partner_id), add(x, 's', x->p);
	add(x, 's', q->partner_id), add(x, 's', x->lo), add(x, 's', x->hi);
	add(x, 's', q->partner_id), add(x, 's', x->p);
}

/* A row's test (the walk): after the filter's. */
static void bind_row_test(struct params *x, const struct order_query *q)
{
	for (int i = 0; i < 5; i++)
		add(x, 's', x->p);
	add(x, 's', x->lo), add(x, 's', x->hi);
	add(x, 's', q->partner_id), add(x, 's', x->p);
}

enum shape { COUNT, PAGE_OF_IDS, UNION_PAGE };

static void bind(struct params *x, const struct order_query *q, enum shape shape)
{
	memset(x, 0, sizeof *x);
	dates(q->soon_days, x->today, x->soon);
	int searching = q->search && *q->search;
	if (searching) {
		prefix_of(q->search, x->p, sizeof x->p);
		order_expiry_span(q->search, x->lo, x->hi);
	}
	if (searching && shape != PAGE_OF_IDS)
		bind_union(x, q);
	/* An unfiltered search's count is the union's alone (search_count_sql). */
	if (!(searching && shape == COUNT && q->filter == ORDERS_ALL))
		add(x, 's', q->partner_id);
	if (q->filter == ORDERS_EXPIRING)
		add(x, 's', x->today), add(x, 's', x->soon);
	if (searching && shape == PAGE_OF_IDS)
		bind_row_test(x, q);
	if (shape != COUNT) {
		snprintf(x->limit, sizeof x->limit, "%ld", q->limit);
		snprintf(x->offset, sizeof x->offset, "%ld", q->offset);
		add(x, 'i', x->limit), add(x, 'i', x->offset);
	}
}

static unsigned filter_of(const struct order_query *q)
{
	return (unsigned)q->filter < 3 ? (unsigned)q->filter : 0;
}

static int count_row(void *ctx, const struct db_row *row)
{
	*(long long *)ctx = row_int(row, "n");
	return 0;
}

struct counters {
	int unassigned;
	long long n, version;
};

static int counters_row(void *ctx, const struct db_row *row)
{
	struct counters *c = ctx;
	c->n = row_int(row, c->unassigned ? "unassigned" : "orders");
	c->version = row_int(row, "version");
	return 0;
}

int orders_count(db *d, struct order_query *q, long long *total)
{
	/* All and Unassigned come from the partner's counters (partner_order_counts), with their version. */
	if (!(q->search && *q->search) && q->filter != ORDERS_EXPIRING) {
		struct counters c = {q->filter == ORDERS_UNASSIGNED, 0, 0};
		if (db_one(d, counters_row, &c, "SELECT orders, unassigned, version FROM partner_order_counts WHERE partner_id = ?",
			   "s", q->partner_id) < 0)
			return -1;
		*total = c.n;
		q->version = c.version;
		return 0;
	}
	struct params *x = malloc(sizeof *x);
	if (!x)
		return -1;
	bind(x, q, COUNT);
	*total = 0;
	const char *sql = q->search && *q->search ? search_count_sql[filter_of(q)] : count_sql[filter_of(q)];
	int rc = db_each_text(d, count_row, total, sql, x->fmt, x->v) < 0 ? -1 : 0;
	free(x);
	return rc;
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

/* ---- page anchors: deep pages of All and Unassigned ----
 * A page of ids walks its index from the list's start to its offset. So
 * that a deep page walks less, this worker keeps the key of every
 * ANCHOR_EVERY-th order of a list — good while the partner's orders'
 * version (partner_order_counts.version, moved on by every write) stays —
 * and a page starts its walk after the anchor before it. */
#define ANCHOR_EVERY 100
#define ANCHORS_MAX 2000               /* lists of up to 200,000 orders; past that, from the last anchor */
#define ANCHOR_LISTS 4                 /* lists kept at once, the oldest replaced */

#define ANCHORS_OF(f, key, inner) \
	"SELECT k, id FROM (SELECT " key " AS k, id, ROW_NUMBER() OVER (ORDER BY " inner ") AS rn" \
	" FROM orders WHERE partner_id = ?" f ") t WHERE rn % ? = 0 ORDER BY rn LIMIT ?"
#define ANCHORS(f) \
	{{ANCHORS_OF(f, "DATE_FORMAT(expiry_key, '%Y-%m-%d')", "expiry_key, id"), \
	  ANCHORS_OF(f, "DATE_FORMAT(expiry_key, '%Y-%m-%d')", "expiry_key DESC, id DESC")}, \
	 {ANCHORS_OF(f, "order_number", "order_number"), ANCHORS_OF(f, "order_number", "order_number DESC")}, \
	 {ANCHORS_OF(f, "sap_order_number", "sap_order_number, id"), \
	  ANCHORS_OF(f, "sap_order_number", "sap_order_number DESC, id DESC")}}
/* [filter: All, Unassigned][sort][descending] */
static const char *const anchors_sql[2][3][2] = {ANCHORS(F_ALL), ANCHORS(F_UNASSIGNED)};

/* The page after an anchor (key, id): the rest of the walk is its offset from there. */
#define AFTER_EXPIRY(op) " AND (expiry_key " op " ? OR (expiry_key = ? AND id " op " ?))"
#define AFTER_NUMBER(op) " AND order_number " op " ?"
#define AFTER_SAP(op) " AND (sap_order_number " op " ? OR (sap_order_number = ? AND id " op " ?))"
#define PAGES_AFTER(f) \
	{{PAGE(f AFTER_EXPIRY(">"), "expiry_key, id", "o.expiry_key, o.id"), \
	  PAGE(f AFTER_EXPIRY("<"), "expiry_key DESC, id DESC", "o.expiry_key DESC, o.id DESC")}, \
	 {PAGE(f AFTER_NUMBER(">"), "order_number", "o.order_number"), \
	  PAGE(f AFTER_NUMBER("<"), "order_number DESC", "o.order_number DESC")}, \
	 {PAGE(f AFTER_SAP(">"), "sap_order_number, id", "o.sap_order_number, o.id"), \
	  PAGE(f AFTER_SAP("<"), "sap_order_number DESC, id DESC", "o.sap_order_number DESC, o.id DESC")}}
static const char *const page_after_sql[2][3][2] = {PAGES_AFTER(F_ALL), PAGES_AFTER(F_UNASSIGNED)};

struct anchor {
	char key[101];
	long long id;
};
struct anchor_list {
	char partner_id[UUID_LEN];
	int filter, sort, descending;
	long long version;
	int n;
	struct anchor at[ANCHORS_MAX];
};
static struct anchor_list lists[ANCHOR_LISTS];
static unsigned next_list;

static int anchor_row(void *ctx, const struct db_row *row)
{
	struct anchor_list *l = ctx;
	if (l->n < ANCHORS_MAX) {
		row_copy(row, "k", l->at[l->n].key, sizeof l->at[l->n].key);
		l->at[l->n++].id = row_int(row, "id");
	}
	return 0;
}

/* The query's list's anchors, read again when its version moved on: NULL on error. */
static const struct anchor_list *anchors_for(db *d, const struct order_query *q, unsigned sort)
{
	int desc = q->descending != 0, filter = (int)filter_of(q);
	for (int i = 0; i < ANCHOR_LISTS; i++) {
		struct anchor_list *l = &lists[i];
		if (l->filter == filter && (unsigned)l->sort == sort && l->descending == desc && l->version == q->version &&
		    strcmp(l->partner_id, q->partner_id) == 0)
			return l;
	}
	struct anchor_list *l = &lists[next_list++ % ANCHOR_LISTS];
	memset(l, 0, sizeof *l);
	if (db_each(d, anchor_row, l, anchors_sql[filter][sort][desc], "sii", q->partner_id,
		    (long long)ANCHOR_EVERY, (long long)ANCHORS_MAX) < 0) {
		l->partner_id[0] = 0;
		return NULL;
	}
	snprintf(l->partner_id, sizeof l->partner_id, "%s", q->partner_id);
	l->filter = filter;
	l->sort = (int)sort;
	l->descending = desc;
	l->version = q->version;
	return l;
}

/* A page of All or Unassigned past the first anchor, walked from the anchor
 * before it: rows, or -2 when it is no such page. */
static int anchored_page(db *d, const struct order_query *q, unsigned sort, struct each_call *c)
{
	if ((q->search && *q->search) || q->filter == ORDERS_EXPIRING || q->version < 0 || q->offset < ANCHOR_EVERY)
		return -2;
	const struct anchor_list *l = anchors_for(d, q, sort);
	if (!l)
		return -1;
	long long k = q->offset / ANCHOR_EVERY;   /* the k-th anchor is the (k * ANCHOR_EVERY)-th order */
	if (k > l->n)
		k = l->n;
	/* None before it, or its end is nearer (orders_each reads it from there). */
	if (k == 0 || (q->matches > 0 && q->matches - q->offset - q->limit < q->offset - k * ANCHOR_EVERY))
		return -2;
	const struct anchor *a = &l->at[k - 1];
	char id[24], limit[24], offset[24];
	snprintf(id, sizeof id, "%lld", a->id);
	snprintf(limit, sizeof limit, "%ld", q->limit);
	snprintf(offset, sizeof offset, "%lld", (long long)q->offset - k * ANCHOR_EVERY);
	const char *v[7];
	char fmt[8];
	int n = 0;
	v[n] = q->partner_id, fmt[n++] = 's';
	v[n] = a->key, fmt[n++] = 's';
	if (sort != ORDER_SORT_NUMBER) {
		v[n] = a->key, fmt[n++] = 's';
		v[n] = id, fmt[n++] = 'i';
	}
	v[n] = limit, fmt[n++] = 'i';
	v[n] = offset, fmt[n++] = 'i';
	fmt[n] = 0;
	dates(q->soon_days, c->today, c->soon);
	return db_each_text(d, each_row, c, page_after_sql[filter_of(q)][sort][q->descending != 0], fmt, v);
}

int orders_each(db *d, const struct order_query *q, order_row_fn fn, void *ctx)
{
	struct each_call c = {fn, ctx, "", ""};
	unsigned sort = (unsigned)q->sort < 3 ? (unsigned)q->sort : 0;
	int anchored = anchored_page(d, q, sort, &c);
	if (anchored != -2)
		return anchored;
	struct params *x = malloc(sizeof *x);
	if (!x)
		return -1;
	/* A search that matches few takes the union of its ranges; one that matches many (or an
	 * uncounted one) walks the list's index. */
	int searching = q->search && *q->search, walk = searching && (q->matches < 0 || q->matches > ORDERS_SEARCH_EXACT);
	/* A page past the middle of a list whose length is known is read from its end. */
	struct order_query back = *q;
	int from_end = !searching && q->matches > 0 && q->offset > 0 && q->offset + q->limit / 2 > q->matches / 2;
	if (from_end) {
		back.limit = q->offset + q->limit > q->matches ? q->matches - q->offset : q->limit;
		back.offset = q->matches - q->offset - back.limit;
		if (back.limit <= 0 || back.offset < 0)
			from_end = 0;
	}
	bind(x, from_end ? &back : q, searching && !walk ? UNION_PAGE : PAGE_OF_IDS);
	memcpy(c.today, x->today, sizeof c.today);
	memcpy(c.soon, x->soon, sizeof c.soon);
	const char *sql = (walk ? walk_sql : searching ? search_sql : from_end ? page_back_sql : page_sql)[filter_of(q)][sort][q->descending != 0];
	int rc = db_each_text(d, each_row, &c, sql, x->fmt, x->v);
	free(x);
	return rc;
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
	return db_one(d, one_row, &o, COLUMNS " FROM orders o" ACCOUNT_JOIN " WHERE o.partner_id = ? AND o.order_number = ?", "ss",
		      partner_id, number);
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
