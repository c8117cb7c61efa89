#include "lib/events_export.h"
#include "lib/core/log.h"
#include "lib/lang.h"
#include "lib/lang_tree.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *events_label(HDF *lang, const char *group, const char *key, char *buf, size_t size)
{
	char name[128];
	snprintf(name, sizeof name, "events.%s.%s", group, key);
	const char *text = lang && event_key_valid(key, EVENT_KEY_MAX) ? hdf_get_value(lang, name, NULL) : NULL;
	if (text)
		return text;
	event_key_label(key, buf, size);
	return buf;
}

HDF *events_lang_load(const char *language)
{
	HDF *tree = NULL;
	NEOERR *err = hdf_init(&tree);
	if (!err)
		err = lang_tree_read(tree, language);
	if (err) {
		nerr_ignore(&err);
		log_error("events: cannot read the language files for %s", language);
		if (tree)
			hdf_destroy(&tree);
		return NULL;
	}
	return tree;
}

/* Every field of the guide, in its order (guide §2.16 Event Details). */
static const char *const csv_columns[] = {
	"event_id", "actor_name", "actor_id", "action", "event_type", "asset", "event_date", "properties_changed",
	"core_details", "extra_details", "log_tags",
};

void events_csv_header(struct csv_sink *s, HDF *lang)
{
	char name[64];
	for (size_t i = 0; i < sizeof csv_columns / sizeof csv_columns[0]; i++) {
		snprintf(name, sizeof name, "events.cols.%s", csv_columns[i]);
		csv_sink_field(s, lang ? hdf_get_value(lang, name, csv_columns[i]) : csv_columns[i]);
	}
	csv_sink_end_record(s);
}

void events_csv_row(struct csv_sink *s, HDF *lang, const char *language, const struct event_row *e)
{
	char id[24], b1[128], b2[128], b3[128], date[64];
	snprintf(id, sizeof id, "%lld", e->id);
	csv_sink_field(s, id);
	csv_sink_field(s, e->actor_gone ? (lang ? hdf_get_value(lang, "events.unknown_actor", "Unknown") : "Unknown")
				   : e->actor_name);
	csv_sink_field(s, e->actor_ref);
	csv_sink_field(s, events_label(lang, "acts", e->act, b1, sizeof b1));
	csv_sink_field(s, events_label(lang, "types", e->event_type, b2, sizeof b2));
	csv_sink_field(s, events_label(lang, "assets", e->asset_type, b3, sizeof b3));
	lang_format_datetime(language, e->event_date, date, sizeof date);
	csv_sink_field(s, date);
	csv_sink_field(s, e->properties_changed);
	csv_sink_field(s, e->core_details);
	csv_sink_field(s, e->extra_details);
	csv_sink_field(s, e->log_tags);
	csv_sink_end_record(s);
}

/* ---- the export job ---- */

static json_t *filter_json(const struct event_filter *f)
{
	return json_pack("{s:s,s:s,s:s,s:s,s:s,s:s}", "eventType", f->event_type, "asset", f->asset, "action", f->act,
			 "actorId", f->actor_ref, "from", f->from, "to", f->to);
}

/* The language the file is written in: its starter's, kept beside the filter. */
static void language_from_json(json_t *doc, char out[LANG_CODE])
{
	const char *v = json_string_value(json_object_get(doc, "language"));
	snprintf(out, LANG_CODE, "%s", v && lang_code_ok(v) ? v : "en");
}

static void filter_from_json(json_t *doc, struct event_filter *f)
{
	memset(f, 0, sizeof *f);
	const char *v;
#define TAKE(name, field) \
	if ((v = json_string_value(json_object_get(doc, name)))) \
		snprintf(f->field, sizeof f->field, "%s", v);
	TAKE("eventType", event_type)
	TAKE("asset", asset)
	TAKE("action", act)
	TAKE("actorId", actor_ref)
	TAKE("from", from)
	TAKE("to", to)
#undef TAKE
}

long long events_export_start(db *d, const struct actor *who, const char *account_id, const struct event_filter *f,
			      int ascending, const char *return_to, const char *language)
{
	json_t *doc = filter_json(f);
	if (doc && json_object_set_new(doc, "language", json_string(lang_code_ok(language) ? language : "en")) != 0) {
		json_decref(doc);
		doc = NULL;
	}
	char *text = doc ? json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	json_decref(doc);
	long long id = text ? job_create(d, who, account_id, JOB_EXPORT_EVENTS) : -1;
	if (id > 0 && (job_return_to(d, id, return_to) != 0 ||
		       db_exec(d, "INSERT INTO event_exports (job_id, account_id, filter, ascending, created_at)"
				  " VALUES (?, ?, ?, ?, UTC_TIMESTAMP())", "issi", id, account_id, text, (long long)ascending) != 1))
		id = -1;
	free(text);
	return id;
}

struct export_state {
	char account_id[UUID_LEN];
	struct event_filter f;
	int ascending;
	struct event_cursor cursor;
	int chunks;
	char language[LANG_CODE];
};

