/* Support logs (guide §2.10): who reports them, storing a report, one log,
 * the partner's handling and the list. Statements take the account the log
 * belongs to; the list reads the indexes and counts schema.sql keeps for it
 * (no statement counts or sorts an account's logs). */
#include "lib/support_logs.h"
#include "lib/core/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Seconds since 1970 of a DATETIME column (UTC), without the session's time zone. */
#define EPOCH(col) "TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', " col ")"

/* ---- who reports ---- */

static int reporter_row(void *ctx, const struct db_row *row)
{
	struct support_reporter *w = ctx;
	w->user_id = row_int(row, "id");
	row_copy(row, "account_id", w->account_id, sizeof w->account_id);
	row_copy(row, "partner_id", w->partner_id, sizeof w->partner_id);
	row_copy(row, "email", w->email, sizeof w->email);
	row_copy(row, "display_name", w->name, sizeof w->name);
	w->account_active = strcmp(row_str(row, "status"), "active") == 0;
	w->customer = strcmp(row_str(row, "kind"), "customer") == 0;
	return 0;
}

int support_reporter_find(db *d, const char *account_id, long long user_id, struct support_reporter *out)
{
	memset(out, 0, sizeof *out);
	return db_one(d, reporter_row, out,
		"SELECT u.id, u.account_id, COALESCE(a.partner_id, a.id) AS partner_id, u.email, u.display_name,"
		" a.status, a.kind FROM users u JOIN accounts a ON a.id = u.account_id WHERE u.id = ? AND u.account_id = ?",
		"is", user_id, account_id);
}

#define CANDIDATES 5
struct candidates {
	int n;
	long long id[CANDIDATES];
	char account_id[CANDIDATES][UUID_LEN];
	char hash[CANDIDATES][PASSWORD_HASH_MAX];
};

static int candidate_row(void *ctx, const struct db_row *row)
{
	struct candidates *c = ctx;
	if (c->n >= CANDIDATES)
		return 0;
	c->id[c->n] = row_int(row, "id");
	row_copy(row, "account_id", c->account_id[c->n], UUID_LEN);
	row_copy(row, "password_hash", c->hash[c->n], PASSWORD_HASH_MAX);
	c->n++;
	return 0;
}

/* A real hash to verify against when no user matched, made once per process. */
static const char *timing_hash(void)
{
	static char hash[PASSWORD_HASH_MAX];
	if (!hash[0])
		password_hash("no user has this password", hash);
	return hash;
}

int support_app_user_find(db *d, const char *email, const char *password, struct support_reporter *out)
{
	struct candidates c = {0};
	/* The same email may be a user of several accounts: each is tried. */
	if (db_each(d, candidate_row, &c,
		    "SELECT u.id, u.account_id, u.password_hash FROM users u JOIN accounts a ON a.id = u.account_id"
		    " WHERE u.email = ? AND u.registered = 1 AND a.status = 'active' ORDER BY u.id LIMIT 5",
		    "s", email) < 0)
		return -1;
	/* Spend the same time whether or not the email exists. */
	if (c.n == 0)
		password_verify(timing_hash(), password);
	for (int i = 0; i < c.n; i++)
		if (password_verify(c.hash[i], password))
			return support_reporter_find(d, c.account_id[i], c.id[i], out);
	return 0;
}

/* ---- storing a report ---- */

static int id_of(void *ctx, const struct db_row *row)
{
	*(long long *)ctx = row_int(row, "id");
	return 0;
}

static int insert_tabs(db *d, const char *account_id, long long id, const struct support_report *rep)
{
	for (int t = 0; t < SUPPORT_TABS; t++) {
		if (!rep->tabs[t])
			continue;
		char *body = json_dumps(rep->tabs[t], JSON_COMPACT);
		long long n = body ? db_exec(d, "INSERT INTO support_log_tabs (log_id, tab, account_id, body) VALUES (?, ?, ?, ?)",
					     "isss", id, support_tab_key((enum support_tab)t), account_id, body) : -1;
		free(body);
		if (n != 1)
			return -1;
	}
	return 0;
}

