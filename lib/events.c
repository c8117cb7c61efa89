/* The Event History's reads (guide §2.16), instant at a million events in
 * one account. Every list query walks one of the events indexes
 * (schema.sql) in EVENT DATE order from a position, and stops after a page:
 *  - no filter, or only the Event Date range: ix_events_time;
 *  - Actor ID: ix_events_actor, the actor's own range;
 *  - Asset, Action, Event Type (any of them): the kinds of the account that
 *    match (event_kinds_seen, a few dozen at most) are each a range of
 *    ix_events_kind (ix_events_actor_kind with an Actor ID), read newest
 *    first a page deep and merged: at most (kinds x page) entries, however
 *    rare or common the matches. Past KIND_RANGES_MAX kinds, the time (or
 *    actor) index is walked instead, testing each entry's kind, which it
 *    carries: a filter matching so many kinds matches most events.
 * A position is the last row's EVENT DATE and id, so a deep scroll costs
 * what the first page does (no OFFSET). Nothing counts the account's
 * events; where a size matters (export), the count stops past the limit. */
#include "lib/events.h"
#include "lib/events_query.h"
#include "lib/core/config.h"
#include "lib/core/log.h"

#include <jansson.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Past this many kinds a filter walks the time index (see above). */
#define KIND_RANGES_MAX 48
/* With an Event Date range, past this many kinds the smart filters'
 * options are read with a lookup per kind in a correlated subquery, which
 * cannot use the date range as a range (events_kinds); without one, they
 * always are. */
#define KIND_PROBES_MAX 128

#define FIRST_TIME "1000-01-01 00:00:00.000000"
#define LAST_TIME "9999-12-31 23:59:59.999999"
#define LAST_ID "18446744073709551615"

int event_filter_active(const struct event_filter *f)
{
	return f->event_type[0] || f->asset[0] || f->act[0] || f->actor_ref[0] || f->from[0] || f->to[0];
}

/* ---- positions ---- */

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

void event_cursor_format(const struct event_cursor *c, char *out, size_t size)
{
	char at[27];
	snprintf(at, sizeof at, "%s", c->at);
	if (strlen(at) > 10)
		at[10] = 'T';
	snprintf(out, size, "%s~%lld", at, c->id);
}

int event_cursor_parse(const char *text, struct event_cursor *out)
{
	/* YYYY-MM-DDTHH:MM:SS.ffffff~id */
	const char *t = text ? text : "";
	if (strlen(t) < 28 || strlen(t) > 26 + 1 + 20)
		return -1;
	if (!digits(t, 4) || t[4] != '-' || !digits(t + 5, 2) || t[7] != '-' || !digits(t + 8, 2) || t[10] != 'T' ||
	    !digits(t + 11, 2) || t[13] != ':' || !digits(t + 14, 2) || t[16] != ':' || !digits(t + 17, 2) ||
	    t[19] != '.' || !digits(t + 20, 6) || t[26] != '~' || !digits(t + 27, strlen(t + 27)))
		return -1;
	memcpy(out->at, t, 26);
	out->at[10] = ' ';
	out->at[26] = 0;
	out->id = strtoll(t + 27, NULL, 10);
	return out->id > 0 ? 0 : -1;
}

/* ---- the id queries ---- */

_Static_assert(QUERY_PARAMS_MAX > 6 * KIND_PROBES_MAX + 1, "the options' probes take 6 parameters each");
_Static_assert(QUERY_PARAMS_MAX > 9 * KIND_RANGES_MAX + 1, "a page's ranges take 9 parameters each");

/* The kinds a filter of Asset, Action or Event Type matches. */
struct kinds {
	char (*list)[101];
	int n, size;
};

static int kind_from(void *ctx, const struct db_row *row)
{
	struct kinds *k = ctx;
	if (k->n == k->size) {
		int size = k->size ? k->size * 2 : 32;
		char (*grown)[101] = realloc(k->list, (size_t)size * sizeof *grown);
		if (!grown)
			return -1;
		k->list = grown;
		k->size = size;
	}
	row_copy(row, "kind", k->list[k->n++], sizeof k->list[0]);
	return 0;
}

static int kinds_of(db *d, const char *account_id, const struct event_filter *f, struct kinds *out)
{
	return db_each(d, kind_from, out,
		"SELECT kind FROM event_kinds_seen WHERE account_id = ? AND (? = '' OR event_type = ?)"
		" AND (? = '' OR asset_type = ?) AND (? = '' OR act = ?) ORDER BY kind",
		"sssssss", account_id, f->event_type, f->event_type, f->asset, f->asset, f->act, f->act) < 0 ? -1 : 0;
}

