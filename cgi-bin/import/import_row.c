/* Corrections in the import preview (guide §2.8): save a row's fields
 * (a new row when none is named: Add Row), or delete a row. Either way the
 * batch is re-validated at once and the preview shown again on the same
 * page; a row keeps its values even when they are wrong, with the error
 * next to them, as the preview is where errors are corrected. */
#include "cgi-bin/import/import_batch.h"
#include "cgi-bin/core/request.h"
#include "lib/import/import.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const field_names[IMPORT_FIELDS] = {"first_name", "last_name", "name", "email", "role"};

/* Back to the page the row was on (the last page for a new row). */
static void back_to_preview(struct req *r, long long batch_id, long long row_id, int to_last)
{
	char path[160];
	import_batch_path(r, batch_id, path, sizeof path);
	long page = form_int(r, "page", 1, 1, 1000000);
	const char *only = strcmp(form(r, "only"), "errors") == 0 ? "&only=errors" : "";
	if (to_last)
		page = 1000000;   /* the preview shows its last page for a page past the end */
	if (row_id > 0)
		redirect(r, "%s?page=%ld%s#row-%lld", path, page, only, row_id);
	else
		redirect(r, "%s?page=%ld%s", path, page, only);
}

static int batch_of_path(struct req *r, long long *batch_id)
{
	if (!import_allowed(r))
		return NOT_FOUND;
	*batch_id = strtoll(r->path_id, NULL, 10); /* valid_id: 1 to 18 digits */
	return DONE;
}

/* Reads the five fields, cleaned as the spreadsheet's cells are. 1 when
 * all are text a browser sends; -1 when out of memory. */
static int read_fields(struct req *r, char *v[IMPORT_FIELDS])
{
	int ok = 1;
	for (int f = 0; f < IMPORT_FIELDS; f++) {
		const char *typed = form(r, field_names[f]);
		if (!valid_utf8(typed) || utf8_length(typed) > 4 * IMPORT_STORED_MAX)
			ok = 0;
		v[f] = strdup(ok ? typed : "");
		if (!v[f])
			ok = -1;
		else
			import_clean_text(v[f]);
	}
	return ok;
}

/* Saves inside one transaction with the batch locked: the row id, 0 when
 * the row is gone (deleted or added meanwhile), -404 when the batch is, -1 on error. */
static long long save(struct req *r, long long batch_id, long long row_id, char *v[IMPORT_FIELDS])
{
	if (db_begin(r->db) != 0)
		return -1;
	int locked = import_batch_lock(r->db, r->acct.id, batch_id);
	long long saved = locked == 1 ? import_row_save(r->db, r->acct.id, batch_id, row_id, v) : locked == 0 ? -404 : -1;
	if (saved <= 0 || db_commit(r->db) != 0) {
		db_rollback(r->db);
		return saved > 0 ? -1 : saved;
	}
	return saved;
}

int import_row_post(struct req *r)
{
	long long batch_id;
	int rc = batch_of_path(r, &batch_id);
	if (rc != DONE)
		return rc;
	long long row_id = form_int(r, "row", -1, 0, 2147483647L);
	if (row_id < 0)
		return NOT_FOUND;
	char *v[IMPORT_FIELDS] = {0};
	int ok = read_fields(r, v);
	long long saved = ok == 1 ? save(r, batch_id, row_id, v) : 0;
	for (int f = 0; f < IMPORT_FIELDS; f++)
		free(v[f]);
	if (ok == 0) {
		/* Not text this form sends: nothing saved, the preview as it is. */
		field_error(r, "row", "errors.invalid_text");
		r->status = 422;
		return import_preview_render(r);
	}
	if (ok < 0 || saved == -1)
		return SERVER_ERROR;
	if (saved == -404)
		return NOT_FOUND;
	back_to_preview(r, batch_id, saved, row_id == 0);
	return DONE;
}

int import_row_delete_post(struct req *r)
{
	long long batch_id;
	int rc = batch_of_path(r, &batch_id);
	if (rc != DONE)
		return rc;
	long long row_id = form_int(r, "row", 0, 1, 2147483647L);
	if (row_id == 0)
		return NOT_FOUND;
	if (db_begin(r->db) != 0)
		return SERVER_ERROR;
	int locked = import_batch_lock(r->db, r->acct.id, batch_id);
	int deleted = locked == 1 ? import_row_delete(r->db, r->acct.id, batch_id, row_id) : locked;
	if (locked != 1 || deleted < 0 || db_commit(r->db) != 0) {
		db_rollback(r->db);
		return locked == 0 ? NOT_FOUND : SERVER_ERROR;
	}
	/* A row already gone (a second click) is no error: the preview shows what is left. */
	back_to_preview(r, batch_id, 0, 0);
	return DONE;
}
