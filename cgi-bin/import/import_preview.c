/* The import preview (guide §2.8): the batch's pending rows, 50 to a page in
 * spreadsheet order, each with its status and what is wrong, every field
 * editable in place, the role as a drop-down, Delete, and a blank row to
 * add one. "No errors found" when no row has an error. After an Upload it
 * says how many users were added and offers their welcome emails. */
#include "cgi-bin/import/import_batch.h"
#include "lib/core/db_hdf.h"
#include "cgi-bin/core/listing.h"
#include "cgi-bin/core/request.h"
#include "cgi-bin/users/user_form.h"
#include "lib/import/import.h"

#include <stdio.h>
#include <string.h>

static const struct sort_column columns[] = {
	{"line", "line, id", 0},
	{NULL, NULL, 0},
};

/* Each error bit's message and the field it is shown next to. */
static const struct {
	unsigned bit;
	const char *field;
	const char *lang_key;
} messages[] = {
	{IMPORT_ERR_NAME, "name", "import.row_errors.name"},
	{IMPORT_ERR_TOO_LONG, "status", "import.row_errors.too_long"},
	{IMPORT_ERR_EMAIL, "email", "import.row_errors.email"},
	{IMPORT_ERR_TAKEN, "email", "import.row_errors.taken"},
	{IMPORT_ERR_DUPLICATE, "email", "import.row_errors.duplicate"},
	{IMPORT_ERR_ROLE, "role", "import.row_errors.role"},
};

static void publish_row_errors(struct req *r, int n)
{
	char key[96];
	for (int i = 0; i < n; i++) {
		snprintf(key, sizeof key, "Rows.%d.errors", i);
		unsigned errors = (unsigned)hdf_get_int_value(r->hdf, key, 0);
		for (size_t m = 0; m < sizeof messages / sizeof messages[0]; m++) {
			if (!(errors & messages[m].bit))
				continue;
			snprintf(key, sizeof key, "Rows.%d.err.%s", i, messages[m].field);
			if (!hdf_get_obj(r->hdf, key))
				hdf_set_value(r->hdf, key, lang(r, messages[m].lang_key));
		}
	}
}

int import_preview_render(struct req *r)
{
	r->template = "import/import_preview.cs";
	if (!import_allowed(r))
		return NOT_FOUND;
	long long batch_id;
	int found = import_batch_load(r, &batch_id);
	if (found != 1)
		return found < 0 ? SERVER_ERROR : NOT_FOUND;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "import.preview_title"));
	user_publish_role_options(r);

	struct listing l;
	listing_read(r, &l, columns);
	int only_errors = strcmp(form(r, "only"), "errors") == 0;
	hdf_set_int_value(r->hdf, "Preview.OnlyErrors", only_errors);
	hdf_set_int_value(r->hdf, "Preview.Added", form_checked(r, "added"));
	long long total = hdf_get_int_value(r->hdf, only_errors ? "Batch.with_errors" : "Batch.pending", 0);
	listing_clamp(&l, total);
	int n = only_errors
		? db_rows(r->db, r->hdf, "Rows",
			  "SELECT id, line, first_name, last_name, name, email, role_text, role, errors FROM import_rows"
			  " WHERE batch_id = ? AND account_id = ? AND state = 'pending' AND errors <> 0"
			  " ORDER BY line, id LIMIT ? OFFSET ?",
			  "isii", batch_id, r->acct.id, (long long)l.per_page, (long long)l.offset)
		: db_rows(r->db, r->hdf, "Rows",
			  "SELECT id, line, first_name, last_name, name, email, role_text, role, errors FROM import_rows"
			  " WHERE batch_id = ? AND account_id = ? AND state = 'pending'"
			  " ORDER BY line, id LIMIT ? OFFSET ?",
			  "isii", batch_id, r->acct.id, (long long)l.per_page, (long long)l.offset);
	if (n < 0)
		return SERVER_ERROR;
	publish_row_errors(r, n);
	char text[256];
	lang_number(r, "import.rows_with_errors", hdf_get_int_value(r->hdf, "Batch.with_errors", 0), text, sizeof text);
	hdf_set_value(r->hdf, "Preview.ErrorsText", text);
	lang_number(r, "import.pending", hdf_get_int_value(r->hdf, "Batch.pending", 0), text, sizeof text);
	hdf_set_value(r->hdf, "Preview.PendingText", text);
	lang_number(r, "import.added", hdf_get_int_value(r->hdf, "Batch.added_count", 0), text, sizeof text);
	hdf_set_value(r->hdf, "Preview.AddedText", text);
	static const char *const keep[] = {"only", NULL};
	listing_publish(r, &l, total, keep);
	return DONE;
}

int import_preview_get(struct req *r)
{
	return import_preview_render(r);
}
