/* Event Details (guide §2.16): one event, opened from its row, in tabs —
 * Summary (the scalar fields), Core Details, Extra Details, Log Tags (ch2
 * §8.2) — with Copy, which puts the tab shown on the clipboard, and
 * Export, which writes every tab to a CSV file (event_export.c). */
#include "cgi-bin/events/event_parts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const tabs[] = {"summary", "core", "extra", "tags"};

/* A JSON document laid out for reading (two spaces a level). */
static void publish_pretty(struct req *r, const char *name, const char *json)
{
	json_t *doc = json_loads(json, JSON_DECODE_ANY, NULL);
	char *pretty = doc ? json_dumps(doc, JSON_INDENT(2) | JSON_SORT_KEYS | JSON_ENCODE_ANY) : NULL;
	hdf_set_value(r->hdf, name, pretty ? pretty : json);
	free(pretty);
	json_decref(doc);
}

static int publish_event(void *ctx, const struct event_row *e)
{
	struct req *r = ctx;
	HDF *node;
	if (hdf_get_node(r->hdf, "Event", &node) != STATUS_OK)
		return -1;
	event_publish_row(r, node, e);
	hdf_set_value(node, "asset_id", e->asset_id);
	hdf_set_value(node, "console_action", e->action);
	/* The Summary tab as text, for Copy: "LABEL: value" a line. */
	static const char *const fields[] = {"event_id", "actor_name", "actor_id", "action", "event_type", "asset",
					     "event_date", "properties_changed"};
	char text[4096] = "", label[64];
	size_t len = 0;
	for (size_t i = 0; i < sizeof fields / sizeof fields[0] && len < sizeof text; i++) {
		snprintf(label, sizeof label, "events.cols.%s", fields[i]);
		len += (size_t)snprintf(text + len, sizeof text - len, "%s: %s\n", lang(r, label),
					hdf_get_value(node, fields[i], ""));
	}
	hdf_set_value(node, "summary_text", text);
	publish_pretty(r, "Event.core_pretty", e->core_details);
	publish_pretty(r, "Event.extra_pretty", e->extra_details);
	publish_pretty(r, "Event.tags_pretty", e->log_tags);
	return 0;
}

int event_get(struct req *r)
{
	int found = event_find(r->db, r->acct.id, r->id, publish_event, r);
	if (found != 1)
		return found < 0 ? SERVER_ERROR : NOT_FOUND;
	const char *tab = form(r, "tab");
	int known = 0;
	for (size_t i = 0; i < sizeof tabs / sizeof tabs[0]; i++)
		known |= strcmp(tab, tabs[i]) == 0;
	hdf_set_value(r->hdf, "Event.Tab", known ? tab : "summary");
	char base[128];
	event_base(r, base, sizeof base);
	hdf_set_value(r->hdf, "Events.Base", base);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "events.event.title"));
	return DONE;
}
