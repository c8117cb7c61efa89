/* Event History (guide §2.16): the account's events, newest first (EVENT
 * DATE ↓; ?dir=asc for oldest first), in the person's columns, filtered by
 * the Create/Edit Filters dialog, EVENTS_PAGE at a time from a position
 * (?cursor=): the page links to the next one, which console's script loads
 * as the list scrolls (static/js/events.js) and a person without script
 * follows. Events show the moment their change commits. The queries are
 * lib/events.c's, bounded at any size of history. */
#include "cgi-bin/events/event_parts.h"

#include <stdio.h>
#include <string.h>

struct page {
	struct req *r;
	int n;
	struct event_cursor last;
};

static int publish_row(void *ctx, const struct event_row *e)
{
	struct page *p = ctx;
	HDF *node;
	char key[32];
	snprintf(key, sizeof key, "Rows.%d", p->n++);
	if (hdf_get_node(p->r->hdf, key, &node) != STATUS_OK)
		return -1;
	event_publish_row(p->r, node, e);
	p->last = e->position;
	return 0;
}

static int publish_columns(struct req *r)
{
	struct table_layout l;
	if (table_layout_load(r->db, r->me.id, EVENT_COLUMNS_KEY, event_columns, event_columns_count, &l) != 0)
		return -1;
	char key[64], label[64];
	int shown = 0;
	for (int i = 0; i < l.n; i++) {
		if (!l.shown[i])
			continue;
		const char *k = event_columns[l.order[i]].key;
		snprintf(key, sizeof key, "Columns.%d.key", shown);
		hdf_set_value(r->hdf, key, k);
		snprintf(label, sizeof label, "events.cols.%s", k);
		snprintf(key, sizeof key, "Columns.%d.label", shown++);
		hdf_set_value(r->hdf, key, lang(r, label));
	}
	return 0;
}

int events_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "events.title"));
	char base[128];
	event_base(r, base, sizeof base);
	hdf_set_value(r->hdf, "Events.Base", base);
	struct event_filter f;
	event_filter_read(r, &f);
	int ascending = event_ascending(r);
	hdf_set_value(r->hdf, "List.Dir", ascending ? "asc" : "desc");
	struct event_cursor after = {"", 0};
	const char *cursor = form(r, "cursor");
	if (*cursor && event_cursor_parse(cursor, &after) != 0)
		after.at[0] = 0;
	hdf_set_int_value(r->hdf, "List.Deep", after.at[0] != 0);
	if (publish_columns(r) != 0)
		return SERVER_ERROR;

	struct page p = {r, 0, {"", 0}};
	int more = 0;
	int n = events_page(r->db, r->acct.id, &f, ascending, &after, EVENTS_PAGE, 1, publish_row, &p, &more);
	if (n < 0) {
		/* The banner asks for a refresh (guide §2.16); the page itself still draws. */
		hdf_set_int_value(r->hdf, "Events.LoadError", 1);
		r->status = 503;
		return DONE;
	}
	hdf_set_int_value(r->hdf, "List.Shown", n);
	hdf_set_int_value(r->hdf, "List.More", more);
	if (more) {
		char next[64];
		event_cursor_format(&p.last, next, sizeof next);
		hdf_set_value(r->hdf, "List.Next", next);
	}
	return DONE;
}