/* The LIKE pattern of kinds a walk keeps: a key, or any ('%'); keys hold
 * '_', which is escaped. */
static void kind_pattern(const struct event_filter *f, char *out, size_t size)
{
	const char *parts[3] = {f->event_type, f->asset, f->act};
	size_t n = 0;
	for (int i = 0; i < 3 && n + 4 < size; i++) {
		if (i)
			out[n++] = '/';
		if (!parts[i][0]) {
			out[n++] = '%';
			continue;
		}
		for (const char *p = parts[i]; *p && n + 3 < size; p++) {
			if (*p == '_' || *p == '%')
				out[n++] = '\\';
			out[n++] = *p;
		}
	}
	out[n] = 0;
}

/* Everything one id query needs besides its text. */
struct id_query {
	const char *account_id;
	const struct event_filter *f;
	int ascending;
	char lo[27], hi[27];                 /* the Event Date range */
	char at[27], id[24];                 /* the position */
	char limit[24];
	char pattern[3 * (2 * EVENT_KEY_MAX + 1) + 3];
	struct kinds kinds;
	int by_kind;                         /* Asset, Action or Event Type given */
};

/* The bounds every range carries: the Event Date range and the position,
 * in the walk's direction. */
static void bounds(struct query *q, const struct id_query *iq)
{
	query_text(q, iq->ascending
		? " AND created_at >= ? AND created_at <= ? AND (created_at > ? OR (created_at = ? AND id > ?))"
		  " ORDER BY created_at, id LIMIT ?"
		: " AND created_at >= ? AND created_at <= ? AND (created_at < ? OR (created_at = ? AND id < ?))"
		  " ORDER BY created_at DESC, id DESC LIMIT ?");
	query_param(q, 's', iq->lo);
	query_param(q, 's', iq->hi);
	query_param(q, 's', iq->at);
	query_param(q, 's', iq->at);
	query_param(q, 's', iq->id);
	query_param(q, 'i', iq->limit);
}

/* The ids and EVENT DATEs of the page, as "SELECT id, created_at ...". */
static void id_query(struct query *q, const struct id_query *iq)
{
	const char *actor = iq->f->actor_ref;
	if (iq->by_kind && iq->kinds.n <= KIND_RANGES_MAX) {
		query_text(q, "SELECT id, created_at FROM (");
		for (int i = 0; i < iq->kinds.n; i++) {
			query_text(q, i ? " UNION ALL " : "");
			query_text(q, *actor ? "(SELECT id, created_at FROM events FORCE INDEX (ix_events_actor_kind)"
					 " WHERE account_id = ? AND actor_ref = ? AND kind = ?"
				       : "(SELECT id, created_at FROM events FORCE INDEX (ix_events_kind)"
					 " WHERE account_id = ? AND kind = ?");
			query_param(q, 's', iq->account_id);
			if (*actor)
				query_param(q, 's', actor);
			query_param(q, 's', iq->kinds.list[i]);
			bounds(q, iq);
			query_text(q, ")");
		}
		query_text(q, iq->ascending ? ") b ORDER BY created_at, id LIMIT ?" : ") b ORDER BY created_at DESC, id DESC LIMIT ?");
		query_param(q, 'i', iq->limit);
		return;
	}
	query_text(q, *actor ? "SELECT id, created_at FROM events FORCE INDEX (ix_events_actor) WHERE account_id = ? AND actor_ref = ?"
		       : "SELECT id, created_at FROM events FORCE INDEX (ix_events_time) WHERE account_id = ?");
	query_param(q, 's', iq->account_id);
	if (*actor)
		query_param(q, 's', actor);
	if (iq->by_kind) {
		query_text(q, " AND kind LIKE ?");
		query_param(q, 's', iq->pattern);
	}
	bounds(q, iq);
}

/* Reads the kinds a filter needs; 1 when no event can match (a kind
 * filter no kind of the account meets), 0 to go on, -1 on error. */
