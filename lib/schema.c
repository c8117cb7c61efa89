#include "lib/schema.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int is_migration(const char *name)
{
	size_t len = strlen(name);
	return len > 4 && strcmp(name + len - 4, ".sql") == 0;
}

/* Runs one migration unless it ran before: 1 ran, 0 already applied, -1 error. */
static int apply(db *d, const char *dir, const char *name)
{
	long long seen = 0;
	if (db_int(d, &seen, "SELECT COUNT(*) FROM schema_migrations WHERE name = ?", "s", name) != 1)
		return -1;
	if (seen)
		return 0;
	char path[PATH_MAX + 256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (db_exec_script(d, path) != 0 ||
	    db_exec(d, "INSERT INTO schema_migrations (name, applied_at) VALUES (?, UTC_TIMESTAMP())", "s", name) != 1)
		return -1;
	return 1;
}

int schema_migrate(db *d, const char *schema_file, const char *migrations_dir, void (*applied)(const char *name),
		   const char **failed)
{
	*failed = schema_file;
	if (db_exec_script(d, schema_file) != 0)
		return -1;
	struct dirent **names;
	int n = scandir(migrations_dir, &names, NULL, by_name);
	int rc = 0;
	for (int i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		if (rc == 0 && is_migration(name)) {
			int ran = apply(d, migrations_dir, name);
			if (ran < 0) {
				static char which[256];
				snprintf(which, sizeof which, "%s", name);
				*failed = which;
				rc = -1;
			} else if (ran && applied) {
				applied(name);
			}
		}
		free(names[i]);
	}
	if (n >= 0)
		free(names);
	return rc;
}