int support_log_create(db *d, const struct support_reporter *who, const struct support_report *rep,
		       const struct support_file_in *files, int n_files, int reminder_hours, long long *id,
		       int *existed)
{
	char uid[UUID_LEN];
	*existed = 0;
	*id = 0;
	if (*rep->uid) {
		int found = db_one(d, id_of, id, "SELECT id FROM support_logs WHERE account_id = ? AND uid = ?", "ss",
				   who->account_id, rep->uid);
		if (found != 0) {
			*existed = found == 1;
			return found < 0 ? -1 : 0;
		}
		snprintf(uid, sizeof uid, "%s", rep->uid);
	} else if (uuid_v4(uid) != 0) {
		return -1;
	}
	if (db_exec(d,
		    "INSERT INTO support_logs (account_id, uid, user_id, reporter_email, product, platform, title, topic,"
		    " description, log_level, state, notes, created_at, updated_at, next_reminder_at)"
		    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', '', UTC_TIMESTAMP(), UTC_TIMESTAMP(),"
		    " UTC_TIMESTAMP() + INTERVAL ? HOUR)",
		    "ssisssssssi", who->account_id, uid, who->user_id, who->email, rep->product, rep->platform, rep->title,
		    rep->topic, rep->description, rep->log_level, (long long)reminder_hours) != 1)
		return -1;
	*id = (long long)db_insert_id(d);
	if (insert_tabs(d, who->account_id, *id, rep) != 0)
		return -1;
	for (int i = 0; i < n_files; i++)
		if (support_log_file_store(d, who->account_id, *id, i + 1, &files[i]) != 0)
			return -1;
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", *id);
	struct actor reporter = {who->user_id, who->name, who->email};
	json_t *details = json_pack("{s:s,s:s,s:i}", "product", rep->product, "platform", rep->platform, "files", n_files);
	int rc = details ? audit_event(d, who->account_id, &reporter, "support_log.create", "support_log", id_text,
				       rep->title, details) : -1;
	json_decref(details);
	if (rc != 0 || support_mail_enqueue(d, who->account_id, *id, SUPPORT_MAIL_NEW) < 0)
		return -1;
	return 0;
}

/* ---- one log ---- */

static int ref_row(void *ctx, const struct db_row *row)
{
	struct support_log_ref *l = ctx;
	l->id = row_int(row, "id");
	row_copy(row, "account_id", l->account_id, sizeof l->account_id);
	row_copy(row, "uid", l->uid, sizeof l->uid);
	row_copy(row, "title", l->title, sizeof l->title);
	row_copy(row, "product", l->product, sizeof l->product);
	row_copy(row, "platform", l->platform, sizeof l->platform);
	row_copy(row, "log_level", l->log_level, sizeof l->log_level);
	l->state = (enum support_state)support_state_from_key(row_str(row, "state"));
	row_copy(row, "notes", l->notes, sizeof l->notes);
	return 0;
}

#define REF_COLUMNS "SELECT id, account_id, uid, title, product, platform, log_level, state, notes FROM support_logs"

int support_log_find(db *d, const char *account_id, long long id, int for_update, struct support_log_ref *out)
{
	memset(out, 0, sizeof *out);
	return for_update
		? db_one(d, ref_row, out, REF_COLUMNS " WHERE id = ? AND account_id = ? FOR UPDATE", "is", id, account_id)
		: db_one(d, ref_row, out, REF_COLUMNS " WHERE id = ? AND account_id = ?", "is", id, account_id);
}

struct view_ctx {
	int (*fn)(void *ctx, const struct support_log_view *v);
	void *ctx;
};

static int view_row(void *ctx, const struct db_row *row)
{
	struct view_ctx *c = ctx;
	struct support_log_view v = {
		.id = row_int(row, "id"),
		.uid = row_str(row, "uid"),
		.account_id = row_str(row, "account_id"),
		.partner_id = row_str(row, "partner_id"),
		.reporter_email = row_str(row, "reporter_email"),
		.product = row_str(row, "product"),
		.platform = row_str(row, "platform"),
		.title = row_str(row, "title"),
		.topic = row_str(row, "topic"),
		.description = row_str(row, "description"),
		.log_level = row_str(row, "log_level"),
		.notes = row_str(row, "notes"),
		.updated_by_name = row_str(row, "updated_by_name"),
		.user_id = row_int(row, "user_id"),
		.state = (enum support_state)support_state_from_key(row_str(row, "state")),
		.created = (time_t)row_int(row, "created"),
		.updated = (time_t)row_int(row, "updated"),
	};
	return c->fn(c->ctx, &v);
}

