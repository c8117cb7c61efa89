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

db *db_open(void);                  /* connects with the DB.* settings of the config */
void db_close(db *d);
const char *db_error(const db *d);  /* the last call's error text, for logs only ("" when it succeeded) */
unsigned db_errno(const db *d);     /* the last call's server error number (1062 = duplicate key) */
int db_ping(db *d);                 /* 0 when the server answers (reconnecting if it can) */

/* Transactions do not nest: db_begin inside one fails (and logs). */
int db_begin(db *d);
int db_commit(db *d);
void db_rollback(db *d);
int db_in_tx(const db *d);

/* Runs body(ctx) in a transaction: begin, run, then commit when it returns
 * 0, roll back otherwise. Returns 0 when committed, body's own positive
 * value when it refused (a rule said no: nothing was written), -1 on error. */
int db_tx(db *d, int (*body)(void *ctx), void *ctx);

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
