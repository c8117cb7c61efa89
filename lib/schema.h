#ifndef SB_SCHEMA_H
#define SB_SCHEMA_H
/* Creating and updating the database schema (ARCHITECTURE §5): schema.sql
 * creates what is missing, then every migrations/NNN-name.sql not applied
 * yet runs once, in name order, and is recorded in schema_migrations. */
#include "lib/core/db.h"

/* Calls applied(name) for each migration it ran. 0, or -1 (db_error() and
 * *failed, the file that failed, say why). */
int schema_migrate(db *d, const char *schema_file, const char *migrations_dir, void (*applied)(const char *name),
		   const char **failed);
#endif