int support_log_read(db *d, const char *account_id, long long id,
		     int (*fn)(void *ctx, const struct support_log_view *v), void *ctx)
{
	struct view_ctx c = {fn, ctx};
	return db_one(d, view_row, &c,
		"SELECT l.id, l.uid, l.account_id, COALESCE(a.partner_id, a.id) AS partner_id, l.user_id, l.reporter_email,"
		" l.product, l.platform, l.title, l.topic, l.description, l.log_level, l.state, l.notes, l.updated_by_name,"
		" " EPOCH("l.created_at") " AS created, " EPOCH("l.updated_at") " AS updated"
		" FROM support_logs l JOIN accounts a ON a.id = l.account_id WHERE l.id = ? AND l.account_id = ?",
		"is", id, account_id);
}

struct tabs_ctx {
	int (*fn)(void *ctx, enum support_tab tab, json_t *body);
	void *ctx;
};

static int tab_row(void *ctx, const struct db_row *row)
{
	struct tabs_ctx *c = ctx;
	const char *key = row_str(row, "tab");
	for (int t = 0; t < SUPPORT_TABS; t++)
		if (strcmp(key, support_tab_key((enum support_tab)t)) == 0) {
			json_t *body = json_loads(row_str(row, "body"), 0, NULL);
			if (!body)
				return -1;
			int rc = c->fn(c->ctx, (enum support_tab)t, body);
			json_decref(body);
			return rc;
		}
	return 0;
}

int support_log_tabs(db *d, const char *account_id, long long id,
		     int (*fn)(void *ctx, enum support_tab tab, json_t *body), void *ctx)
{
	struct tabs_ctx c = {fn, ctx};
	return db_each(d, tab_row, &c, "SELECT tab, body FROM support_log_tabs WHERE log_id = ? AND account_id = ? ORDER BY tab",
		       "is", id, account_id);
}

int support_log_handle(db *d, const char *account_id, const struct support_log_ref *before, enum support_state state,
		       const char *notes, const struct actor *who, int reminder_hours, json_t *changes)
{
	audit_change(changes, "status", support_state_key(before->state), support_state_key(state));
	audit_change(changes, "notes", before->notes, notes);
	if (json_object_size(changes) == 0)
		return 0;
	/* next_reminder_at before state: it reads the state the log had. */
	if (db_exec(d,
		    "UPDATE support_logs SET"
		    " next_reminder_at = IF(? = 'open', IF(state = 'open', next_reminder_at, UTC_TIMESTAMP() + INTERVAL ? HOUR), NULL),"
		    " state = ?, notes = ?, updated_at = UTC_TIMESTAMP(), updated_by = NULLIF(?, 0), updated_by_name = ?"
		    " WHERE id = ? AND account_id = ?",
		    "sissisis", support_state_key(state), (long long)reminder_hours, support_state_key(state), notes,
		    who->user_id, who->name ? who->name : "", before->id, account_id) != 1)
		return -1;
	if (state != before->state && support_mail_enqueue(d, account_id, before->id, SUPPORT_MAIL_STATUS) < 0)
		return -1;
	return 0;
}

/* ---- the list ---- */

/* The rows the list walks, by sort and filter (none, state, product, both):
 * a range of the index (schema.sql) that keeps the sort's order, its ties
 * in DATE & TIME order, then by id. A filter the index does not begin with
 * is tested on the index's own entries: the indexes carry product and state. */
enum { BY_ALL, BY_STATE, BY_PRODUCT, BY_BOTH, BY_FILTERS };
static const char *const sort_index[SUPPORT_LOG_SORTS][BY_FILTERS] = {
	[SORT_DATE] = {"ix_support_logs_created", "ix_support_logs_state", "ix_support_logs_product",
		       "ix_support_logs_product_state"},
	[SORT_PRODUCT] = {"ix_support_logs_product", "ix_support_logs_product", "ix_support_logs_product",
			  "ix_support_logs_product_state"},
	[SORT_REPORTER] = {"ix_support_logs_reporter", "ix_support_logs_reporter", "ix_support_logs_reporter",
			   "ix_support_logs_reporter"},
	[SORT_TITLE] = {"ix_support_logs_title", "ix_support_logs_title", "ix_support_logs_title", "ix_support_logs_title"},
	[SORT_STATE] = {"ix_support_logs_state", "ix_support_logs_state", "ix_support_logs_product_state",
			"ix_support_logs_product_state"},
};
/* The filters' conditions, their values in the order of filter_args. */
static const char *const filter_where[BY_FILTERS] = {
	[BY_ALL] = "",
	[BY_STATE] = " AND state = ?",
	[BY_PRODUCT] = " AND product = ?",
	[BY_BOTH] = " AND product = ? AND state = ?",
};
/* Each sort's order, descending then ascending: as the index is walked,
 * and of the page's rows (l). */