static int id_query_prepare(db *d, struct id_query *iq, const char *account_id, const struct event_filter *f,
			    int ascending, const struct event_cursor *after, long limit)
{
	memset(iq, 0, sizeof *iq);
	iq->account_id = account_id;
	iq->f = f;
	iq->ascending = ascending;
	snprintf(iq->lo, sizeof iq->lo, "%s", f->from[0] ? f->from : FIRST_TIME);
	snprintf(iq->hi, sizeof iq->hi, "%s", f->to[0] ? f->to : LAST_TIME);
	if (after && after->at[0]) {
		snprintf(iq->at, sizeof iq->at, "%s", after->at);
		snprintf(iq->id, sizeof iq->id, "%lld", after->id);
	} else {
		snprintf(iq->at, sizeof iq->at, "%s", ascending ? FIRST_TIME : LAST_TIME);
		snprintf(iq->id, sizeof iq->id, "%s", ascending ? "0" : LAST_ID);
	}
	snprintf(iq->limit, sizeof iq->limit, "%ld", limit);
	iq->by_kind = f->event_type[0] || f->asset[0] || f->act[0];
	if (!iq->by_kind)
		return 0;
	if (kinds_of(d, account_id, f, &iq->kinds) != 0)
		return -1;
	kind_pattern(f, iq->pattern, sizeof iq->pattern);
	return iq->kinds.n == 0;
}

/* ---- rows ---- */

#define ROW_COLUMNS \
	"e.id, DATE_FORMAT(e.created_at, '%Y-%m-%d, %H:%i:%s') AS event_date," \
	" DATE_FORMAT(e.created_at, '%Y-%m-%d %H:%i:%s.%f') AS at, e.actor_name," \
	" (e.actor_user_id IS NOT NULL AND u.id IS NULL) AS actor_gone, e.actor_ref, e.event_type, e.asset_type," \
	" e.act, e.action, e.asset_id, e.asset_name, "
/* The list shows the start of each JSON field; the details page and the
 * exports show it whole. One character past the cut tells a cut field. */
#define JSON_CUT \
	"LEFT(e.properties_changed, 301) AS properties_changed, LEFT(e.details, 301) AS core_details," \
	" LEFT(e.extra_details, 301) AS extra_details, LEFT(e.log_tags, 301) AS log_tags"
#define JSON_WHOLE \
	"e.properties_changed, e.details AS core_details, e.extra_details, e.log_tags"
_Static_assert(EVENT_CELL_MAX == 300, "JSON_CUT reads EVENT_CELL_MAX + 1 characters");
#define ROW_JOIN " JOIN events e ON e.id = p.id LEFT JOIN users u ON u.id = e.actor_user_id"

struct row_call {
	event_row_fn fn;
	void *ctx;
	int limit;       /* rows to hand on; one more says more follow */
	int seen;
	int cut;
};

/* A cut field ends in "…" to say so; the details page shows it whole. */
static const char *cut_text(const char *text, int cut, char *buf, size_t size, int *was_cut)
{
	size_t n = strlen(text);
	*was_cut = 0;
	if (!cut || n <= EVENT_CELL_MAX)
		return text;
	/* EVENT_CELL_MAX characters, at a character boundary. */
	size_t bytes = 0, chars = 0;
	while (text[bytes] && chars < EVENT_CELL_MAX) {
		bytes++;
		while (((unsigned char)text[bytes] & 0xC0) == 0x80)
			bytes++;
		chars++;
	}
	if (!text[bytes])
		return text;
	snprintf(buf, size, "%.*s\xE2\x80\xA6", (int)bytes, text);
	*was_cut = 1;
	return buf;
}

static int row_from(void *ctx, const struct db_row *row)
{
	struct row_call *c = ctx;
	if (c->seen++ >= c->limit)
		return 0;
	char props[1300], core[1300], extra[1300], tags[1300];
	int cut_props, cut_tags;
	struct event_row e = {
		.id = row_int(row, "id"),
		.event_date = row_str(row, "event_date"),
		.actor_name = row_str(row, "actor_name"),
		.actor_gone = (int)row_int(row, "actor_gone"),
		.actor_ref = row_str(row, "actor_ref"),
		.event_type = row_str(row, "event_type"),
		.asset_type = row_str(row, "asset_type"),
		.act = row_str(row, "act"),
		.action = row_str(row, "action"),
		.asset_id = row_str(row, "asset_id"),
		.asset_name = row_str(row, "asset_name"),
	};
	e.properties_changed = cut_text(row_str(row, "properties_changed"), c->cut, props, sizeof props, &cut_props);
	e.core_details = cut_text(row_str(row, "core_details"), c->cut, core, sizeof core, &e.core_cut);
	e.extra_details = cut_text(row_str(row, "extra_details"), c->cut, extra, sizeof extra, &e.extra_cut);
	e.log_tags = cut_text(row_str(row, "log_tags"), c->cut, tags, sizeof tags, &cut_tags);
	row_copy(row, "at", e.position.at, sizeof e.position.at);
	e.position.id = e.id;
	return c->fn ? c->fn(c->ctx, &e) : 0;
}

