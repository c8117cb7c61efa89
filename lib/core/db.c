#include "lib/core/db.h"
#include "lib/core/config.h"
#include "lib/core/log.h"

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARAMS 24
#define STMT_BUCKETS 256   /* a power of two, twice the cache */

/* A prepared statement, in its hash bucket's chain and in the LRU list
 * (most recently used at the head). */
struct cached_stmt {
	char *sql;
	uint64_t hash;
	MYSQL_STMT *stmt;
	struct cached_stmt *next_in_bucket;
	struct cached_stmt *newer, *older;
};

struct db {
	MYSQL *conn;
	int in_tx;
	unsigned last_errno;
	char last_error[512];
	struct cached_stmt *buckets[STMT_BUCKETS];
	struct cached_stmt *newest, *oldest;
	int cached;
};

/* Owns the bound parameter storage for one execution. */
struct params {
	MYSQL_BIND bind[MAX_PARAMS];
	long long ints[MAX_PARAMS];
	unsigned long lens[MAX_PARAMS];
	my_bool nulls[MAX_PARAMS];
	int count;
};

static void set_error(db *d, unsigned no, const char *msg)
{
	d->last_errno = no;
	snprintf(d->last_error, sizeof d->last_error, "%s", msg ? msg : "");
}

static int connect_db(db *d)
{
	d->conn = mysql_init(NULL);
	if (!d->conn)
		return -1;
	unsigned timeout = 5;
	mysql_options(d->conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(d->conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	const char *socket = cfg_str("DB.Socket", NULL);
	const char *host = cfg_str("DB.Host", socket ? NULL : "127.0.0.1");
	if (!mysql_real_connect(d->conn, host, cfg_str("DB.User", "switchboard"),
				cfg_str("DB.Password", ""), cfg_str("DB.Name", "switchboard"),
				(unsigned)cfg_int("DB.Port", 0), socket, 0)) {
		set_error(d, mysql_errno(d->conn), mysql_error(d->conn));
		log_error("db connect: %s", d->last_error);
		mysql_close(d->conn);
		d->conn = NULL;
		return -1;
	}
	/* Strict mode and UTC for every session, whatever the server's defaults. */
	if (mysql_query(d->conn, "SET SESSION sql_mode='STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
				 "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION', time_zone='+00:00'")) {
		set_error(d, mysql_errno(d->conn), mysql_error(d->conn));
		return -1;
	}
	return 0;
}

static void forget_stmt(db *d, struct cached_stmt *c)
{
	struct cached_stmt **link = &d->buckets[c->hash & (STMT_BUCKETS - 1)];
	while (*link != c)
		link = &(*link)->next_in_bucket;
	*link = c->next_in_bucket;
	if (c->newer)
		c->newer->older = c->older;
	else
		d->newest = c->older;
	if (c->older)
		c->older->newer = c->newer;
	else
		d->oldest = c->newer;
	if (c->stmt)
		mysql_stmt_close(c->stmt);
	free(c->sql);
	free(c);
	d->cached--;
}

static void drop_cache(db *d)
{
	while (d->oldest)
		forget_stmt(d, d->oldest);
}

db *db_open(void)
{
	db *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	if (connect_db(d) != 0) {
		free(d);
		return NULL;
	}
	return d;
}

void db_close(db *d)
{
	if (!d)
		return;
	drop_cache(d);
	if (d->conn)
		mysql_close(d->conn);
	free(d);
}

const char *db_error(const db *d) { return d->last_error; }
unsigned db_errno(const db *d) { return d->last_errno; }

static int lost_connection(unsigned no)
{
	return no == CR_SERVER_GONE_ERROR || no == CR_SERVER_LOST || no == 4031 /* idle timeout */;
}

/* Reconnects after the server went away, but never inside a transaction:
 * its earlier statements are gone and must not be silently half-replayed. */
static int reconnect(db *d)
{
	if (d->in_tx)
		return -1;
	drop_cache(d);
	if (d->conn)
		mysql_close(d->conn);
	d->conn = NULL;
	return connect_db(d);
}

/* FNV-1a: statements are cached by their text, which comes only from the
 * program's own literals and whitelisted fragments, never from input. */
static uint64_t sql_hash(const char *sql)
{
	uint64_t h = 1469598103934665603ull;
	for (const unsigned char *p = (const unsigned char *)sql; *p; p++)
		h = (h ^ *p) * 1099511628211ull;
	return h;
}

static void use_stmt(db *d, struct cached_stmt *c)
{
	if (d->newest == c)
		return;
	/* unlink */
	if (c->newer)
		c->newer->older = c->older;
	if (c->older)
		c->older->newer = c->newer;
	else if (d->oldest == c)
		d->oldest = c->newer;
	/* link at the head */
	c->newer = NULL;
	c->older = d->newest;
	if (d->newest)
		d->newest->newer = c;
	d->newest = c;
	if (!d->oldest)
		d->oldest = c;
}

static void forget_sql(db *d, const char *sql)
{
	uint64_t h = sql_hash(sql);
	for (struct cached_stmt *c = d->buckets[h & (STMT_BUCKETS - 1)]; c; c = c->next_in_bucket)
		if (c->hash == h && strcmp(c->sql, sql) == 0) {
			forget_stmt(d, c);
			return;
		}
}

static MYSQL_STMT *prepared(db *d, const char *sql)
{
	uint64_t h = sql_hash(sql);
	struct cached_stmt **bucket = &d->buckets[h & (STMT_BUCKETS - 1)];
	for (struct cached_stmt *c = *bucket; c; c = c->next_in_bucket)
		if (c->hash == h && strcmp(c->sql, sql) == 0) {
			use_stmt(d, c);
			return c->stmt;
		}
	MYSQL_STMT *stmt = mysql_stmt_init(d->conn);
	if (!stmt)
		return NULL;
	if (mysql_stmt_prepare(stmt, sql, strlen(sql))) {
		set_error(d, mysql_stmt_errno(stmt), mysql_stmt_error(stmt));
		log_error("db prepare: %s in: %.300s", d->last_error, sql);
		mysql_stmt_close(stmt);
		return NULL;
	}
	my_bool update_max = 1;
	mysql_stmt_attr_set(stmt, STMT_ATTR_UPDATE_MAX_LENGTH, &update_max);
	struct cached_stmt *c = calloc(1, sizeof *c);
	if (!c || !(c->sql = strdup(sql))) {
		free(c);
		mysql_stmt_close(stmt);
		set_error(d, 0, "out of memory");
		return NULL;
	}
	/* Full: the statement used longest ago makes room. */
	if (d->cached >= DB_STMT_CACHE)
		forget_stmt(d, d->oldest);
	c->hash = h;
	c->stmt = stmt;
	c->next_in_bucket = *bucket;
	*bucket = c;
	d->cached++;
	use_stmt(d, c);
	return stmt;
}

static int bind_params(struct params *p, const char *fmt, va_list ap)
{
	memset(p, 0, sizeof *p);
	for (const char *f = fmt ? fmt : ""; *f; f++) {
		if (p->count >= MAX_PARAMS)
			return -1;
		MYSQL_BIND *b = &p->bind[p->count];
		switch (*f) {
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (!s) {
				b->buffer_type = MYSQL_TYPE_NULL;
				break;
			}
			b->buffer_type = MYSQL_TYPE_STRING;
			b->buffer = (void *)s;
			p->lens[p->count] = strlen(s);
			b->buffer_length = p->lens[p->count];
			b->length = &p->lens[p->count];
			break;
		}
		case 'b': {
			const void *v = va_arg(ap, const void *);
			size_t n = va_arg(ap, size_t);
			b->buffer_type = MYSQL_TYPE_BLOB;
			b->buffer = (void *)v;
			p->lens[p->count] = n;
			b->buffer_length = n;
			b->length = &p->lens[p->count];
			break;
		}
		case 'i':
			p->ints[p->count] = va_arg(ap, long long);
			b->buffer_type = MYSQL_TYPE_LONGLONG;
			b->buffer = &p->ints[p->count];
			break;
		default:
			return -1;
		}
		p->count++;
	}
	return 0;
}

/* Prepares (or reuses) and executes with count bound parameters; on a lost
 * connection outside a transaction reconnects once and retries. */
static MYSQL_STMT *run_bound(db *d, const char *sql, MYSQL_BIND *bind, int count)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		if (!d->conn && reconnect(d) != 0)
			return NULL;
		MYSQL_STMT *stmt = prepared(d, sql);
		if (stmt && (count == 0 || !mysql_stmt_bind_param(stmt, bind)) &&
		    !mysql_stmt_execute(stmt))
			return stmt;
		unsigned no;
		if (stmt) {
			no = mysql_stmt_errno(stmt);
			set_error(d, no, mysql_stmt_error(stmt));
		} else {
			/* prepared() recorded the statement's error; else it is the connection's. */
			if (!d->last_errno && !d->last_error[0])
				set_error(d, mysql_errno(d->conn), mysql_error(d->conn));
			no = d->last_errno;
		}
		if (attempt == 0 && lost_connection(no) && reconnect(d) == 0) {
			set_error(d, 0, "");
			continue;
		}
		/* The schema changed under a cached statement: prepare it afresh. */
		if (attempt == 0 && no == ER_NEED_REPREPARE) {
			forget_sql(d, sql);
			set_error(d, 0, "");
			continue;
		}
		if (no != 1062) /* duplicates are an expected outcome the caller reports */
			log_error("db: %s in: %.200s", d->last_error, sql);
		return NULL;
	}
	return NULL;
}