static const char *const walk_order[SUPPORT_LOG_SORTS][2] = {
	[SORT_DATE] = {"created_at DESC, id DESC", "created_at, id"},
	[SORT_PRODUCT] = {"product DESC, created_at DESC, id DESC", "product, created_at, id"},
	[SORT_REPORTER] = {"reporter_email DESC, created_at DESC, id DESC", "reporter_email, created_at, id"},
	[SORT_TITLE] = {"title DESC, created_at DESC, id DESC", "title, created_at, id"},
	[SORT_STATE] = {"state DESC, created_at DESC, id DESC", "state, created_at, id"},
};
static const char *const list_order[SUPPORT_LOG_SORTS][2] = {
	[SORT_DATE] = {"l.created_at DESC, l.id DESC", "l.created_at, l.id"},
	[SORT_PRODUCT] = {"l.product DESC, l.created_at DESC, l.id DESC", "l.product, l.created_at, l.id"},
	[SORT_REPORTER] = {"l.reporter_email DESC, l.created_at DESC, l.id DESC", "l.reporter_email, l.created_at, l.id"},
	[SORT_TITLE] = {"l.title DESC, l.created_at DESC, l.id DESC", "l.title, l.created_at, l.id"},
	[SORT_STATE] = {"l.state DESC, l.created_at DESC, l.id DESC", "l.state, l.created_at, l.id"},
};

/* A search's matches: the logs with a word of the title starting with the
 * text, by filter as above; the words hold their log's product and state,
 * so this reads the words alone (support_log_title_words). */
static const char *const matches[] = {
	[BY_ALL] = "SELECT DISTINCT log_id FROM support_log_title_words WHERE account_id = ? AND words LIKE ?",
	[BY_STATE] = "SELECT DISTINCT log_id FROM support_log_title_words WHERE account_id = ? AND words LIKE ? AND state = ?",
	[BY_PRODUCT] = "SELECT DISTINCT log_id FROM support_log_title_words WHERE account_id = ? AND words LIKE ? AND product = ?",
	[BY_BOTH] = "SELECT DISTINCT log_id FROM support_log_title_words"
		    " WHERE account_id = ? AND words LIKE ? AND product = ? AND state = ?",
};

/* The same test, for one log of a walk along sort_index[]: a lookup in that
 * log's words. (As EXISTS, the optimizer would rather read every word of
 * the table once than look up the few logs a page needs.) */
#define TITLE_HAS_WORD \
	" AND (SELECT w.log_id FROM support_log_title_words w FORCE INDEX (ix_support_log_title_words_log)" \
	" WHERE w.log_id = support_logs.id AND w.words LIKE ? LIMIT 1) IS NOT NULL"

static int range_of(const struct support_log_query *q)
{
	return (q->state >= 0 ? BY_STATE : 0) | (*q->product ? BY_PRODUCT : 0);
}

/* LIKE's pattern for "starts with text": % and _ in it are literal. */
static void prefix_pattern(const char *text, char *out, size_t size)
{
	size_t n = 0;
	for (const char *p = text; *p && n + 3 < size; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			out[n++] = '\\';
		out[n++] = *p;
	}
	out[n++] = '%';
	out[n] = 0;
}

/* A filter's values, in the order of filter_where[] and matches[]. */
struct filter_args {
	const char *a[2];
	int n;
};

static void filter_args(const struct support_log_query *q, struct filter_args *out)
{
	out->n = 0;
	if (*q->product)
		out->a[out->n++] = q->product;
	if (q->state >= 0)
		out->a[out->n++] = support_state_key((enum support_state)q->state);
}

/* The filters on support_log_counts: state ("" any), then product ("" any). */
#define COUNTS_FILTER " AND (? = '' OR state = ?) AND (? = '' OR product = ?)"

