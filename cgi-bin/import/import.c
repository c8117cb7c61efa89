/* Import Users (guide §2.8): the panel with the spreadsheet template link and
 * Upload, and the upload itself. A file that passes the file rules (type,
 * size, zip bomb, headers, rows) becomes an import batch and the browser goes
 * to its preview; one that does not is refused with the reason next to the
 * file field, and nothing is stored. The account's unfinished imports are
 * offered for resuming. */
#include "cgi-bin/core/request.h"
#include "lib/import/import.h"
#include "lib/sheet/import_sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct unfinished {
	struct req *r;
	int n;
};

static int publish_unfinished(void *ctx, const struct import_unfinished *b)
{
	struct unfinished *u = ctx;
	HDF *h;
	char key[32];
	snprintf(key, sizeof key, "Unfinished.%d", u->n++);
	if (hdf_get_node(u->r->hdf, key, &h) != STATUS_OK)
		return -1;
	hdf_set_valuef(h, "id=%lld", b->id);
	hdf_set_value(h, "file_name", b->file_name);
	hdf_set_value(h, "created", b->created);
	hdf_set_valuef(h, "pending=%lld", b->pending);
	return 0;
}

int import_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "import.import.title"));
	hdf_set_int_value(r->hdf, "Import.MaxMB", (int)(SHEET_MAX_FILE / (1024 * 1024)));
	hdf_set_int_value(r->hdf, "Import.MaxRows", IMPORT_MAX_ROWS);
	struct unfinished u = {r, 0};
	return import_unfinished_each(r->db, r->acct.id, publish_unfinished, &u) < 0 ? SERVER_ERROR : DONE;
}

/* The uploaded file, whole, in memory: at most SHEET_MAX_FILE + 1 bytes are
 * read, so a larger one is recognised without holding it. */
static char *read_upload(FILE *f, size_t *len)
{
	char *buf = malloc(SHEET_MAX_FILE + 1);
	if (!buf)
		return NULL;
	rewind(f);
	*len = fread(buf, 1, SHEET_MAX_FILE + 1, f);
	return buf;
}

/* "The spreadsheet has no column EMAIL." with the missing headers listed. */
static void headers_error(struct req *r, unsigned missing)
{
	char names[128] = "";
	for (int f = 0; f < IMPORT_FIELDS; f++) {
		if (!(missing & (1u << f)))
			continue;
		size_t n = strlen(names);
		snprintf(names + n, sizeof names - n, "%s%s", n ? ", " : "", import_field_header((enum import_field)f));
	}
	field_error(r, "file", "import.import.errors.headers");
	hdf_set_value(r->hdf, "Import.MissingHeaders", names);
}

/* Only the name's last part: browsers may send a path. */
static const char *base_name(const char *file_name)
{
	const char *base = strrchr(file_name, '/');
	base = base ? base + 1 : file_name;
	const char *back = strrchr(base, '\\');
	return back ? back + 1 : base;
}

int import_post(struct req *r)
{
	if (form_has_errors(r))
		return invalid(r);
	const char *file_name = in(r, "file");
	FILE *f = *file_name ? cgi_filehandle(r->cgi, "file") : NULL;
	struct import_sheet sheet;
	enum import_file_error e;
	char *data = NULL;
	size_t len = 0;
	if (!f) {
		e = import_parse("", NULL, 0, &sheet);
	} else if (!(data = read_upload(f, &len))) {
		return SERVER_ERROR;
	} else {
		file_name = base_name(file_name);
		e = import_parse(file_name, data, len, &sheet);
	}
	free(data);
	if (e == IMPORT_FILE_NO_MEMORY) {
		import_sheet_free(&sheet);
		return SERVER_ERROR;
	}
	if (e != IMPORT_FILE_OK) {
		if (e == IMPORT_FILE_HEADERS)
			headers_error(r, sheet.missing);
		else
			field_error(r, "file", import_file_error_key(e));
		import_sheet_free(&sheet);
		return invalid(r);
	}
	long long batch_id = 0;
	int rc = import_batch_create(r->db, r->acct.id, r->me.id, file_name, &sheet, &batch_id);
	import_sheet_free(&sheet);
	if (rc != 0)
		return SERVER_ERROR;
	return done(r, NULL, "/a/%s/users/import/%lld", r->acct.id, batch_id);
}