static MYSQL_STMT *run(db *d, const char *sql, const char *fmt, va_list ap)
{
	struct params p;
	va_list again;
	va_copy(again, ap);
	if (bind_params(&p, fmt, again) != 0) {
		va_end(again);
		set_error(d, 0, "bad parameter format");
		log_error("db: bad parameter format '%s'", fmt);
		return NULL;
	}
	va_end(again);
	return run_bound(d, sql, p.bind, p.count);
}

/* Every public call starts with a clean slate, so the error text read after
 * a failure is that failure's, never an earlier one's. */
static void clear_error(db *d)
{
	d->last_errno = 0;
	d->last_error[0] = 0;
}

long long db_exec(db *d, const char *sql, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	clear_error(d);
	MYSQL_STMT *stmt = run(d, sql, fmt, ap);
	va_end(ap);
	if (!stmt)
		return -1;
	long long n = (long long)mysql_stmt_affected_rows(stmt);
	mysql_stmt_free_result(stmt);
	return n;
}

unsigned long long db_insert_id(db *d) { return mysql_insert_id(d->conn); }

/* ---- rows ---- */

/* One fetched row. Integer columns are bound as numbers (and also given as
 * text); every other column as text. */
struct db_row {
	unsigned ncols;
	MYSQL_FIELD *fields;
	char **text;
	long long *ints;
	my_bool *nulls;
	my_bool *is_int;
	unsigned long *lens;         /* bytes of each text column (blobs may hold NULs) */
};