int support_logs_total(db *d, const struct support_log_query *q, long cap, long long *total)
{
	const char *state = q->state >= 0 ? support_state_key((enum support_state)q->state) : "";
	if (!*q->search)
		return db_int(d, total, "SELECT COALESCE(SUM(logs), 0) FROM support_log_counts WHERE account_id = ?" COUNTS_FILTER,
			      "sssss", q->account_id, state, state, q->product, q->product) == 1 ? 0 : -1;
	char like[1024], sql[512];
	prefix_pattern(q->search, like, sizeof like);
	struct filter_args f;
	filter_args(q, &f);
	snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM (%s LIMIT ?) c", matches[range_of(q)]);
	int rc;
	switch (f.n) {
	case 0: rc = db_int(d, total, sql, "ssi", q->account_id, like, (long long)cap + 1); break;
	case 1: rc = db_int(d, total, sql, "sssi", q->account_id, like, f.a[0], (long long)cap + 1); break;
	default: rc = db_int(d, total, sql, "ssssi", q->account_id, like, f.a[0], f.a[1], (long long)cap + 1); break;
	}
	return rc == 1 ? 0 : -1;
}

struct page_ctx {
	int (*fn)(void *ctx, const struct support_log_row *row);
	void *ctx;
};

static int page_row(void *ctx, const struct db_row *row)
{
	struct page_ctx *c = ctx;
	struct support_log_row r = {
		.id = row_int(row, "id"),
		.product = row_str(row, "product"),
		.reporter_email = row_str(row, "reporter_email"),
		.title = row_str(row, "title"),
		.state = (enum support_state)support_state_from_key(row_str(row, "state")),
		.created = (time_t)row_int(row, "created"),
	};
	return c->fn(c->ctx, &r);
}

#define ROW_COLUMNS "SELECT l.id, l.product, l.reporter_email, l.title, l.state, " EPOCH("l.created_at") " AS created"

/* Runs a page's statement: the account, then a string bound before the
 * filter's values (a search's pattern) or after them (a walk's pattern, or
 * the day a page starts on), then limit and offset. */
static int run_page(db *d, const char *sql, const struct support_log_query *q, const char *before, const char *after,
		    long long limit, long long offset, struct page_ctx *c)
{
	struct filter_args f;
	filter_args(q, &f);
	const char *args[5];
	int n = 0;
	args[n++] = q->account_id;
	if (before)
		args[n++] = before;
	for (int i = 0; i < f.n; i++)
		args[n++] = f.a[i];
	if (after)
		args[n++] = after;
	switch (n) {
	case 1: return db_each(d, page_row, c, sql, "sii", args[0], limit, offset);
	case 2: return db_each(d, page_row, c, sql, "ssii", args[0], args[1], limit, offset);
	case 3: return db_each(d, page_row, c, sql, "sssii", args[0], args[1], args[2], limit, offset);
	default: return db_each(d, page_row, c, sql, "ssssii", args[0], args[1], args[2], args[3], limit, offset);
	}
}

/* The logs per day of the list (support_log_counts), in the list's order. */
struct days {
	int n, cap;
	char (*day)[11];
	long long *logs;
};

static int day_row(void *ctx, const struct db_row *row)
{
	struct days *d = ctx;
	if (d->n == d->cap) {
		int cap = d->cap ? d->cap * 2 : 256;
		char (*day)[11] = realloc(d->day, (size_t)cap * sizeof *day);
		if (day)
			d->day = day;
		long long *logs = day ? realloc(d->logs, (size_t)cap * sizeof *logs) : NULL;
		if (!day || !logs)
			return -1;
		d->logs = logs;
		d->cap = cap;
	}
	row_copy(row, "day", d->day[d->n], sizeof d->day[0]);
	d->logs[d->n++] = row_int(row, "logs");
	return 0;
}

/* The day a page starts on, and how many of that day's logs (in the list's
 * order) come before it: 1 found, 0 past the end, -1 error. */
static int page_start(db *d, const struct support_log_query *q, char day[11], long long *skip)
{
	const char *state = q->state >= 0 ? support_state_key((enum support_state)q->state) : "";
	struct days days = {0};
	int rc = q->ascending
		? db_each(d, day_row, &days, "SELECT day, SUM(logs) AS logs FROM support_log_counts WHERE account_id = ?"
			  COUNTS_FILTER " GROUP BY day HAVING SUM(logs) > 0 ORDER BY day", "sssss", q->account_id, state,
			  state, q->product, q->product)
		: db_each(d, day_row, &days, "SELECT day, SUM(logs) AS logs FROM support_log_counts WHERE account_id = ?"
			  COUNTS_FILTER " GROUP BY day HAVING SUM(logs) > 0 ORDER BY day DESC", "sssss", q->account_id, state,
			  state, q->product, q->product);
	long long before = 0;
	int found = 0;
	for (int i = 0; rc >= 0 && i < days.n && !found; i++) {
		if (before + days.logs[i] > q->offset) {
			snprintf(day, 11, "%s", days.day[i]);
			*skip = q->offset - before;
			found = 1;
		}
		before += days.logs[i];
	}
	free(days.day);
	free(days.logs);
	return rc < 0 ? -1 : found;
}

