/* Corrections in the import preview (guide §2.8): save a row's fields
 * (a new row when none is named: Add Row), or delete a row. Either way the
 * batch is re-validated at once and the preview shown again on the same
 * page; a row keeps its values even when they are wrong, with the error
 * next to them, as the preview is where errors are corrected. */
#include "cgi-bin/import/import_batch.h"
#include "cgi-bin/core/request.h"
#include "lib/import/import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GONE 1

static const char *const field_names[IMPORT_FIELDS] = {"first_name", "last_name", "name", "email", "role"};

/* Back to the page the row was on (the last page for a new row). */
static int back_to_preview(struct req *r, long long row_id, int to_last)
{
	long page = to_last ? 1000000 : in_int(r, "page") > 0 ? (long)in_int(r, "page") : 1;
	const char *only = strcmp(in(r, "only"), "errors") == 0 ? "&only=errors" : "";
	if (row_id > 0)
		return done(r, NULL, "/a/%s/users/import/%lld?page=%ld%s#row-%lld", r->acct.id, r->id, page, only, row_id);
	return done(r, NULL, "/a/%s/users/import/%lld?page=%ld%s", r->acct.id, r->id, page, only);
}

struct save {
	long long row_id;
	char *v[IMPORT_FIELDS];
};

/* With the batch locked: the row saved (its id in row_id, 0 when that row is
 * no pending row of the batch: deleted or added meanwhile), GONE when the
 * batch is. */
static int save_row(struct req *r, void *arg)
{
	struct save *s = arg;
	int locked = import_batch_lock(r->db, r->acct.id, r->id);
	if (locked != 1)
		return locked == 0 ? GONE : -1;
	long long saved = import_row_save(r->db, r->acct.id, r->id, s->row_id, s->v);
	if (saved < 0)
		return -1;
	s->row_id = saved;
	return 0;
}

int import_row_post(struct req *r)
{
	if (form_has_errors(r)) {
		/* Not text this form sends: nothing saved, the preview as it is
		 * (the form has no page of its own to come back to). */
		field_error(r, "row", "errors.invalid_text");
		r->status = 422;
		return import_preview_render(r);
	}
	struct save s = {.row_id = in_int(r, "row")};
	int rc = 0;
	/* Cleaned as the spreadsheet's cells are. */
	for (int f = 0; f < IMPORT_FIELDS && rc == 0; f++)
		if (!(s.v[f] = strdup(in(r, field_names[f]))))
			rc = -1;
		else
			import_clean_text(s.v[f]);
	long long asked = s.row_id;
	if (rc == 0)
		rc = tx(r, save_row, &s);
	for (int f = 0; f < IMPORT_FIELDS; f++)
		free(s.v[f]);
	if (rc < 0)
		return SERVER_ERROR;
	if (rc == GONE)
		return NOT_FOUND;
	return back_to_preview(r, s.row_id, asked == 0);
}

static int delete_row(struct req *r, void *arg)
{
	int locked = import_batch_lock(r->db, r->acct.id, r->id);
	if (locked != 1)
		return locked == 0 ? GONE : -1;
	return import_row_delete(r->db, r->acct.id, r->id, in_int(r, "row")) < 0 ? -1 : 0;
}

int import_row_delete_post(struct req *r)
{
	if (form_has_errors(r))
		return invalid(r);
	int rc = tx(r, delete_row, NULL);
	if (rc != 0)
		return rc == GONE ? NOT_FOUND : SERVER_ERROR;
	/* A row already gone (a second click) is no error: the preview shows what is left. */
	return back_to_preview(r, 0, 0);
}