static int integer_type(enum enum_field_types t)
{
	return t == MYSQL_TYPE_TINY || t == MYSQL_TYPE_SHORT || t == MYSQL_TYPE_LONG ||
	       t == MYSQL_TYPE_INT24 || t == MYSQL_TYPE_LONGLONG || t == MYSQL_TYPE_YEAR;
}

static int column(const struct db_row *row, const char *col)
{
	for (unsigned i = 0; i < row->ncols; i++)
		if (strcmp(row->fields[i].name, col) == 0)
			return (int)i;
	log_error("db: no column %s in the result", col);
	return -1;
}

const char *row_str(const struct db_row *row, const char *col)
{
	int i = column(row, col);
	return i < 0 || row->nulls[i] ? "" : row->text[i];
}

long long row_int(const struct db_row *row, const char *col)
{
	int i = column(row, col);
	if (i < 0 || row->nulls[i])
		return 0;
	return row->is_int[i] ? row->ints[i] : strtoll(row->text[i], NULL, 10);
}

unsigned row_columns(const struct db_row *row) { return row->ncols; }
const char *row_name(const struct db_row *row, unsigned i) { return row->fields[i].name; }

int row_null(const struct db_row *row, const char *col)
{
	int i = column(row, col);
	return i < 0 || row->nulls[i];
}

void row_copy(const struct db_row *row, const char *col, char *out, size_t n)
{
	snprintf(out, n, "%s", row_str(row, col));
}

size_t row_len(const struct db_row *row, const char *col)
{
	int i = column(row, col);
	if (i < 0 || row->nulls[i])
		return 0;
	return row->is_int[i] ? strlen(row->text[i]) : row->lens[i];
}

/* Fetches every row of an executed statement and calls fn for each (only
 * the first max_rows, when max_rows >= 0; the rest are drained). */
