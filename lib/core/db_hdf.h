#ifndef SB_DB_HDF_H
#define SB_DB_HDF_H
/* Transitional: query results straight into an HDF tree, for the screens
 * not yet moved to typed lib/ functions. Removed once none uses it. */
#include <ClearSilver.h>
#include "lib/core/db.h"

/* Every row under prefix.N.column (N from 0); the number of rows or -1. */
int db_rows(db *d, HDF *hdf, const char *prefix, const char *sql, const char *fmt, ...);
/* The first row under prefix.column; 1 found, 0 none, -1 error. */
int db_row(db *d, HDF *hdf, const char *prefix, const char *sql, const char *fmt, ...);
#endif
