/* Export all that match (ch2 §8.2): every event the list's filters match,
 * in its order. Up to EXPORT_INLINE_MAX the file is the answer, written
 * batch by batch as it is read; beyond, an export_events job makes it in
 * syncd and the shared job page shows its progress and then the file
 * (events_download.c). Either way no process holds the whole file. */
#include "cgi-bin/events/event_parts.h"
#include "cgi-bin/core/render.h"
#include "lib/events_export.h"
#include "lib/lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT_INLINE_MAX 5000

struct inline_export {
	char account_id[UUID_LEN];
	struct event_filter f;
	int ascending;
	struct req *r;
	struct csv_sink sink;
	struct event_cursor last;
};

static int to_client(void *ctx, const char *data, size_t n)
{
	return reply_write(ctx, data, n);
}

static int write_row(void *ctx, const struct event_row *e)
{
	struct inline_export *x = ctx;
	events_csv_row(&x->sink, render_lang(), x->r->language, e);
	x->last = e->position;
	return x->sink.failed ? -1 : 0;
}

static int stream_events(struct req *r)
{
	struct inline_export *x = r->stream_ctx;
	x->r = r;
	x->sink = (struct csv_sink){.write = to_client, .ctx = r, .sep = lang_locale(r->language)->csv_sep};
	csv_sink_begin(&x->sink);
	events_csv_header(&x->sink, render_lang());
	int more = 1, rc = 0;
	while (more && rc == 0) {
		struct event_cursor after = x->last;
		if (events_page(r->db, x->account_id, &x->f, x->ascending, &after, EXPORT_BATCH, 0, write_row, x, &more) < 0)
			rc = -1;
	}
	free(x);
	return rc;
}

struct start {
	const struct event_filter *f;
	int ascending;
	char return_to[JOB_RETURN_MAX + 1];
	long long job;
};

static int start_job(struct req *r, void *arg)
{
	struct start *s = arg;
	struct actor me = me_actor(r);
	s->job = events_export_start(r->db, &me, r->acct.id, s->f, s->ascending, s->return_to, r->language);
	return s->job > 0 ? 0 : -1;
}

int events_export_all_post(struct req *r)
{
	struct event_filter f;
	if (form_has_errors(r) || event_filter_read(r, &f) != 0)
		return UNPROCESSABLE;
	int ascending = event_ascending(r);
	int many = events_more_than(r->db, r->acct.id, &f, EXPORT_INLINE_MAX);
	if (many < 0)
		return SERVER_ERROR;
	if (many) {
		struct start s = {&f, ascending, "", 0};
		char base[128];
		event_base(r, base, sizeof base);
		const char *keep = hdf_get_value(r->hdf, "Filter.Keep", "");
		snprintf(s.return_to, sizeof s.return_to, "%s%s%s", base, *keep ? "?" : "", keep);
		if (tx(r, start_job, &s) != 0)
			return SERVER_ERROR;
		return done(r, NULL, "/a/%s/jobs/%lld", r->acct.id, s.job);
	}
	struct inline_export *x = calloc(1, sizeof *x);
	if (!x)
		return SERVER_ERROR;
	snprintf(x->account_id, sizeof x->account_id, "%s", r->acct.id);
	x->f = f;
	x->ascending = ascending;
	r->stream = stream_events;
	r->stream_ctx = x;
	r->content_type = "text/csv; charset=utf-8";
	r->download_name = "events.csv";
	return DONE;
}