static int fetch_all(db *d, MYSQL_STMT *stmt, db_row_fn fn, void *ctx, int max_rows)
{
	MYSQL_RES *meta = mysql_stmt_result_metadata(stmt);
	if (!meta)
		return 0;
	if (mysql_stmt_store_result(stmt)) {
		set_error(d, mysql_stmt_errno(stmt), mysql_stmt_error(stmt));
		mysql_free_result(meta);
		return -1;
	}
	struct db_row row = {.ncols = mysql_num_fields(meta), .fields = mysql_fetch_fields(meta)};
	unsigned n = row.ncols;
	MYSQL_BIND *bind = calloc(n, sizeof *bind);
	unsigned long *lens = calloc(n, sizeof *lens);
	row.lens = lens;
	row.text = calloc(n, sizeof *row.text);
	row.ints = calloc(n, sizeof *row.ints);
	row.nulls = calloc(n, sizeof *row.nulls);
	row.is_int = calloc(n, sizeof *row.is_int);
	int rows = -1;
	if (!bind || !lens || !row.text || !row.ints || !row.nulls || !row.is_int)
		goto out;
	for (unsigned i = 0; i < n; i++) {
		unsigned long cap = row.fields[i].max_length + 1;
		if (cap < 32)
			cap = 32; /* dates and decimals arrive converted to text; integers are printed here */
		row.text[i] = malloc(cap);
		if (!row.text[i])
			goto out;
		row.is_int[i] = integer_type(row.fields[i].type);
		if (row.is_int[i]) {
			bind[i].buffer_type = MYSQL_TYPE_LONGLONG;
			bind[i].buffer = &row.ints[i];
			bind[i].is_unsigned = (row.fields[i].flags & UNSIGNED_FLAG) != 0;
		} else {
			bind[i].buffer_type = MYSQL_TYPE_STRING;
			bind[i].buffer = row.text[i];
			bind[i].buffer_length = cap;
			bind[i].length = &lens[i];
		}
		bind[i].is_null = &row.nulls[i];
	}
	if (mysql_stmt_bind_result(stmt, bind)) {
		set_error(d, mysql_stmt_errno(stmt), mysql_stmt_error(stmt));
		goto out;
	}
	rows = 0;
	int rc;
	while ((rc = mysql_stmt_fetch(stmt)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
		if (max_rows >= 0 && rows >= max_rows)
			continue; /* drain */
		for (unsigned i = 0; i < n; i++) {
			if (row.nulls[i])
				row.text[i][0] = 0;
			else if (row.is_int[i])
				snprintf(row.text[i], 32, bind[i].is_unsigned ? "%llu" : "%lld", row.ints[i]);
			else
				row.text[i][lens[i] < bind[i].buffer_length ? lens[i] : bind[i].buffer_length - 1] = 0;
		}
		if (fn(ctx, &row) != 0) {
			rows = -1;
			break;
		}
		rows++;
	}
out:
	if (row.text)
		for (unsigned i = 0; i < n; i++)
			free(row.text[i]);
	free(row.text);
	free(row.ints);
	free(row.nulls);
	free(row.is_int);
	free(bind);
	free(lens);
	mysql_stmt_free_result(stmt);
	mysql_free_result(meta);
	return rows;
}

static int vquery(db *d, db_row_fn fn, void *ctx, int max_rows, const char *sql, const char *fmt, va_list ap)
{
	clear_error(d);
	MYSQL_STMT *stmt = run(d, sql, fmt, ap);
	if (!stmt)
		return -1;
	return fetch_all(d, stmt, fn, ctx, max_rows);
}

int db_each(db *d, db_row_fn fn, void *ctx, const char *sql, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rows = vquery(d, fn, ctx, -1, sql, fmt, ap);
	va_end(ap);
	return rows;
}

int db_one(db *d, db_row_fn fn, void *ctx, const char *sql, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rows = vquery(d, fn, ctx, 1, sql, fmt, ap);
	va_end(ap);
	return rows;
}

int db_each_text(db *d, db_row_fn fn, void *ctx, const char *sql, const char *fmt, const char *const *values)
{
	clear_error(d);
	int n = (int)strlen(fmt);
	long long *ints = calloc((size_t)(n > 0 ? n : 1), sizeof *ints);
	MYSQL_BIND *bind = calloc((size_t)(n > 0 ? n : 1), sizeof *bind);
	unsigned long *lens = calloc((size_t)(n > 0 ? n : 1), sizeof *lens);
	if (!bind || !lens || !ints) {
		free(bind);
		free(lens);
		free(ints);
		set_error(d, 0, "out of memory");
		return -1;
	}
	for (int i = 0; i < n; i++) {
		if (!values[i]) {
			bind[i].buffer_type = MYSQL_TYPE_NULL;
			continue;
		}
		if (fmt[i] == 'i') {
			ints[i] = strtoll(values[i], NULL, 10);
			bind[i].buffer_type = MYSQL_TYPE_LONGLONG;
			bind[i].buffer = &ints[i];
			continue;
		}
		bind[i].buffer_type = MYSQL_TYPE_STRING;
		bind[i].buffer = (void *)values[i];
		lens[i] = strlen(values[i]);
		bind[i].buffer_length = lens[i];
		bind[i].length = &lens[i];
	}
	MYSQL_STMT *stmt = run_bound(d, sql, bind, n);
	int rows = stmt ? fetch_all(d, stmt, fn, ctx, -1) : -1;
	free(bind);
	free(lens);
	free(ints);
	return rows;
}

struct first_column {
	char *text;
	size_t size;
	long long *number;
};

static int take_first(void *ctx, const struct db_row *row)
{
	struct first_column *f = ctx;
	const char *name = row->fields[0].name;
	if (f->text)
		row_copy(row, name, f->text, f->size);
	if (f->number)
		*f->number = row_int(row, name);
	return 0;
}

int db_str(db *d, char *out, size_t n, const char *sql, const char *fmt, ...)
{
	struct first_column f = {out, n, NULL};
	va_list ap;
	va_start(ap, fmt);
	int rows = vquery(d, take_first, &f, 1, sql, fmt, ap);
	va_end(ap);
	return rows < 0 ? -1 : rows > 0;
}

int db_int(db *d, long long *out, const char *sql, const char *fmt, ...)
{
	struct first_column f = {NULL, 0, out};
	va_list ap;
	va_start(ap, fmt);
	int rows = vquery(d, take_first, &f, 1, sql, fmt, ap);
	va_end(ap);
	return rows < 0 ? -1 : rows > 0;
}

/* ---- transactions ---- */

static int plain(db *d, const char *sql)
{
	clear_error(d);
	if (!d->conn && reconnect(d) != 0)
		return -1;
	if (mysql_query(d->conn, sql)) {
		set_error(d, mysql_errno(d->conn), mysql_error(d->conn));
		log_error("db: %s in: %.200s", d->last_error, sql);
		return -1;
	}
	return 0;
}

int db_begin(db *d)
{
	if (d->in_tx) {
		/* A nested begin would silently commit the outer transaction. */
		set_error(d, 0, "transaction already open");
		log_error("db: begin inside an open transaction");
		return -1;
	}
	if (plain(d, "START TRANSACTION") != 0)
		return -1;
	d->in_tx = 1;
	return 0;
}

int db_commit(db *d)
{
	int rc = plain(d, "COMMIT");
	d->in_tx = 0;
	return rc;
}

void db_rollback(db *d)
{
	if (d->conn)
		mysql_query(d->conn, "ROLLBACK");
	d->in_tx = 0;
}

int db_in_tx(const db *d) { return d->in_tx; }

int db_tx(db *d, int (*body)(void *ctx), void *ctx)
{
	if (db_begin(d) != 0)
		return -1;
	int rc = body(ctx);
	if (rc == 0 && db_commit(d) == 0)
		return 0;
	db_rollback(d);
	return rc > 0 ? rc : -1;
}

int db_ping(db *d)
{
	clear_error(d);
	if (d->conn && mysql_ping(d->conn) == 0)
		return 0;
	return reconnect(d);
}

/* Schema files are ours, never user input, so they are run as plain text
 * with multi-statement execution. */
int db_exec_script(db *d, const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		log_error("cannot read %s", path);
		return -1;
	}
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	rewind(f);
	char *text = malloc((size_t)size + 1);
	if (!text || fread(text, 1, (size_t)size, f) != (size_t)size) {
		fclose(f);
		free(text);
		return -1;
	}
	fclose(f);
	text[size] = 0;
	clear_error(d);
	mysql_set_server_option(d->conn, MYSQL_OPTION_MULTI_STATEMENTS_ON);
	int rc = mysql_query(d->conn, text);
	free(text);
	/* Every statement's result is read: a failing one ends the script, and
	 * mysql_next_result says so with a positive value, not only errno. */
	while (rc == 0) {
		MYSQL_RES *res = mysql_store_result(d->conn);
		if (res)
			mysql_free_result(res);
		if (mysql_errno(d->conn)) {
			rc = 1;
			break;
		}
		int next = mysql_next_result(d->conn);
		if (next > 0)
			rc = 1;
		if (next != 0)
			break;
	}
	if (rc) {
		set_error(d, mysql_errno(d->conn), mysql_error(d->conn));
		log_error("%s: %s", path, d->last_error);
	}
	mysql_set_server_option(d->conn, MYSQL_OPTION_MULTI_STATEMENTS_OFF);
	return rc ? -1 : 0;
}
