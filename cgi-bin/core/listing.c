#include "cgi-bin/core/listing.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PER_PAGE_DEFAULT 50
#define PER_PAGE_MAX 200

void listing_read(struct req *r, struct listing *l, const struct sort_column *columns)
{
	memset(l, 0, sizeof *l);
	const char *key = form(r, "sort");
	l->sort = &columns[0];
	for (const struct sort_column *c = columns; c->key; c++)
		if (strcmp(c->key, key) == 0)
			l->sort = c;
	l->descending = strcmp(form(r, "dir"), "desc") == 0;
	l->per_page = form_int(r, "per_page", PER_PAGE_DEFAULT, 10, PER_PAGE_MAX);
	l->page = form_int(r, "page", 1, 1, 1000000);
	l->offset = (l->page - 1) * l->per_page;
	l->q = form(r, "q");
	if (!valid_utf8(l->q) || strlen(l->q) > 200)
		l->q = "";
	/* A prefix pattern: % and _ in the text are literal. */
	size_t n = 0;
	for (const char *p = l->q; *p && n < sizeof l->q_prefix - 3; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			l->q_prefix[n++] = '\\';
		l->q_prefix[n++] = *p;
	}
	l->q_prefix[n++] = '%';
	l->q_prefix[n] = 0;
}

void listing_clamp(struct listing *l, long long total)
{
	long long pages = total ? (total + l->per_page - 1) / l->per_page : 1;
	if (l->page > pages) {
		l->page = (long)pages;
		l->offset = (l->page - 1) * l->per_page;
	}
}

static void append_param(char *buf, size_t size, const char *name, const char *value)
{
	char *esc = NULL;
	if (!value || !*value || cgi_url_escape(value, &esc) != STATUS_OK || !esc)
		return;
	size_t len = strlen(buf);
	snprintf(buf + len, size - len, "%s%s=%s", len ? "&" : "", name, esc);
	free(esc);
}

/* What both kinds of list publish: sort, page, search and links. */
static void publish(struct req *r, const struct listing *l, const char *const *extra)
{
	hdf_set_value(r->hdf, "List.Sort", l->sort->key);
	hdf_set_value(r->hdf, "List.Dir", l->descending ? "desc" : "asc");
	hdf_set_int_value(r->hdf, "List.Page", (int)l->page);
	hdf_set_value(r->hdf, "List.Q", l->q);

	/* Links keep the search and the screen's own filters; sort and page are added by the macros. */
	char keep[2048] = "", num[32];
	append_param(keep, sizeof keep, "q", l->q);
	for (const char *const *e = extra; e && *e; e++)
		append_param(keep, sizeof keep, *e, form(r, *e));
	if (l->per_page != PER_PAGE_DEFAULT) {
		snprintf(num, sizeof num, "%ld", l->per_page);
		append_param(keep, sizeof keep, "per_page", num);
	}
	hdf_set_value(r->hdf, "List.Keep", keep);
	char with_sort[2300];
	snprintf(with_sort, sizeof with_sort, "%s%ssort=%s&dir=%s", keep, *keep ? "&" : "", l->sort->key,
		 l->descending ? "desc" : "asc");
	hdf_set_value(r->hdf, "List.KeepSort", with_sort);
}

void listing_publish(struct req *r, const struct listing *l, long long total, const char *const *extra)
{
	long pages = (long)((total + l->per_page - 1) / l->per_page);
	if (pages < 1)
		pages = 1;
	publish(r, l, extra);
	hdf_set_int_value(r->hdf, "List.Pages", (int)pages);
	char num[32];
	snprintf(num, sizeof num, "%lld", total);
	hdf_set_value(r->hdf, "List.Total", num);
	hdf_set_int_value(r->hdf, "List.From", total ? (int)(l->offset + 1) : 0);
	long long to = l->offset + l->per_page;
	hdf_set_int_value(r->hdf, "List.To", (int)(to < total ? to : total));
}

void listing_publish_open(struct req *r, const struct listing *l, long shown, int more, const char *total_text,
			  const char *const *extra)
{
	publish(r, l, extra);
	hdf_set_int_value(r->hdf, "List.Open", 1);
	hdf_set_int_value(r->hdf, "List.More", more);
	hdf_set_value(r->hdf, "List.Total", total_text);
	hdf_set_int_value(r->hdf, "List.From", shown ? (int)(l->offset + 1) : 0);
	hdf_set_int_value(r->hdf, "List.To", shown ? (int)(l->offset + shown) : 0);
}

void listing_publish_probed(struct req *r, const struct listing *l, long fetched, const char *total_text,
			    const char *const *extra)
{
	int more = fetched > l->per_page;
	if (more) {
		char past[32];
		snprintf(past, sizeof past, "Rows.%ld", l->per_page);
		hdf_remove_tree(r->hdf, past);
		fetched--;
	}
	listing_publish_open(r, l, fetched, more, total_text, extra);
}
