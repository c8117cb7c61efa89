#ifndef SB_COLUMNS_FORM_H
#define SB_COLUMNS_FORM_H
/* Show/hide columns (guide §2.16, §2.17.1): a table's columns with a
 * checkbox each and their order, saved per user (lib/events_prefs.h). It
 * works without script: Move up and Move down save and draw the form
 * again; with script the rows are dragged (static/js/events.js). The Event
 * History and the Platforms list share it. */
#include "cgi-bin/core/request.h"
#include "lib/events_prefs.h"

struct columns_def {
	const char *table_key;          /* user_table_prefs.table_key */
	const struct table_column *cols;
	int n;
	const char *lang_group;         /* the columns' labels: <lang_group>.<key> */
};

/* The form: ColumnsForm.N (key, label, shown, fixed), Columns.Back (the
 * list, with the query string it came from in ?back=). */
int columns_form_get(struct req *r, const struct columns_def *def, const char *list_path);
/* Saves order (the keys in order), shown (the keys checked) and, for a
 * move ("key:up" or "key:down"), draws the form again; reset goes back to
 * the table's defaults. Then back to the list. */
int columns_form_post(struct req *r, const struct columns_def *def, const char *list_path, const char *form_path);
#endif
