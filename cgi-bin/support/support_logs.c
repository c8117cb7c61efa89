/* Support Logs (guide §2.10): one customer account's support logs, newest
 * first, with PRODUCT NAME, DATE & TIME, REPORTER, LOG TITLE and STATE;
 * searched by LOG TITLE as you type (a title matches when one of its words
 * starts with the text; nothing else is searched), filtered by Product (the
 * products with logs in the past 60 days) and State, sorted by any of the
 * columns either way (ties in date order), 50 to a page; the sort stays
 * through pages, searches and filters.
 *
 * It stays fast at 100,000 logs in an account: totals come from counts kept
 * by triggers, pages from an index per sort that keeps its order, and a
 * search from the titles' words (lib/support_logs.c); a search's total is
 * counted only up to 1,000, past which the list walks in the sort's order
 * testing each log until the page is full. */
#include "cgi-bin/core/listing.h"
#include "cgi-bin/core/request.h"
#include "cgi-bin/support/support_view.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <string.h>

#define PRODUCT_DAYS 60
#define SEARCH_EXACT 1000

static const struct sort_column columns[] = {
	{"date", SORT_DATE},
	{"product", SORT_PRODUCT},
	{"reporter", SORT_REPORTER},
	{"title", SORT_TITLE},
	{"state", SORT_STATE},
	{NULL, 0},
};

struct rows {
	struct req *r;
	int n;
};

static int row_fields(void *ctx, const struct support_log_row *row)
{
	struct rows *rows = ctx;
	HDF *h = rows->r->hdf;
	char key[48], when[64];
	int n = rows->n++;
	support_time_text(rows->r->language, row->created, 0, when, sizeof when);
	hdf_set_valuef(h, "Rows.%d.id=%lld", n, row->id);
	hdf_set_valuef(h, "Rows.%d.state=%s", n, support_state_key(row->state));
	snprintf(key, sizeof key, "Rows.%d.created", n);
	hdf_set_value(h, key, when);
	snprintf(key, sizeof key, "Rows.%d.product", n);
	hdf_set_value(h, key, row->product);
	snprintf(key, sizeof key, "Rows.%d.reporter", n);
	hdf_set_value(h, key, row->reporter_email);
	snprintf(key, sizeof key, "Rows.%d.title", n);
	hdf_set_value(h, key, row->title);
	return 0;
}

struct products {
	struct req *r;
	int n;
	const char *chosen;
	int chosen_listed;
};

static int product_option(void *ctx, const char *product)
{
	struct products *p = ctx;
	char key[48];
	snprintf(key, sizeof key, "Filter.Products.%d", p->n++);
	hdf_set_value(p->r->hdf, key, product);
	p->chosen_listed |= strcmp(product, p->chosen) == 0;
	return 0;
}

/* A chip per filter in use, each with the list's link without it. */
static void chip(struct req *r, int n, const char *name, const char *value, const struct listing *l,
		 const char *other_name, const char *other_value)
{
	char key[48], link[1024] = "";
	char *esc = NULL;
	snprintf(key, sizeof key, "Filter.Chips.%d.name", n);
	hdf_set_value(r->hdf, key, name);
	snprintf(key, sizeof key, "Filter.Chips.%d.value", n);
	hdf_set_value(r->hdf, key, value);
	size_t len = 0;
	if (*l->q && cgi_url_escape(l->q, &esc) == STATUS_OK && esc) {
		len += (size_t)snprintf(link + len, sizeof link - len, "q=%s&", esc);
		free(esc);
		esc = NULL;
	}
	if (*other_value && cgi_url_escape(other_value, &esc) == STATUS_OK && esc) {
		len += (size_t)snprintf(link + len, sizeof link - len, "%s=%s&", other_name, esc);
		free(esc);
	}
	snprintf(link + (len < sizeof link ? len : sizeof link - 1), sizeof link - (len < sizeof link ? len : sizeof link - 1),
		 "sort=%s&dir=%s", l->sort->key, l->descending ? "desc" : "asc");
	snprintf(key, sizeof key, "Filter.Chips.%d.remove", n);
	hdf_set_value(r->hdf, key, link);
}

int support_logs_get(struct req *r)
{
	struct listing l;
	listing_read(r, &l, columns);
	/* Newest first unless asked otherwise (guide §2.10's example); the
	 * other columns from A (or Open) unless asked otherwise. */
	if (l.sort->code == SORT_DATE)
		l.descending = strcmp(form(r, "dir"), "asc") != 0;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "support.support_logs.title"));

	int state = support_state_from_key(form(r, "state"));
	const char *product = form(r, "product");
	if (!valid_line(product, 0) || strlen(product) > 400)
		product = "";
	if (state >= 0)
		hdf_set_value(r->hdf, "Filter.state", support_state_key((enum support_state)state));
	hdf_set_value(r->hdf, "Filter.product", product);
	int chips = 0;
	if (*product)
		chip(r, chips++, "product", product, &l, "state", state >= 0 ? support_state_key((enum support_state)state) : "");
	if (state >= 0)
		chip(r, chips++, "state", support_state_key((enum support_state)state), &l, "product", product);
	hdf_set_int_value(r->hdf, "Filter.Active", chips > 0);

	struct products p = {r, 0, product, 0};
	if (support_log_products(r->db, r->acct.id, PRODUCT_DAYS, product_option, &p) < 0)
		return SERVER_ERROR;
	/* A product chosen from an older bookmark stays offered while chosen. */
	if (*product && !p.chosen_listed)
		product_option(&p, product);

	struct support_log_query q = {
		.account_id = r->acct.id, .state = state, .product = product, .search = l.q,
		.sort = (enum support_log_sort)l.sort->code, .ascending = !l.descending, .limit = l.per_page, .offset = l.offset,
	};
	long long total = 0;
	if (support_logs_total(r->db, &q, SEARCH_EXACT, &total) != 0)
		return SERVER_ERROR;
	int exact = total <= SEARCH_EXACT || !*l.q;
	if (exact) {
		listing_clamp(&l, total);
		q.offset = l.offset;
	}
	/* One row past the page says whether another follows an uncounted total. */
	q.limit = l.per_page + (exact ? 0 : 1);
	struct rows rows = {r, 0};
	if (support_logs_page(r->db, &q, exact ? total : -1, row_fields, &rows) < 0)
		return SERVER_ERROR;
	static const char *const keep[] = {"state", "product", NULL};
	if (exact)
		listing_publish(r, &l, total, keep);
	else
		listing_publish_probed(r, &l, rows.n, lang(r, "support.support_logs.many_matches"), keep);
	return DONE;
}
