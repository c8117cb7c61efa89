/* The file an export job made (events_export_all.c), linked from the job's
 * page once it is done: sent chunk by chunk as syncd stored them, one in
 * memory at a time. The front line loaded the job within the account. */
#include "cgi-bin/events/event_parts.h"
#include "lib/events_export.h"

#include <stdlib.h>

struct download {
	long long job;
	int chunks;
};

static int to_client(void *ctx, const char *data, size_t n)
{
	return reply_write(ctx, data, n);
}

static int stream_chunks(struct req *r)
{
	struct download *d = r->stream_ctx;
	int rc = 0;
	for (int seq = 0; seq < d->chunks && rc == 0; seq++)
		if (events_export_chunk(r->db, d->job, seq, to_client, r) != 1)
			rc = -1;
	free(d);
	return rc;
}

int events_download_get(struct req *r)
{
	int chunks = 0;
	int ready = r->obj.job.kind == JOB_EXPORT_EVENTS ? events_export_ready(r->db, r->acct.id, r->id, &chunks) : 0;
	if (ready != 1)
		return ready < 0 ? SERVER_ERROR : NOT_FOUND;
	struct download *d = calloc(1, sizeof *d);
	if (!d)
		return SERVER_ERROR;
	d->job = r->id;
	d->chunks = chunks;
	r->stream = stream_chunks;
	r->stream_ctx = d;
	r->content_type = "text/csv; charset=utf-8";
	r->download_name = "events.csv";
	return DONE;
}
