#include "lib/core/db.h"
#include "lib/core/config.h"
#include "lib/core/log.h"

#include <errmsg.h>
#include <mysql.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARAMS 24
#define STMT_CACHE 256

struct cached_stmt {
	char *sql;
	uint64_t hash;
	MYSQL_STMT *stmt;
};

struct db {
	MYSQL *conn;
	int in_tx;
	unsigned last_errno;
	char last_error[512];
	struct cached_stmt cache[STMT_CACHE];
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

static void drop_cache(db *d)
{
	for (int i = 0; i < STMT_CACHE; i++) {
		if (d->cache[i].stmt)
			mysql_stmt_close(d->cache[i].stmt);
		free(d->cache[i].sql);
		d->cache[i].stmt = NULL;
		d->cache[i].sql = NULL;
	}
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

static MYSQL_STMT *prepared(db *d, const char *sql)
{
	uint64_t h = sql_hash(sql);
	for (int probe = 0; probe < STMT_CACHE; probe++) {
		struct cached_stmt *c = &d->cache[(h + (uint64_t)probe) % STMT_CACHE];
		if (c->sql && c->hash == h && strcmp(c->sql, sql) == 0)
			return c->stmt;
		if (c->sql)
			continue;
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
		c->sql = strdup(sql);
		c->hash = h;
		c->stmt = stmt;
		return stmt;
	}
	/* Full: a worker uses a bounded set of statements, so start over. */
	log_error("db: statement cache full; clearing it");
	drop_cache(d);
	return prepared(d, sql);
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

/* Prepares (or reuses) and executes; on a lost connection outside a
 * transaction reconnects once and retries. */
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
	for (int attempt = 0; attempt < 2; attempt++) {
		if (!d->conn && reconnect(d) != 0)
			return NULL;
		MYSQL_STMT *stmt = prepared(d, sql);
		if (stmt && (p.count == 0 || !mysql_stmt_bind_param(stmt, p.bind)) &&
		    !mysql_stmt_execute(stmt))
			return stmt;
		unsigned no = stmt ? mysql_stmt_errno(stmt) : mysql_errno(d->conn);
		if (stmt)
			set_error(d, no, mysql_stmt_error(stmt));
		else if (!d->last_errno)
			set_error(d, no, mysql_error(d->conn));
		if (attempt == 0 && lost_connection(no ? no : d->last_errno) && reconnect(d) == 0)
			continue;
		if (no != 1062) /* duplicates are an expected outcome the caller reports */
			log_error("db: %s in: %.200s", d->last_error, sql);
		return NULL;
	}
	return NULL;
}

long long db_exec(db *d, const char *sql, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	d->last_errno = 0;
	MYSQL_STMT *stmt = run(d, sql, fmt, ap);
	va_end(ap);
	if (!stmt)
		return -1;
	long long n = (long long)mysql_stmt_affected_rows(stmt);
	mysql_stmt_free_result(stmt);
	return n;
}

unsigned long long db_insert_id(db *d) { return mysql_insert_id(d->conn); }

/* Fetches every row of an executed statement as strings; calls emit for each. */
typedef int (*row_fn)(void *ctx, int row, MYSQL_FIELD *fields, unsigned ncols, char **vals, my_bool *nulls);

static int fetch_all(db *d, MYSQL_STMT *stmt, row_fn emit, void *ctx, int max_rows)
{
	MYSQL_RES *meta = mysql_stmt_result_metadata(stmt);
	if (!meta)
		return 0;
	if (mysql_stmt_store_result(stmt)) {
		set_error(d, mysql_stmt_errno(stmt), mysql_stmt_error(stmt));
		mysql_free_result(meta);
		return -1;
	}
	unsigned ncols = mysql_num_fields(meta);
	MYSQL_FIELD *fields = mysql_fetch_fields(meta);
	MYSQL_BIND *bind = calloc(ncols, sizeof *bind);
	char **vals = calloc(ncols, sizeof *vals);
	unsigned long *lens = calloc(ncols, sizeof *lens);
	my_bool *nulls = calloc(ncols, sizeof *nulls);
	int rows = -1;
	if (!bind || !vals || !lens || !nulls)
		goto out;
	for (unsigned i = 0; i < ncols; i++) {
		unsigned long cap = fields[i].max_length + 1;
		if (cap < 32)
			cap = 32; /* numbers and dates arrive converted to text */
		vals[i] = malloc(cap);
		if (!vals[i])
			goto out;
		bind[i].buffer_type = MYSQL_TYPE_STRING;
		bind[i].buffer = vals[i];
		bind[i].buffer_length = cap;
		bind[i].length = &lens[i];
		bind[i].is_null = &nulls[i];
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
		for (unsigned i = 0; i < ncols; i++)
			vals[i][nulls[i] ? 0 : lens[i] < bind[i].buffer_length ? lens[i] : bind[i].buffer_length - 1] = 0;
		if (emit(ctx, rows, fields, ncols, vals, nulls) != 0) {
			rows = -1;
			break;
		}
		rows++;
	}
out:
	if (vals)
		for (unsigned i = 0; i < ncols; i++)
			free(vals[i]);
	free(vals);
	free(bind);
	free(lens);
	free(nulls);
	mysql_stmt_free_result(stmt);
	mysql_free_result(meta);
	return rows;
}

struct hdf_sink {
	HDF *hdf;
	const char *prefix;
	int numbered;
};

static int emit_hdf(void *ctx, int row, MYSQL_FIELD *fields, unsigned ncols, char **vals, my_bool *nulls)
{
	struct hdf_sink *s = ctx;
	char key[256];
	for (unsigned i = 0; i < ncols; i++) {
		if (nulls[i])
			continue; /* absent in HDF reads as empty in templates */
		if (s->numbered)
			snprintf(key, sizeof key, "%s.%d.%s", s->prefix, row, fields[i].name);
		else
			snprintf(key, sizeof key, "%s.%s", s->prefix, fields[i].name);
		NEOERR *err = hdf_set_value(s->hdf, key, vals[i]);
		if (err) {
			nerr_ignore(&err);
			return -1;
		}
	}
	return 0;
}

static int vquery_hdf(db *d, HDF *hdf, const char *prefix, int numbered, const char *sql, const char *fmt,
		      va_list ap)
{
	d->last_errno = 0;
	MYSQL_STMT *stmt = run(d, sql, fmt, ap);
	if (!stmt)
		return -1;
	struct hdf_sink s = {hdf, prefix, numbered};
	return fetch_all(d, stmt, emit_hdf, &s, numbered ? -1 : 1);
}

int db_rows(db *d, HDF *hdf, const char *prefix, const char *sql, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rows = vquery_hdf(d, hdf, prefix, 1, sql, fmt, ap);
	va_end(ap);
	return rows;
}

int db_row(db *d, HDF *hdf, const char *prefix, const char *sql, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rows = vquery_hdf(d, hdf, prefix, 0, sql, fmt, ap);
	va_end(ap);
	return rows;
}

struct str_sink {
	char *out;
	size_t n;
};

static int emit_first(void *ctx, int row, MYSQL_FIELD *fields, unsigned ncols, char **vals, my_bool *nulls)
{
	struct str_sink *s = ctx;
	snprintf(s->out, s->n, "%s", nulls[0] ? "" : vals[0]);
	return 0;
}

static int vquery_str(db *d, char *out, size_t n, const char *sql, const char *fmt, va_list ap)
{
	d->last_errno = 0;
	MYSQL_STMT *stmt = run(d, sql, fmt, ap);
	if (!stmt)
		return -1;
	struct str_sink s = {out, n};
	int rows = fetch_all(d, stmt, emit_first, &s, 1);
	return rows < 0 ? -1 : rows > 0;
}

int db_str(db *d, char *out, size_t n, const char *sql, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int found = vquery_str(d, out, n, sql, fmt, ap);
	va_end(ap);
	return found;
}

int db_int(db *d, long long *out, const char *sql, const char *fmt, ...)
{
	char buf[32] = "";
	va_list ap;
	va_start(ap, fmt);
	int found = vquery_str(d, buf, sizeof buf, sql, fmt, ap);
	va_end(ap);
	if (found == 1)
		*out = strtoll(buf, NULL, 10);
	return found;
}

static int plain(db *d, const char *sql)
{
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
	mysql_set_server_option(d->conn, MYSQL_OPTION_MULTI_STATEMENTS_ON);
	int rc = mysql_query(d->conn, text);
	free(text);
	do {
		MYSQL_RES *res = mysql_store_result(d->conn);
		if (res)
			mysql_free_result(res);
		if (mysql_errno(d->conn))
			rc = 1;
	} while (rc == 0 && mysql_next_result(d->conn) == 0);
	if (rc) {
		set_error(d, mysql_errno(d->conn), mysql_error(d->conn));
		log_error("%s: %s", path, d->last_error);
	}
	mysql_set_server_option(d->conn, MYSQL_OPTION_MULTI_STATEMENTS_OFF);
	return rc ? -1 : 0;
}
