#ifndef SB_LISTING_H
#define SB_LISTING_H
/* Sortable, searchable, paginated lists (the Accounts and Users screens).
 * A screen declares its sort columns; the request's sort, dir, page and q
 * are checked against them, and List.* is published for macros.cs. */
#include "cgi-bin/core/request.h"

struct sort_column {
	const char *key;        /* as it appears in ?sort= */
	int code;               /* the sort the screen's lib/ list function knows, an enum of its own */
};

struct listing {
	const struct sort_column *sort;   /* the chosen column */
	int descending;
	long page;                        /* 1-based */
	long per_page;
	long offset;
	const char *q;                    /* search text, trimmed, valid UTF-8, may be "" */
	char q_prefix[512];               /* q with LIKE wildcards escaped, plus '%' */
};

/* Reads sort/dir/page/per_page/q. columns ends with a {NULL, 0} row; the
 * first row is the default sort. */
void listing_read(struct req *r, struct listing *l, const struct sort_column *columns);
/* A page past the end (a stale bookmark, rows deleted since) becomes the
 * last page, once the screen knows its total. */
void listing_clamp(struct listing *l, long long total);
/* Publishes List.* (sort, dir, page, pages, total, query string of the other
 * parameters) after the screen counted its rows. extra names the screen's own
 * parameters to keep in links (NULL-terminated), e.g. {"status", NULL}. */
void listing_publish(struct req *r, const struct listing *l, long long total, const char *const *extra);
/* The same for a list whose total is not counted: shown rows are on this
 * page, more says whether any follow it, and total_text stands for the total
 * (e.g. "more than 1,000"). Publishes List.Open and List.More instead of
 * List.Pages, so the pager offers Next only while more rows follow. */
void listing_publish_open(struct req *r, const struct listing *l, long shown, int more, const char *total_text,
			  const char *const *extra);
/* listing_publish_open for a page read with one row past it (published as
 * Rows.0 .. Rows.<fetched - 1>): that row, when it came, only says that more
 * follow, and is taken off the tree. */
void listing_publish_probed(struct req *r, const struct listing *l, long fetched, const char *total_text,
			    const char *const *extra);
#endif
