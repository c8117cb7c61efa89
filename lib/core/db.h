#ifndef SB_DB_H
#define SB_DB_H
/* MariaDB access through prepared statements only.
 *
 * Every call takes the SQL as a string literal and its parameters described by
 * a format: 's' a string (NULL binds SQL NULL), 'i' a long long, 'b' a blob
 * given as (const void *, size_t). No SQL text is ever built from input.
 * Statements are prepared once per connection and cached by their text, so
 * a worker prepares each statement once in its life. */
#include <ClearSilver.h>
#include <stddef.h>

typedef struct db db;

db *db_open(void);                  /* connects with the DB.* settings of the config */
void db_close(db *d);
const char *db_error(const db *d);  /* last error text, for logs only */
unsigned db_errno(const db *d);     /* last server error number (1062 = duplicate key) */

int db_begin(db *d);
int db_commit(db *d);
void db_rollback(db *d);

/* Runs a statement; returns rows affected, or -1 on error. */
long long db_exec(db *d, const char *sql, const char *fmt, ...);
unsigned long long db_insert_id(db *d);

/* Appends every row of the result under prefix.N.column (N from 0) in hdf;
 * returns the number of rows, or -1 on error. */
int db_rows(db *d, HDF *hdf, const char *prefix, const char *sql, const char *fmt, ...);

/* Puts the first row under prefix.column; returns 1 if there was a row,
 * 0 if none, -1 on error. */
int db_row(db *d, HDF *hdf, const char *prefix, const char *sql, const char *fmt, ...);

/* First column of the first row: copied into out (size n) or read as integer.
 * Return 1 found, 0 no row (out untouched), -1 error. */
int db_str(db *d, char *out, size_t n, const char *sql, const char *fmt, ...);
int db_int(db *d, long long *out, const char *sql, const char *fmt, ...);

/* Runs a file of ';'-terminated statements (schema, migrations). */
int db_exec_script(db *d, const char *path);
#endif
