#include "lib/core/db.h"
#include "lib/core/config.h"
#include "lib/core/log.h"

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_PARAMS 24
#define STMT_BUCKETS 256   /* a power of two, twice the cache */
#define MAX_NODES 16
#define NODE_REST_SECONDS 5       /* a node that failed is tried last for this long */
#define FAIL_BACK_SECONDS 30      /* how often a process away from its own node looks whether it is back */
#define CAUSAL_READS 1            /* wsrep_sync_wait: reads (SELECT, SHOW, BEGIN) wait for the cluster */

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
	int node;               /* conn's node: an index in the node list */
	int galera;             /* that node runs Galera (wsrep_on) */
	time_t fail_back_at;    /* when to look again for a node earlier in the list */
	int causal_wanted;      /* db_causal: reads must see every commit of the cluster */
	int causal_set;         /* what the session has now (-1: unknown) */
	unsigned doomed;        /* the open transaction is gone on the server (conflict, lost node): the error */
};

/* One database node: a unix socket, or a host and port. */
struct node {
	char socket[256];
	char host[256];
	unsigned port;
};

/* When each node of the list failed last: shared by the connections of a
 * process, so none of them waits on a node another one just found dead. */
static time_t node_failed_at[MAX_NODES];

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

/* The nodes, in the order this process prefers them: DB.Nodes (each child a
 * socket path or host:port, the process's own node first), else the one
 * node of DB.Socket or DB.Host and DB.Port. */
static int read_nodes(struct node *nodes)
{
	int n = 0;
	HDF *list = config_hdf() ? hdf_get_obj(config_hdf(), "DB.Nodes") : NULL;
	for (HDF *o = list ? hdf_obj_child(list) : NULL; o && n < MAX_NODES; o = hdf_obj_next(o)) {
		const char *v = hdf_obj_value(o);
		if (!v || !*v)
			continue;
		struct node *x = &nodes[n++];
		memset(x, 0, sizeof *x);
		if (v[0] == '/') {
			snprintf(x->socket, sizeof x->socket, "%s", v);
			continue;
		}
		const char *colon = strrchr(v, ':');
		snprintf(x->host, sizeof x->host, "%.*s", colon ? (int)(colon - v) : (int)strlen(v), v);
		x->port = colon ? (unsigned)strtoul(colon + 1, NULL, 10) : 0;
	}
	if (n > 0)
		return n;
	memset(nodes, 0, sizeof *nodes);
	const char *socket = cfg_str("DB.Socket", NULL);
	snprintf(nodes[0].socket, sizeof nodes[0].socket, "%s", socket ? socket : "");
	snprintf(nodes[0].host, sizeof nodes[0].host, "%s", cfg_str("DB.Host", socket ? "" : "127.0.0.1"));
	nodes[0].port = (unsigned)cfg_int("DB.Port", 0);
	return 1;
}

static int node_count(void)
{
	struct node nodes[MAX_NODES];
	return read_nodes(nodes);
}

static void node_failed(int i)
{
	if (i >= 0 && i < MAX_NODES)
		node_failed_at[i] = time(NULL);
}

static int node_resting(int i)
{
	return node_failed_at[i] && time(NULL) - node_failed_at[i] < NODE_REST_SECONDS;
}

/* Whether a Galera node may serve clients: a node cut off from the primary
 * component (or still joining) answers, but refuses work. */
static int node_ready(db *d)
{
	d->galera = 0;
	if (mysql_query(d->conn, "SELECT @@wsrep_on AS galera, COALESCE((SELECT VARIABLE_VALUE FROM"
				 " information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_READY'), 'OFF') AS ready"))
		return 1; /* a server without Galera at all */
	MYSQL_RES *res = mysql_store_result(d->conn);
	MYSQL_ROW row = res ? mysql_fetch_row(res) : NULL;
	int ready = 1;
	if (row && row[0] && strcmp(row[0], "1") == 0) {
		d->galera = 1;
		ready = row[1] && strcasecmp(row[1], "ON") == 0;
	}
	if (res)
		mysql_free_result(res);
	return ready;
}

