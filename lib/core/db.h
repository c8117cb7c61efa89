#ifndef SB_DB_H
#define SB_DB_H
/* MariaDB access through prepared statements only.
 *
 * Every call takes the SQL as a string literal and its parameters described by
 * a format: 's' a string (NULL binds SQL NULL), 'i' a long long, 'b' a blob
 * given as (const void *, size_t). No SQL text is ever built from input.
 * Statements are prepared once per connection and kept in a cache evicted
 * least-recently-used, so a worker prepares each statement once in its life
 * and a connection never holds more than DB_STMT_CACHE of them (MariaDB's
 * max_prepared_stmt_count is shared by every connection).
 *
 * Results come back as rows handed to a callback (db_each, db_one); a row's
 * columns are read by name, integer columns as numbers. This layer never
 * builds template data: lib/ fills C structs, the console fills its HDF. */
#include <stddef.h>

#define DB_STMT_CACHE 128

typedef struct db db;
struct db_row;

/* Connects with the DB.* settings of the config: DB.Nodes (a list: each a
 * unix socket path or host:port, the process's own node first), else
 * DB.Socket or DB.Host and DB.Port. A node that is down, or a Galera node
 * not ready for clients, is passed over for the next; when a connection's
 * node goes away the next call fails over along the list. Outside a
 * transaction a read that lost its node runs again on the next; a
 * single-statement write that lost its node is not sent twice (its outcome
 * is unknown: the call fails), and one that lost certification is. */
db *db_open(void);
void db_close(db *d);
const char *db_error(const db *d);  /* the last call's error text, for logs only ("" when it succeeded) */
unsigned db_errno(const db *d);     /* the last call's server error number (1062 = duplicate key) */
int db_ping(db *d);                 /* 0 when the server answers (reconnecting if it can) */

/* Every transaction is a db_tx (or a db_claim): nothing else begins or
 * commits one, so none misses what db_tx does for a cluster. A caller only
 * looks whether one was left open, and rolls it back. */
void db_rollback(db *d);
int db_in_tx(const db *d);

/* Runs body(ctx) in a transaction: begin, run, then commit when it returns
 * 0, roll back otherwise. Returns 0 when committed, body's own positive
 * value when it refused (a rule said no: nothing was written), -1 on error.
 *
 * On a Galera cluster (ARCHITECTURE §10) the server may roll a transaction
 * back whole: a certification conflict with a commit on another node
 * (error 1213, at COMMIT or at any statement), or its node going away.
 * db_tx then runs body again on a fresh transaction that first waits for
 * its node to apply what beat it (on the next node after a lost one): up
 * to DB.ConflictRetries times (5; with a growing random pause from the
 * second) after conflicts, once after a lost node. So a body must do
 * nothing but database work that a rollback undoes, and must not count on
 * state it changed in ctx on an earlier run. A COMMIT that got no answer is not run again blindly: with
 * several nodes every db_tx writes a commit mark, read back on a live node
 * to tell whether it was committed; when that cannot be told, db_tx returns
 * -1 and logs the ambiguity. Every write of more than one statement is
 * one db_tx; transactions do not nest (a db_tx inside one fails, and logs). */
int db_tx(db *d, int (*body)(void *ctx), void *ctx);
/* db_errno after a db_tx that lost certification every time: under contention
 * (two claims of the same row on two nodes) an outcome, not a fault. */
#define DB_CONFLICT 1213

/* Claims one row of a work queue for owner, under a lease (ARCHITECTURE §7,
 * §10): select_sql (no parameters) picks one due row's id with FOR UPDATE
 * SKIP LOCKED; lease_sql (parameters: owner, lease seconds, id) writes the
 * lease on it, changing exactly one row. Both in one db_tx. On Galera, SKIP
 * LOCKED sees only this node's locks, so two processes on two nodes may
 * pick the same row; the later commit loses certification and db_tx claims
 * again from scratch (after its node applied the winner's lease, so it
 * skips that row). Losing every time means others are busy with the head
 * of the queue: 0, nothing claimed, no error. So a row is claimed by one
 * owner at a time and never lost (an expired lease frees it). Returns the
 * id, 0 when nothing is due, -1 on error. Every claim of a queue goes
 * through here. */
long long db_claim(db *d, const char *select_sql, const char *lease_sql, const char *owner, int lease_seconds);

/* Deletes commit marks older than that (syncd, now and then). */
int db_forget_marks(db *d, int older_than_seconds);

/* Causal reads (Galera's wsrep_sync_wait): while on, every read waits until
 * its node has applied every commit the cluster made before it - the read
 * sees every write acknowledged anywhere. The console turns it on for a
 * request that follows its own write (ARCHITECTURE §10). No effect on one
 * server without Galera. */
void db_causal(db *d, int on);
int db_galera(const db *d);         /* 1 when connected to a Galera node */

/* Between units of work: a process that failed over to another node goes
 * back to the first of its DB.Nodes once that answers again (looked at most
 * every 30 seconds). */
void db_settle(db *d);

/* Runs a statement; returns rows affected, or -1 on error. */
long long db_exec(db *d, const char *sql, const char *fmt, ...);
unsigned long long db_insert_id(db *d);

/* Runs a query and calls fn for every row (in order); fn returns 0 to go
 * on. Returns the number of rows, or -1 on error (or when fn failed). */
typedef int (*db_row_fn)(void *ctx, const struct db_row *row);
int db_each(db *d, db_row_fn fn, void *ctx, const char *sql, const char *fmt, ...);
/* db_each for a statement whose number of parameters is chosen when it
 * runs (a union of one range per value): the parameters are an array of
 * text, one per letter of fmt: 's' bound as text (NULL as SQL NULL), which
 * MariaDB converts to the column it meets, 'i' as the integer it spells. */
int db_each_text(db *d, db_row_fn fn, void *ctx, const char *sql, const char *fmt, const char *const *values);
/* Only the first row: 1 found, 0 none, -1 error. */
int db_one(db *d, db_row_fn fn, void *ctx, const char *sql, const char *fmt, ...);

/* First column of the first row: copied into out (size n) or as an integer.
 * 1 found, 0 no row (out untouched), -1 error. */
int db_str(db *d, char *out, size_t n, const char *sql, const char *fmt, ...);
int db_int(db *d, long long *out, const char *sql, const char *fmt, ...);

/* A row's column by name: text ("" for NULL), integer (0 for NULL; text
 * columns are parsed), NULL test, and a bounded copy. An unknown name is a
 * programming error: it is logged and reads as NULL. */
const char *row_str(const struct db_row *row, const char *col);
long long row_int(const struct db_row *row, const char *col);
int row_null(const struct db_row *row, const char *col);
void row_copy(const struct db_row *row, const char *col, char *out, size_t n);
/* A column's length in bytes: what row_str holds of a blob, which may
 * contain NUL bytes (0 for NULL). */
size_t row_len(const struct db_row *row, const char *col);
/* The result's columns, for code that passes every column on (exports). */
unsigned row_columns(const struct db_row *row);
const char *row_name(const struct db_row *row, unsigned i);

/* Runs a file of ';'-terminated statements (schema, migrations). */
int db_exec_script(db *d, const char *path);
#endif