int events_page(db *d, const char *account_id, const struct event_filter *f, int ascending,
		const struct event_cursor *after, int limit, int cut, event_row_fn fn, void *ctx, int *more)
{
	*more = 0;
	struct id_query iq;
	int none = id_query_prepare(d, &iq, account_id, f, ascending, after, limit + 1L);
	if (none != 0) {
		free(iq.kinds.list);
		return none > 0 ? 0 : -1;
	}
	struct query *q = calloc(1, sizeof *q);
	if (!q) {
		free(iq.kinds.list);
		return -1;
	}
	query_text(q, "SELECT " ROW_COLUMNS);
	query_text(q, cut ? JSON_CUT : JSON_WHOLE);
	query_text(q, " FROM (");
	id_query(q, &iq);
	query_text(q, ") p" ROW_JOIN);
	query_text(q, ascending ? " ORDER BY p.created_at, p.id" : " ORDER BY p.created_at DESC, p.id DESC");
	struct row_call c = {fn, ctx, limit, 0, cut};
	int rc = -1;
	if (q->failed)
		log_error("events: query too long (%d kinds)", iq.kinds.n);
	else
		rc = db_each_text(d, row_from, &c, q->sql, q->fmt, q->values);
	free(q);
	free(iq.kinds.list);
	if (rc < 0)
		return -1;
	*more = c.seen > limit;
	return c.seen > limit ? limit : c.seen;
}

static int count_from(void *ctx, const struct db_row *row)
{
	*(long long *)ctx = row_int(row, "n");
	return 0;
}

long long events_count_upto(db *d, const char *account_id, const struct event_filter *f, long cap)
{
	struct id_query iq;
	int none = id_query_prepare(d, &iq, account_id, f, 0, NULL, cap + 1);
	if (none != 0) {
		free(iq.kinds.list);
		return none > 0 ? 0 : -1;
	}
	struct query *q = calloc(1, sizeof *q);
	if (!q) {
		free(iq.kinds.list);
		return -1;
	}
	query_text(q, "SELECT COUNT(*) AS n FROM (");
	id_query(q, &iq);
	query_text(q, ") p");
	long long n = -1;
	int rc = q->failed ? -1 : db_each_text(d, count_from, &n, q->sql, q->fmt, q->values);
	free(q);
	free(iq.kinds.list);
	return rc < 0 ? -1 : n;
}

int events_more_than(db *d, const char *account_id, const struct event_filter *f, long max)
{
	long long n = events_count_upto(d, account_id, f, max);
	return n < 0 ? -1 : n > max;
}

int event_find(db *d, const char *account_id, long long id, event_row_fn fn, void *ctx)
{
	struct row_call c = {fn, ctx, 1, 0, 0};
	int rc = db_each(d, row_from, &c,
		"SELECT " ROW_COLUMNS JSON_WHOLE " FROM (SELECT id FROM events WHERE id = ? AND account_id = ?) p" ROW_JOIN,
		"is", id, account_id);
	return rc < 0 ? -1 : rc > 0;
}

int events_selected(db *d, const char *account_id, const long long *ids, int n, event_row_fn fn, void *ctx)
{
	json_t *list = json_array();
	for (int i = 0; list && i < n; i++)
		json_array_append_new(list, json_integer(ids[i]));
	char *ids_text = list ? json_dumps(list, JSON_COMPACT) : NULL;
	json_decref(list);
	if (!ids_text)
		return -1;
	struct row_call c = {fn, ctx, n, 0, 0};
	int rc = db_each(d, row_from, &c,
		"SELECT " ROW_COLUMNS JSON_WHOLE " FROM (SELECT DISTINCT e.id, e.created_at FROM JSON_TABLE(?, '$[*]'"
		" COLUMNS (id BIGINT UNSIGNED PATH '$')) j JOIN events e ON e.id = j.id WHERE e.account_id = ?) p" ROW_JOIN
		" ORDER BY p.created_at DESC, p.id DESC",
		"ss", ids_text, account_id);
	free(ids_text);
	return rc < 0 ? -1 : c.seen;
}

/* ---- the smart filters' options ---- */

struct kind_call {
	event_kind_fn fn;
	void *ctx;
};

static int kind_row(void *ctx, const struct db_row *row)
{
	struct kind_call *c = ctx;
	return c->fn(c->ctx, row_str(row, "event_type"), row_str(row, "asset_type"), row_str(row, "act"));
}

/* The options by a lookup per kind in one correlated statement: it stops
 * at a kind's first index entry in the range, which is its first entry
 * without an Event Date range, but may be far in with one. The lookup is a
 * scalar subquery, not EXISTS: the optimizer may turn an EXISTS into a
 * semi-join that materialises every event of the account (seconds at a
 * million events, and it chose so with bound parameters); a scalar
 * subquery stays a lookup per kind. */