/* "FROM support_logs FORCE INDEX (...) WHERE account_id = ? AND <filters>"
 * for the query's sort and filters. */
static void range_of_sort(const struct support_log_query *q, char *out, size_t size)
{
	int which = range_of(q);
	snprintf(out, size, "FROM support_logs FORCE INDEX (%s) WHERE account_id = ?%s", sort_index[q->sort][which],
		 filter_where[which]);
}

int support_logs_page(db *d, const struct support_log_query *q, long long total,
		      int (*fn)(void *ctx, const struct support_log_row *row), void *ctx)
{
	struct page_ctx c = {fn, ctx};
	const char *order = list_order[q->sort][q->ascending != 0];
	const char *walk = walk_order[q->sort][q->ascending != 0];
	char like[1024], range[256], sql[1536];
	range_of_sort(q, range, sizeof range);
	if (*q->search) {
		prefix_pattern(q->search, like, sizeof like);
		if (total >= 0) {
			/* Few matches (the caller counted them): read and sort just those. */
			snprintf(sql, sizeof sql, ROW_COLUMNS " FROM (%s) m JOIN support_logs l ON l.id = m.log_id"
				 " ORDER BY %s LIMIT ? OFFSET ?", matches[range_of(q)], order);
			return run_page(d, sql, q, like, NULL, q->limit, q->offset, &c);
		}
		/* Many: walk the list in order, testing each log, until the page is full. */
		snprintf(sql, sizeof sql,
			 ROW_COLUMNS " FROM (SELECT id AS page_id %s" TITLE_HAS_WORD " ORDER BY %s LIMIT ? OFFSET ?) page"
			 " JOIN support_logs l ON l.id = page.page_id ORDER BY %s", range, walk, order);
		return run_page(d, sql, q, NULL, like, q->limit, q->offset, &c);
	}
	if (q->sort != SORT_DATE) {
		/* Skipping along an index costs per entry skipped: a page in the
		 * list's second half is read from its end, backwards. */
		long long limit = q->limit, offset = q->offset;
		if (total >= 0 && offset > total / 2) {
			walk = walk_order[q->sort][q->ascending == 0];
			offset = total - q->offset - q->limit;
			if (offset < 0) {
				limit += offset;
				offset = 0;
			}
			if (limit <= 0)
				return 0;
		}
		snprintf(sql, sizeof sql,
			 ROW_COLUMNS " FROM (SELECT id AS page_id %s ORDER BY %s LIMIT ? OFFSET ?) page"
			 " JOIN support_logs l ON l.id = page.page_id ORDER BY %s", range, walk, order);
		return run_page(d, sql, q, NULL, NULL, limit, offset, &c);
	}
	/* In date order, the counts per day say on which day the page starts,
	 * and only that day's earlier logs are skipped. */
	char day[11];
	long long skip = 0;
	int found = page_start(d, q, day, &skip);
	if (found <= 0)
		return found;
	snprintf(sql, sizeof sql,
		 ROW_COLUMNS " FROM (SELECT id AS page_id %s AND %s ORDER BY %s LIMIT ? OFFSET ?) page"
		 " JOIN support_logs l ON l.id = page.page_id ORDER BY %s",
		 range, q->ascending ? "created_at >= ?" : "created_at < ? + INTERVAL 1 DAY", walk, order);
	return run_page(d, sql, q, NULL, day, q->limit, skip, &c);
}

struct products_ctx {
	int (*fn)(void *ctx, const char *product);
	void *ctx;
};

static int product_row(void *ctx, const struct db_row *row)
{
	struct products_ctx *c = ctx;
	return c->fn(c->ctx, row_str(row, "product"));
}

int support_log_products(db *d, const char *account_id, int days, int (*fn)(void *ctx, const char *product), void *ctx)
{
	struct products_ctx c = {fn, ctx};
	return db_each(d, product_row, &c,
		"SELECT product FROM support_log_counts WHERE account_id = ? AND day >= UTC_DATE() - INTERVAL ? DAY"
		" GROUP BY product HAVING SUM(logs) > 0 ORDER BY product",
		"si", account_id, (long long)days);
}