static int export_from(void *ctx, const struct db_row *row)
{
	struct export_state *x = ctx;
	row_copy(row, "account_id", x->account_id, sizeof x->account_id);
	json_t *doc = json_loads(row_str(row, "filter"), 0, NULL);
	filter_from_json(doc, &x->f);
	language_from_json(doc, x->language);
	json_decref(doc);
	x->ascending = (int)row_int(row, "ascending");
	row_copy(row, "cursor_at", x->cursor.at, sizeof x->cursor.at);
	x->cursor.id = row_int(row, "cursor_id");
	x->chunks = (int)row_int(row, "chunks");
	return 0;
}

/* One batch of rows into the chunk, until it is big enough. */
struct chunk {
	struct csv_sink sink;
	struct csv_buffer buf;
	HDF *lang;
	const char *language;
	int written;
	int full;                     /* rows were left for the next batch */
	struct event_cursor last;
};

static int chunk_row(void *ctx, const struct event_row *e)
{
	struct chunk *c = ctx;
	if (c->full || (c->written > 0 && c->buf.len >= EXPORT_CHUNK_BYTES)) {
		c->full = 1;
		return 0;
	}
	events_csv_row(&c->sink, c->lang, c->language, e);
	c->written++;
	c->last = e->position;
	return 0;
}

int events_export_work(db *d, const struct job_row *job)
{
	struct export_state x;
	memset(&x, 0, sizeof x);
	int found = db_one(d, export_from, &x,
		"SELECT account_id, filter, ascending, cursor_at, cursor_id, chunks FROM event_exports WHERE job_id = ? FOR UPDATE",
		"i", job->id);
	if (found != 1)
		return -1;
	/* The first batch learns the size, for the progress bar: counted here,
	 * off the request path. */
	if (x.chunks == 0) {
		long long total = events_count_upto(d, x.account_id, &x.f, 100000000L);
		if (total < 0 || db_exec(d, "UPDATE jobs SET total = ? WHERE id = ?", "ii", total, job->id) < 0)
			return -1;
	}
	struct chunk c;
	memset(&c, 0, sizeof c);
	c.sink.write = csv_buffer_write;
	c.sink.ctx = &c.buf;
	HDF *words = events_lang_load(x.language);
	c.lang = words ? hdf_get_obj(words, "Lang") : NULL;
	c.language = x.language;
	c.sink.sep = lang_locale(x.language)->csv_sep;
	if (x.chunks == 0) {
		csv_sink_begin(&c.sink);
		events_csv_header(&c.sink, c.lang);
	}
	int more = 0;
	int n = events_page(d, x.account_id, &x.f, x.ascending, &x.cursor, EXPORT_BATCH, 0, chunk_row, &c, &more);
	if (words)
		hdf_destroy(&words);
	int rc = -1;
	if (n >= 0 && !c.sink.failed && (c.buf.len == 0 ||
	    db_exec(d, "INSERT INTO event_export_chunks (job_id, seq, data) VALUES (?, ?, ?)", "iib", job->id,
		    (long long)x.chunks, c.buf.data, c.buf.len) == 1)) {
		int done = !more && !c.full;
		if (c.written == 0)
			c.last = x.cursor;
		char last_id[24];
		snprintf(last_id, sizeof last_id, "%lld", c.last.id);
		if (db_exec(d, "UPDATE event_exports SET cursor_at = ?, cursor_id = ?, chunks = chunks + ?, bytes = bytes + ?"
			       " WHERE job_id = ?", "ssiii", c.last.at, last_id, (long long)(c.buf.len > 0),
			       (long long)c.buf.len, job->id) >= 0 &&
		    db_exec(d, "UPDATE jobs SET processed = processed + ? WHERE id = ?", "ii", (long long)c.written, job->id) >= 0 &&
		    (!done || job_finish(d, job) == 0))
			rc = done ? 0 : c.written > 0 ? c.written : 1;
	}
	free(c.buf.data);
	return rc;
}

int events_export_ready(db *d, const char *account_id, long long job_id, int *chunks)
{
	long long n = 0;
	int rc = db_int(d, &n,
		"SELECT x.chunks FROM event_exports x JOIN jobs j ON j.id = x.job_id"
		" WHERE x.job_id = ? AND x.account_id = ? AND j.state = 'done'", "is", job_id, account_id);
	*chunks = (int)n;
	return rc;
}

struct chunk_call {
	export_chunk_fn fn;
	void *ctx;
};

static int chunk_from(void *ctx, const struct db_row *row)
{
	struct chunk_call *c = ctx;
	const char *data = row_str(row, "data");
	return c->fn(c->ctx, data, strlen(data));
}

int events_export_chunk(db *d, long long job_id, int seq, export_chunk_fn fn, void *ctx)
{
	struct chunk_call c = {fn, ctx};
	return db_one(d, chunk_from, &c, "SELECT data FROM event_export_chunks WHERE job_id = ? AND seq = ?", "ii", job_id,
		      (long long)seq);
}