static int connect_node(db *d, const struct node *x, unsigned timeout)
{
	d->conn = mysql_init(NULL);
	if (!d->conn)
		return -1;
	mysql_options(d->conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(d->conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	if (!mysql_real_connect(d->conn, x->socket[0] ? NULL : x->host, cfg_str("DB.User", "switchboard"),
				cfg_str("DB.Password", ""), cfg_str("DB.Name", "switchboard"), x->port,
				x->socket[0] ? x->socket : NULL, 0)) {
		set_error(d, mysql_errno(d->conn), mysql_error(d->conn));
		log_error("db connect to %s: %s", x->socket[0] ? x->socket : x->host, d->last_error);
		goto fail;
	}
	if (!node_ready(d)) {
		set_error(d, ER_UNKNOWN_COM_ERROR, "the node is not part of the cluster's primary component");
		log_error("db: %s is not ready (not synced with its cluster)", x->socket[0] ? x->socket : x->host);
		goto fail;
	}
	/* Strict mode and UTC for every session, whatever the server's defaults. */
	if (mysql_query(d->conn, "SET SESSION sql_mode='STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
				 "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION', time_zone='+00:00'")) {
		set_error(d, mysql_errno(d->conn), mysql_error(d->conn));
		goto fail;
	}
	d->causal_set = 0;
	return 0;
fail:
	mysql_close(d->conn);
	d->conn = NULL;
	return -1;
}

/* Connects to the first node of the list that answers and is ready,
 * trying nodes that failed a moment ago last. */
static int connect_db(db *d)
{
	struct node nodes[MAX_NODES];
	int n = read_nodes(nodes);
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < n; i++) {
			if (node_resting(i) != (pass == 1))
				continue;
			if (connect_node(d, &nodes[i], (unsigned)cfg_int("DB.ConnectTimeout", 5)) == 0) {
				if (i != d->node && d->node >= 0)
					log_info("db: now on node %d of %d (%s)", i + 1, n,
						 nodes[i].socket[0] ? nodes[i].socket : nodes[i].host);
				d->node = i;
				node_failed_at[i] = 0;
				d->fail_back_at = time(NULL) + FAIL_BACK_SECONDS;
				return 0;
			}
			node_failed(i);
		}
	return -1;
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
	d->node = -1;
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

/* The node went away, or may no longer serve: another node must take over. */
static int node_gone(unsigned no)
{
	return no == CR_SERVER_GONE_ERROR || no == CR_SERVER_LOST || no == 4031 /* idle timeout */ ||
	       no == CR_CONNECTION_ERROR || no == CR_CONN_HOST_ERROR || no == ER_CONNECTION_KILLED ||
	       no == ER_SERVER_SHUTDOWN || no == ER_UNKNOWN_COM_ERROR /* Galera: node not ready */;
}

/* Galera: the transaction lost certification to a commit on another node
 * (or a replicated write aborted it). It was rolled back whole. */
static int conflict(unsigned no) { return no == ER_LOCK_DEADLOCK; }

static void drop_connection(db *d)
{
	drop_cache(d);
	if (d->conn)
		mysql_close(d->conn);
	d->conn = NULL;
}

/* Reconnects after the server went away, but never inside a transaction:
 * its earlier statements are gone and must not be silently half-replayed. */
static int reconnect(db *d)
{
	if (d->in_tx)
		return -1;
	drop_connection(d);
	return connect_db(d);
}

/* An idle connection whose server closed it (a node killed, restarted or
 * timing the session out) reads as ready: the end of the stream or an
 * error packet. Seen before a statement is sent, nothing was lost. */
static int connection_dropped(db *d)
{
	struct pollfd p = {.fd = (int)mysql_get_socket(d->conn), .events = POLLIN | POLLRDHUP};
	return p.fd >= 0 && poll(&p, 1, 0) > 0;
}

/* Back to a node earlier in the list (the process's own) once it answers
 * again; only between transactions, and at most every FAIL_BACK_SECONDS. */
void db_settle(db *d)
{
	if (d->in_tx || !d->conn || d->node <= 0 || time(NULL) < d->fail_back_at)
		return;
	d->fail_back_at = time(NULL) + FAIL_BACK_SECONDS;
	struct node nodes[MAX_NODES];
	int n = read_nodes(nodes);
	for (int i = 0; i < d->node && i < n; i++) {
		if (node_resting(i))
			continue;
		/* A short wait: a request is waiting on this. */
		db probe = {.node = i};
		if (connect_node(&probe, &nodes[i], 1) != 0) {
			node_failed(i);
			continue;
		}
		drop_connection(d);
		d->conn = probe.conn;
		d->galera = probe.galera;
		d->causal_set = 0;
		log_info("db: back on node %d of %d", i + 1, n);
		d->node = i;
		return;
	}
}

/* Ready to send a statement: connected (reconnecting between
 * transactions), and the session's causal-read setting as wanted. */
static int ready_to_send(db *d)
{
	if (d->conn && connection_dropped(d)) {
		if (d->in_tx) {
			node_failed(d->node);
			drop_connection(d);
		} else if (reconnect(d) != 0) {
			return -1;
		}
	}
	if (!d->conn) {
		if (d->in_tx) {
			set_error(d, CR_SERVER_GONE_ERROR, "the database node went away during the transaction");
			d->doomed = CR_SERVER_GONE_ERROR;
			return -1;
		}
		if (connect_db(d) != 0)
			return -1;
	}
	if (d->galera && d->causal_set != d->causal_wanted) {
		char set[64];
		snprintf(set, sizeof set, "SET SESSION wsrep_sync_wait = %d", d->causal_wanted ? CAUSAL_READS : 0);
		if (mysql_query(d->conn, set)) {
			unsigned no = mysql_errno(d->conn);
			set_error(d, no, mysql_error(d->conn));
			if (node_gone(no)) {
				node_failed(d->node);
				drop_connection(d);
				if (d->in_tx)
					d->doomed = no;
			}
			return -1;
		}
		d->causal_set = d->causal_wanted;
	}
	return 0;
}

void db_causal(db *d, int on) { d->causal_wanted = on != 0; }
int db_galera(const db *d) { return d->galera; }

/* A statement that only reads may run again on another node; a write that
 * got no answer may have been done, and is never sent twice. */
static int reads_only(const char *sql)
{
	while (*sql == ' ' || *sql == '(')
		sql++;
	return strncasecmp(sql, "SELECT", 6) == 0 || strncasecmp(sql, "SHOW", 4) == 0;
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

/* Prepares (or reuses) and executes with count bound parameters. Outside a
 * transaction, a read whose node went away runs again on the next node, and
 * a statement that lost certification (rolled back whole) runs again; a
 * write that got no answer is not sent twice, and says so. Inside a
 * transaction, a conflict or a lost node ends it (db_tx runs it again
 * whole): every later statement of it fails at once, so nothing of it runs
 * outside it. */
static MYSQL_STMT *run_bound(db *d, const char *sql, MYSQL_BIND *bind, int count)
{
	if (d->in_tx && d->doomed) {
		set_error(d, d->doomed, "the transaction was rolled back by the server");
		return NULL;
	}
	for (int attempt = 0; attempt < 2; attempt++) {
		if (ready_to_send(d) != 0) {
			/* The statement was not sent: on the next node, then. */
			if (attempt == 0 && !d->in_tx && node_gone(d->last_errno)) {
				set_error(d, 0, "");
				continue;
			}
			return NULL;
		}
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
		/* The schema changed under a cached statement: prepare it afresh. */
		if (attempt == 0 && no == ER_NEED_REPREPARE) {
			forget_sql(d, sql);
			set_error(d, 0, "");
			continue;
		}
		if (node_gone(no)) {
			int executed = stmt != NULL; /* (the cache closes stmt with the connection) */
			node_failed(d->node);
			drop_connection(d);
			if (d->in_tx) {
				d->doomed = no;
			} else if (attempt == 0 && (reads_only(sql) || !executed)) {
				/* A read, or a write that did not get past its prepare. */
				set_error(d, 0, "");
				continue;
			} else {
				log_error("db: the node went away during a write; its outcome is unknown: %.200s", sql);
				return NULL;
			}
		} else if (conflict(no)) {
			if (d->in_tx) {
				d->doomed = no;
			} else if (attempt == 0) {
				log_info("db: certification conflict; running the statement again");
				set_error(d, 0, "");
				continue;
			}
		}
		if (no != 1062 && !(d->in_tx && d->doomed)) /* duplicates are an expected outcome the caller reports */
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

unsigned long long db_insert_id(db *d) { return d->conn ? mysql_insert_id(d->conn) : 0; }

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

/* A statement that failed while its rows were read: the server may send
 * its error after the execute succeeded, as an INSERT ... RETURNING does.
 * One such error is MariaDB's own after a table's triggers changed under
 * a prepared statement: it names a table the new triggers use as missing
 * until the statement is prepared again, so the caller forgets it. */
static void reading_failed(db *d, MYSQL_STMT *stmt, const char *sql)
{
	unsigned no = mysql_stmt_errno(stmt);
	set_error(d, no, mysql_stmt_error(stmt));
	/* as when the execute itself fails (run_bound) */
	if (d->in_tx && conflict(no))
		d->doomed = no;
	if (no != 1062 && !(d->in_tx && d->doomed))
		log_error("db: %s in: %.200s (reading its rows)", d->last_error, sql);
}

/* Fetches every row of an executed statement and calls fn for each (only
 * the first max_rows, when max_rows >= 0; the rest are drained). */
static int fetch_all(db *d, MYSQL_STMT *stmt, const char *sql, db_row_fn fn, void *ctx, int max_rows)
{
	MYSQL_RES *meta = mysql_stmt_result_metadata(stmt);
	if (!meta)
		return 0;
	if (mysql_stmt_store_result(stmt)) {
		reading_failed(d, stmt, sql);
		mysql_free_result(meta);
		forget_sql(d, sql);
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
	int rows = -1, failed = 0;
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
	failed = rc == 1;
	if (failed) {
		reading_failed(d, stmt, sql);
		rows = -1;
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
	if (failed)
		forget_sql(d, sql);
	return rows;
}

static int vquery(db *d, db_row_fn fn, void *ctx, int max_rows, const char *sql, const char *fmt, va_list ap)
{
	clear_error(d);
	MYSQL_STMT *stmt = run(d, sql, fmt, ap);
	if (!stmt)
		return -1;
	return fetch_all(d, stmt, sql, fn, ctx, max_rows);
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
	int rows = stmt ? fetch_all(d, stmt, sql, fn, ctx, -1) : -1;
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

/* A statement without parameters or rows (transaction control), with the
 * same rules as run() for lost nodes and conflicts. */
static int plain(db *d, const char *sql)
{
	clear_error(d);
	if (d->in_tx && d->doomed) {
		set_error(d, d->doomed, "the transaction was rolled back by the server");
		return -1;
	}
	if (ready_to_send(d) != 0)
		return -1;
	if (!mysql_query(d->conn, sql))
		return 0;
	unsigned no = mysql_errno(d->conn);
	set_error(d, no, mysql_error(d->conn));
	if (node_gone(no)) {
		node_failed(d->node);
		drop_connection(d);
	}
	if (d->in_tx && (node_gone(no) || conflict(no)))
		d->doomed = no;
	else
		log_error("db: %s in: %.200s", d->last_error, sql);
	return -1;
}

static int begin(db *d)
{
	if (d->in_tx) {
		/* A nested begin would silently commit the outer transaction. */
		set_error(d, 0, "transaction already open");
		log_error("db: begin inside an open transaction");
		return -1;
	}
	/* Nothing is open yet: a node lost here costs nothing but the next one. */
	if (plain(d, "START TRANSACTION") != 0 && (!node_gone(d->last_errno) || plain(d, "START TRANSACTION") != 0))
		return -1;
	d->in_tx = 1;
	d->doomed = 0;
	return 0;
}

void db_rollback(db *d)
{
	if (d->conn && mysql_query(d->conn, "ROLLBACK") && node_gone(mysql_errno(d->conn)))
		drop_connection(d);
	d->in_tx = 0;
	d->doomed = 0;
}

int db_in_tx(const db *d) { return d->in_tx; }

/* ---- commit marks ----
 *
 * With more than one node a COMMIT that got no answer (its node died) may
 * have been committed by the cluster or not. So every db_tx writes a mark
 * (a random id) in its own transaction: after a lost COMMIT, the mark says
 * which it was, and the transaction runs again only if it was not. Marks
 * start with the time in hex, so the old ones go by a range of the primary
 * key (db_forget_marks). */
static int marking(void) { return node_count() > 1; }

static int new_mark(char out[33])
{
	unsigned char rnd[12];
	if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd)
		return -1;
	int at = snprintf(out, 33, "%08llx", (unsigned long long)time(NULL) & 0xffffffffull);
	for (size_t i = 0; i < sizeof rnd; i++)
		at += snprintf(out + at, (size_t)(33 - at), "%02x", rnd[i]);
	return 0;
}

/* What became of a transaction whose COMMIT got no answer: 1 committed,
 * 0 not (it may run again), -1 unknown. Asked of its own node when that
 * still answers, once the session that sent the COMMIT has ended there;
 * else of another node, with a causal read: a commit the dead node got
 * certified is in every other node's stream, one it did not is in none. */
static int commit_outcome(db *d, const char *mark, unsigned long thread, int node)
{
	struct node nodes[MAX_NODES];
	int n = read_nodes(nodes);
	drop_connection(d);
	if (node >= 0 && node < n && connect_node(d, &nodes[node], (unsigned)cfg_int("DB.ConnectTimeout", 5)) == 0) {
		d->node = node;
		long long alive = 1;
		for (int i = 0; i < 100 && alive; i++) {
			if (db_int(d, &alive, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?", "i",
				   (long long)thread) != 1)
				return -1;
			if (alive)
				usleep(100000);
		}
		if (alive)
			return -1;
	} else {
		node_failed(node);
		if (connect_db(d) != 0)
			return -1;
	}
	int was = d->causal_wanted;
	long long found = 0;
	d->causal_wanted = 1;
	int rc = db_int(d, &found, "SELECT COUNT(*) FROM tx_commits WHERE id = ?", "s", mark);
	d->causal_wanted = was;
	return rc != 1 ? -1 : found > 0;
}

int db_forget_marks(db *d, int older_than_seconds)
{
	char upto[16];
	snprintf(upto, sizeof upto, "%08llx", (unsigned long long)(time(NULL) - older_than_seconds) & 0xffffffffull);
	return db_exec(d, "DELETE FROM tx_commits WHERE id < ? LIMIT 10000", "s", upto) < 0 ? -1 : 0;
}

/* COMMIT. DB.TestFault (tests only: tests/cluster) makes a first COMMIT
 * look like one whose node died: "commit-unsent" loses the connection
 * before it is sent, "commit-unanswered" right after the server committed,
 * so both ways through commit_outcome can be shown to work. */
static int send_commit(db *d, int first)
{
	const char *fault = first ? cfg_str("DB.TestFault", "") : "";
	int unanswered = strcmp(fault, "commit-unanswered") == 0;
	if (strcmp(fault, "commit-unsent") == 0 || (plain(d, "COMMIT") == 0 && unanswered)) {
		drop_connection(d);
		set_error(d, CR_SERVER_LOST, "DB.TestFault: no answer to COMMIT");
		return -1;
	}
	return d->last_errno ? -1 : 0;
}

/* How often a transaction that lost certification runs again: once is the
 * rule; a hot row written from several nodes at once (an account's user
 * count while its users are added through two consoles) may need more. */
static int conflict_retries(void)
{
	int n = cfg_int("DB.ConflictRetries", 5);
	return n < 1 ? 1 : n > 10 ? 10 : n;
}

static unsigned random_below(unsigned n)
{
	unsigned r = 0;
	if (getrandom(&r, sizeof r, 0) != (ssize_t)sizeof r)
		r = (unsigned)time(NULL);
	return r % n;
}

/* The transaction, run again whole when the server rolled it back: after
 * a certification conflict (DB.ConflictRetries times), once after its node
 * went away (on the next node). A body must therefore do nothing but
 * database work that its rollback undoes. */
int db_tx(db *d, int (*body)(void *ctx), void *ctx)
{
	int conflicts = 0, failovers = 0, marks = marking(), was_causal = d->causal_wanted;
	for (;;) {
		/* Run again, it first waits until its node has applied what beat
		 * it (a causal BEGIN): else it would lose to the same commit again. */
		d->causal_wanted = was_causal || conflicts || failovers;
		int begun = begin(d);
		d->causal_wanted = was_causal;
		if (begun != 0)
			return -1;
		int rc = body(ctx);
		unsigned why = d->doomed;
		char mark[33] = "";
		if (rc == 0 && !why && marks &&
		    (new_mark(mark) != 0 ||
		     db_exec(d, "INSERT INTO tx_commits (id) VALUES (?)", "s", mark) != 1)) {
			rc = -1;
			why = d->doomed;
		}
		if (rc == 0 && !why) {
			int node = d->node;
			unsigned long thread = d->conn ? mysql_thread_id(d->conn) : 0;
			int committed = send_commit(d, conflicts + failovers == 0);
			if (committed == 0) {
				d->in_tx = 0;
				return 0;
			}
			why = d->last_errno;
			d->in_tx = 0;
			d->doomed = 0;
			if (node_gone(why)) {
				int outcome = marks ? commit_outcome(d, mark, thread, node) : -1;
				if (outcome == 1) {
					log_info("db: no answer to COMMIT, but it was committed");
					return 0;
				}
				if (outcome < 0) {
					log_error("db: no answer to COMMIT: the transaction may or may not have been committed");
					set_error(d, why, "no answer to COMMIT: its outcome is unknown");
					return -1;
				}
			} else if (!conflict(why)) {
				log_error("db: %s in: COMMIT", d->last_error);
				return -1;
			}
		}
		db_rollback(d);
		if (!why)
			return rc > 0 ? rc : -1;
		if (conflict(why) && conflicts++ < conflict_retries()) {
			log_info("db: certification conflict; running the transaction again");
			/* Two writers of one hot row on two nodes: a moment's random
			 * pause lets the other one's commit through first. */
			if (conflicts > 1)
				usleep((useconds_t)(random_below(5000u << conflicts)));
			continue;
		}
		if (node_gone(why) && failovers++ == 0) {
			log_info("db: the node went away during a transaction; running it again on the next");
			continue;
		}
		set_error(d, why, conflict(why) ? "certification conflict, every time" : "the database node went away, twice");
		if (conflict(why))
			log_info("db: transaction given up: %s", d->last_error);
		else
			log_error("db: transaction given up: %s", d->last_error);
		return -1;
	}
}

struct claim_call {
	db *d;
	const char *select_sql, *lease_sql, *owner;
	int lease_seconds;
	long long id;
};

static int claim_one(void *ctx)
{
	struct claim_call *c = ctx;
	c->id = 0;
	int rc = db_int(c->d, &c->id, c->select_sql, "");
	if (rc != 1) {
		c->id = 0;
		return rc < 0 ? -1 : 0;
	}
	return db_exec(c->d, c->lease_sql, "sii", c->owner, (long long)c->lease_seconds, c->id) == 1 ? 0 : -1;
}

long long db_claim(db *d, const char *select_sql, const char *lease_sql, const char *owner, int lease_seconds)
{
	struct claim_call c = {d, select_sql, lease_sql, owner, lease_seconds, 0};
	if (db_tx(d, claim_one, &c) != 0)
		return db_errno(d) == DB_CONFLICT ? 0 : -1;
	return c.id;
}

int db_ping(db *d)
{
	clear_error(d);
	if (d->conn && !connection_dropped(d) && mysql_ping(d->conn) == 0)
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
