#ifndef SB_EVENTS_PREFS_H
#define SB_EVENTS_PREFS_H
/* A person's columns of a table (Show/hide columns, guide §2.16 and
 * §2.17.1): which of a table's columns they see, in which order, saved per
 * user (user_table_prefs). A column the table gains later appears where
 * its definition puts it, shown if it is shown by default. */
#include <stddef.h>
#include "lib/core/db.h"

struct table_column {
	const char *key;
	int shown;              /* shown by default */
	int fixed;              /* always shown, cannot be hidden (SWA Status) */
};

#define TABLE_COLUMNS_MAX 16
/* The columns in the person's order: order[i] indexes the definition. */
struct table_layout {
	int n;
	int order[TABLE_COLUMNS_MAX];
	int shown[TABLE_COLUMNS_MAX];
};

void table_layout_default(const struct table_column *cols, int n, struct table_layout *out);
/* The stored text ("key,-hidden_key,...") over the definition: unknown keys
 * are dropped, missing ones added at their default place. */
void table_layout_parse(const struct table_column *cols, int n, const char *text, struct table_layout *out);
void table_layout_format(const struct table_column *cols, const struct table_layout *l, char *out, size_t size);
/* Moves the column at position i one place up (-1) or down (+1). */
void table_layout_move(struct table_layout *l, int i, int step);

/* The user's layout of table_key (the default when none is saved): 0, or -1. */
int table_layout_load(db *d, long long user_id, const char *table_key, const struct table_column *cols, int n,
		      struct table_layout *out);
int table_layout_save(db *d, long long user_id, const char *table_key, const struct table_column *cols,
		      const struct table_layout *l);
#endif