#define KINDS_SEEN_WITH_EVENT(index, actor) \
	"SELECT s.event_type, s.asset_type, s.act FROM event_kinds_seen s WHERE s.account_id = ?" \
	" AND (SELECT 1 FROM events e FORCE INDEX (" index ") WHERE e.account_id = s.account_id" actor \
	"  AND e.kind = s.kind AND e.created_at >= ? AND e.created_at <= ? LIMIT 1) IS NOT NULL ORDER BY s.kind"

static int kinds_correlated(db *d, const char *account_id, const struct event_filter *f, const char *lo, const char *hi,
			    struct kind_call *c)
{
	if (f->actor_ref[0])
		return db_each(d, kind_row, c, KINDS_SEEN_WITH_EVENT("ix_events_actor_kind", " AND e.actor_ref = ?"), "ssss",
			       account_id, f->actor_ref, lo, hi);
	return db_each(d, kind_row, c, KINDS_SEEN_WITH_EVENT("ix_events_kind", ""), "sss", account_id, lo, hi);
}

int events_kinds(db *d, const char *account_id, const struct event_filter *f, event_kind_fn fn, void *ctx)
{
	struct kind_call c = {fn, ctx};
	const char *lo = f->from[0] ? f->from : FIRST_TIME, *hi = f->to[0] ? f->to : LAST_TIME;
	if (!f->from[0] && !f->to[0])
		return kinds_correlated(d, account_id, f, lo, hi, &c);
	struct kinds k = {0};
	if (db_each(d, kind_from, &k, "SELECT kind FROM event_kinds_seen WHERE account_id = ? ORDER BY kind", "s",
		    account_id) < 0) {
		free(k.list);
		return -1;
	}
	if (k.n == 0)
		return 0;
	if (k.n > KIND_PROBES_MAX) {
		free(k.list);
		return kinds_correlated(d, account_id, f, lo, hi, &c);
	}
	/* One range per kind, its bounds constants: does it hold an event in
	 * the Event Date range (of the actor)? An index dive each. */
	struct query *q = calloc(1, sizeof *q);
	if (!q) {
		free(k.list);
		return -1;
	}
	query_text(q, "SELECT s.event_type, s.asset_type, s.act FROM event_kinds_seen s WHERE s.account_id = ? AND s.kind IN (");
	query_param(q, 's', account_id);
	for (int i = 0; i < k.n; i++) {
		query_text(q, i ? " UNION ALL " : "");
		query_text(q, f->actor_ref[0]
			? "SELECT ? FROM DUAL WHERE EXISTS (SELECT 1 FROM events FORCE INDEX (ix_events_actor_kind)"
			  " WHERE account_id = ? AND actor_ref = ? AND kind = ? AND created_at >= ? AND created_at <= ?)"
			: "SELECT ? FROM DUAL WHERE EXISTS (SELECT 1 FROM events FORCE INDEX (ix_events_kind)"
			  " WHERE account_id = ? AND kind = ? AND created_at >= ? AND created_at <= ?)");
		query_param(q, 's', k.list[i]);
		query_param(q, 's', account_id);
		if (f->actor_ref[0])
			query_param(q, 's', f->actor_ref);
		query_param(q, 's', k.list[i]);
		query_param(q, 's', lo);
		query_param(q, 's', hi);
	}
	query_text(q, ") ORDER BY s.kind");
	int rc = q->failed ? -1 : db_each_text(d, kind_row, &c, q->sql, q->fmt, q->values);
	free(q);
	free(k.list);
	return rc;
}

/* ---- retention ---- */

#define RETENTION_BATCH 500

int events_retention_tick(db *d)
{
	int days = cfg_int("Events.RetentionDays", 0);
	long long removed = 0, n;
	if (days > 0) {
		/* The oldest first, a batch at a time (ix_events_created), so no
		 * pass holds locks for long. */
		n = db_exec(d, "DELETE FROM events WHERE created_at < UTC_TIMESTAMP(6) - INTERVAL ? DAY ORDER BY created_at LIMIT ?",
			    "ii", (long long)days, (long long)RETENTION_BATCH);
		if (n < 0)
			return -1;
		removed += n;
	}
	n = db_exec(d, "DELETE FROM event_exports WHERE created_at < UTC_TIMESTAMP() - INTERVAL ? HOUR ORDER BY created_at LIMIT 5",
		    "i", (long long)cfg_int("Events.ExportKeepHours", 24));
	if (n < 0)
		return -1;
	return (int)(removed + n);
}
