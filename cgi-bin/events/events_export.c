/* Export (guide §2.16 Batch Exporting): the events ticked in the list, as
 * a CSV file with every field (lib/events_export.h). A list page holds at
 * most a few hundred after scrolling, so the file is written at once. */
#include "cgi-bin/events/event_parts.h"
#include "cgi-bin/core/render.h"
#include "lib/events_export.h"
#include "lib/lang.h"

#include <stdlib.h>
#include <string.h>

#define SELECTED_MAX 1000

static int write_row(void *ctx, const struct event_row *e)
{
	events_csv_row(ctx, render_lang(), render_language(), e);
	return 0;
}

int events_export_post(struct req *r)
{
	if (form_has_errors(r))
		return invalid(r);
	const char *ids_text[SELECTED_MAX];
	int n = in_list(r, "ids", ids_text, SELECTED_MAX);
	if (n == 0) {
		char base[128];
		event_base(r, base, sizeof base);
		return done(r, "flash.events_select_some", "%s", base);
	}
	long long ids[SELECTED_MAX];
	for (int i = 0; i < n; i++)
		ids[i] = strtoll(ids_text[i], NULL, 10);
	struct csv_buffer buf = {0};
	struct csv_sink sink = {.write = csv_buffer_write, .ctx = &buf, .sep = lang_locale(r->language)->csv_sep};
	csv_sink_begin(&sink);
	events_csv_header(&sink, render_lang());
	if (events_selected(r->db, r->acct.id, ids, n, write_row, &sink) < 0 || sink.failed) {
		free(buf.data);
		return SERVER_ERROR;
	}
	r->body = buf.data;
	r->body_len = buf.len;
	r->content_type = "text/csv; charset=utf-8";
	r->download_name = "events.csv";
	return DONE;
}
