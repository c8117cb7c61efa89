/* The import preview (guide §2.8): the batch's pending rows, 50 to a page in
 * spreadsheet order, each with its status and what is wrong, every field
 * editable in place, the role as a drop-down, Delete, and a blank row to
 * add one. "No errors found" when no row has an error. After an Upload it
 * says how many users were added and offers their welcome emails; once
 * every row is added the import is finished, and neither Add Row nor
 * Cancel is offered any more (there is nothing left to add or discard). */
#include "cgi-bin/import/import_batch.h"
#include "cgi-bin/core/listing.h"
#include "cgi-bin/core/request.h"
#include "cgi-bin/users/user_form.h"
#include "lib/import/import.h"

#include <stdio.h>
#include <string.h>

static const struct sort_column columns[] = {
	{"line", 0},
	{NULL, 0},
};

/* Each error bit's message and the field it is shown next to. */
static const struct {
	unsigned bit;
	const char *field;
	const char *lang_key;
} messages[] = {
	{IMPORT_ERR_NAME, "name", "import.import_preview.row_errors.name"},
	{IMPORT_ERR_TOO_LONG, "status", "import.import_preview.row_errors.too_long"},
	{IMPORT_ERR_EMAIL, "email", "import.import_preview.row_errors.email"},
	{IMPORT_ERR_TAKEN, "email", "import.import_preview.row_errors.taken"},
	{IMPORT_ERR_DUPLICATE, "email", "import.import_preview.row_errors.duplicate"},
	{IMPORT_ERR_ROLE, "role", "import.import_preview.row_errors.role"},
};

static const char *const field_names[IMPORT_FIELDS] = {"first_name", "last_name", "name", "email", "role_text"};

struct rows {
	struct req *r;
	int n;
};

static int publish_row(void *ctx, const struct import_row_view *x)
{
	struct rows *rows = ctx;
	struct req *r = rows->r;
	HDF *h;
	char key[64];
	snprintf(key, sizeof key, "Rows.%d", rows->n++);
	if (hdf_get_node(r->hdf, key, &h) != STATUS_OK)
		return -1;
	hdf_set_valuef(h, "id=%lld", x->id);
	hdf_set_int_value(h, "line", (int)x->line);
	for (int f = 0; f < IMPORT_FIELDS; f++)
		hdf_set_value(h, field_names[f], x->v[f]);
	hdf_set_value(h, "role", x->role);
	hdf_set_int_value(h, "errors", (int)x->errors);
	for (size_t m = 0; m < sizeof messages / sizeof messages[0]; m++) {
		snprintf(key, sizeof key, "err.%s", messages[m].field);
		if ((x->errors & messages[m].bit) && !hdf_get_obj(h, key))
			hdf_set_value(h, key, lang(r, messages[m].lang_key));
	}
	return 0;
}

int import_preview_render(struct req *r)
{
	r->template = "import/import_preview.cs";
	const struct import_batch *b = &r->obj.batch;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "import.import_preview.title"));
	hdf_set_valuef(r->hdf, "Batch.id=%lld", b->id);
	hdf_set_value(r->hdf, "Batch.file_name", b->file_name);
	hdf_set_valuef(r->hdf, "Batch.added_count=%lld", b->added_count);
	hdf_set_valuef(r->hdf, "Batch.pending=%lld", b->pending);
	hdf_set_valuef(r->hdf, "Batch.with_errors=%lld", b->with_errors);
	user_publish_role_options(r);

	struct listing l;
	listing_read(r, &l, columns);
	int only_errors = strcmp(form(r, "only"), "errors") == 0;
	hdf_set_int_value(r->hdf, "Preview.OnlyErrors", only_errors);
	hdf_set_int_value(r->hdf, "Preview.Added", form_checked(r, "added"));
	long long total = only_errors ? b->with_errors : b->pending;
	listing_clamp(&l, total);
	struct rows rows = {r, 0};
	if (import_rows_each(r->db, r->acct.id, b->id, only_errors, l.per_page, l.offset, publish_row, &rows) < 0)
		return SERVER_ERROR;
	char text[256];
	lang_count(r, "import.import_preview.rows_with_errors_one", "import.import_preview.rows_with_errors_other",
		   b->with_errors, text, sizeof text);
	hdf_set_value(r->hdf, "Preview.ErrorsText", text);
	lang_count(r, "import.import_preview.pending_one", "import.import_preview.pending_other", b->pending, text,
		   sizeof text);
	hdf_set_value(r->hdf, "Preview.PendingText", text);
	lang_count(r, "import.import_preview.added_one", "import.import_preview.added_other", b->added_count, text,
		   sizeof text);
	hdf_set_value(r->hdf, "Preview.AddedText", text);
	static const char *const keep[] = {"only", NULL};
	listing_publish(r, &l, total, keep);
	return DONE;
}

int import_preview_get(struct req *r)
{
	return import_preview_render(r);
}
