/* Export of Event Details (guide §2.16): every tab of one event in a CSV
 * file, a row per field — the Summary's fields, each key of the Core and
 * Extra Details, each Log Tag. */
#include "cgi-bin/events/event_parts.h"
#include "lib/lang.h"
#include "lib/sheet/csv_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct out {
	struct req *r;
	struct csv_sink sink;
};

static void line(struct csv_sink *s, const char *tab, const char *field, const char *value)
{
	csv_sink_field(s, tab);
	csv_sink_field(s, field);
	csv_sink_field(s, value);
	csv_sink_end_record(s);
}

/* A JSON object a line per key, an array a line per item; anything else one line. */
static void json_lines(struct csv_sink *s, const char *tab, const char *json)
{
	json_t *doc = json_loads(json, JSON_DECODE_ANY, NULL);
	const char *key;
	json_t *v;
	size_t i;
	char *text, n[24];
	if (json_is_object(doc)) {
		json_object_foreach(doc, key, v) {
			text = json_is_string(v) ? strdup(json_string_value(v)) : json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
			line(s, tab, key, text ? text : "");
			free(text);
		}
	} else if (json_is_array(doc)) {
		json_array_foreach(doc, i, v) {
			snprintf(n, sizeof n, "%zu", i + 1);
			text = json_is_string(v) ? strdup(json_string_value(v)) : json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
			line(s, tab, n, text ? text : "");
			free(text);
		}
	} else {
		line(s, tab, "", json);
	}
	json_decref(doc);
}

static int write_event(void *ctx, const struct event_row *e)
{
	struct out *o = ctx;
	struct req *r = o->r;
	struct csv_sink *s = &o->sink;
	HDF *node;
	if (hdf_get_node(r->hdf, "Export", &node) != STATUS_OK)
		return -1;
	event_publish_row(r, node, e);
	line(s, lang(r, "events.event.col_tab"), lang(r, "events.event.col_field"), lang(r, "events.event.col_value"));
	static const char *const fields[] = {"event_id", "actor_name", "actor_id", "action", "event_type", "asset",
					     "event_date", "properties_changed"};
	char label[64];
	const char *summary = lang(r, "events.event.tabs.summary");
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		snprintf(label, sizeof label, "events.cols.%s", fields[i]);
		line(s, summary, lang(r, label), hdf_get_value(node, fields[i], ""));
	}
	json_lines(s, lang(r, "events.event.tabs.core"), e->core_details);
	json_lines(s, lang(r, "events.event.tabs.extra"), e->extra_details);
	json_lines(s, lang(r, "events.event.tabs.tags"), e->log_tags);
	return 0;
}

int event_export_get(struct req *r)
{
	struct csv_buffer buf = {0};
	struct out o = {r, {.write = csv_buffer_write, .ctx = &buf, .sep = lang_locale(r->language)->csv_sep}};
	csv_sink_begin(&o.sink);
	int found = event_find(r->db, r->acct.id, r->id, write_event, &o);
	if (found != 1 || o.sink.failed) {
		free(buf.data);
		return found == 0 ? NOT_FOUND : SERVER_ERROR;
	}
	r->body = buf.data;
	r->body_len = buf.len;
	r->content_type = "text/csv; charset=utf-8";
	r->download_name = "event.csv";
	return DONE;
}
