#include "lib/import/import.h"
#include "lib/sheet/csv_read.h"
#include "lib/sheet/xlsx_read.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const headers[IMPORT_FIELDS] = {"FIRST NAME", "LAST NAME", "NAME", "EMAIL", "ROLE"};

const char *import_field_header(enum import_field f)
{
	return headers[f];
}

const char *import_file_error_key(enum import_file_error e)
{
	switch (e) {
	case IMPORT_FILE_OK: return "";
	case IMPORT_FILE_NONE: return "import.import.errors.no_file";
	case IMPORT_FILE_TOO_BIG: return "import.import.errors.too_big";
	case IMPORT_FILE_TYPE: return "import.import.errors.file_type";
	case IMPORT_FILE_NOT_XLSX: return "import.import.errors.not_xlsx";
	case IMPORT_FILE_NOT_CSV: return "import.import.errors.not_csv";
	case IMPORT_FILE_DAMAGED: return "import.import.errors.damaged";
	case IMPORT_FILE_INFLATED: return "import.import.errors.inflated";
	case IMPORT_FILE_HEADERS: return "import.import.errors.headers";
	case IMPORT_FILE_EMPTY: return "import.import.errors.empty";
	case IMPORT_FILE_TOO_MANY_ROWS: return "import.import.errors.too_many_rows";
	case IMPORT_FILE_NO_MEMORY: break;
	}
	return "import.import.errors.damaged";
}

/* Header text compared without case, spaces, underscores or hyphens:
 * "First name", "FIRST_NAME" and "firstname" are all FIRST NAME. */
static void header_key(const char *in, char *out, size_t size)
{
	size_t n = 0;
	for (; *in && n + 1 < size; in++)
		if (!isspace((unsigned char)*in) && *in != '_' && *in != '-')
			out[n++] = (char)toupper((unsigned char)*in);
	out[n] = 0;
}

static int field_of_header(const char *cell)
{
	char key[32];
	header_key(cell, key, sizeof key);
	for (int f = 0; f < IMPORT_FIELDS; f++) {
		char want[32];
		header_key(headers[f], want, sizeof want);
		if (strcmp(key, want) == 0)
			return f;
	}
	if (strcmp(key, "EMAILADDRESS") == 0)
		return IMPORT_EMAIL;
	return -1;
}

struct reading {
	struct import_sheet *sheet;
	enum import_file_error error;
};

static void read_header(struct import_sheet *s, char *const *cells, int n)
{
	for (int i = 0; i < n; i++) {
		int f = field_of_header(cells[i]);
		if (f >= 0 && s->column[f] < 0)
			s->column[f] = i;
	}
	s->header_found = 1;
	if (s->column[IMPORT_EMAIL] < 0)
		s->missing |= 1u << IMPORT_EMAIL;
	/* One name column is enough: a name in any of the three will do. */
	if (s->column[IMPORT_FIRST_NAME] < 0 && s->column[IMPORT_LAST_NAME] < 0 && s->column[IMPORT_NAME] < 0)
		s->missing |= 1u << IMPORT_FIRST_NAME | 1u << IMPORT_LAST_NAME | 1u << IMPORT_NAME;
}

static int on_row(void *ctx, long line, char *const *cells, int n)
{
	struct reading *rd = ctx;
	struct import_sheet *s = rd->sheet;
	if (n == 0)
		return 0;
	if (!s->header_found) {
		read_header(s, cells, n);
		if (s->missing)
			rd->error = IMPORT_FILE_HEADERS;
		return s->missing != 0;
	}
	int blank = 1;
	for (int f = 0; f < IMPORT_FIELDS; f++) {
		int c = s->column[f];
		if (c >= 0 && c < n && *cells[c])
			blank = 0;
	}
	if (blank)
		return 0;   /* cells only in columns we do not read */
	if (s->n == IMPORT_MAX_ROWS) {
		rd->error = IMPORT_FILE_TOO_MANY_ROWS;
		return 1;
	}
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		struct import_row *grown = realloc(s->rows, cap * sizeof *grown);
		if (!grown)
			goto no_memory;
		s->rows = grown;
		s->cap = cap;
	}
	struct import_row *row = &s->rows[s->n];
	memset(row, 0, sizeof *row);
	row->line = line;
	s->n++;
	for (int f = 0; f < IMPORT_FIELDS; f++) {
		int c = s->column[f];
		row->v[f] = strdup(c >= 0 && c < n ? cells[c] : "");
		if (!row->v[f])
			goto no_memory;
		import_clean_text(row->v[f]);
	}
	return 0;
no_memory:
	rd->error = IMPORT_FILE_NO_MEMORY;
	return 1;
}

static int has_extension(const char *name, const char *ext)
{
	size_t n = strlen(name), m = strlen(ext);
	return n > m && strcasecmp(name + n - m, ext) == 0;
}

static enum import_file_error from_sheet_status(enum sheet_status st, int xlsx)
{
	switch (st) {
	case SHEET_OK: case SHEET_STOPPED: return IMPORT_FILE_OK;
	case SHEET_NOT_XLSX: return IMPORT_FILE_NOT_XLSX;
	case SHEET_NOT_CSV: return IMPORT_FILE_NOT_CSV;
	case SHEET_TOO_LARGE: return xlsx ? IMPORT_FILE_INFLATED : IMPORT_FILE_TOO_BIG;
	case SHEET_NO_MEMORY: return IMPORT_FILE_NO_MEMORY;
	case SHEET_MALFORMED: break;
	}
	return IMPORT_FILE_DAMAGED;
}

enum import_file_error import_parse(const char *file_name, const void *data, size_t len, struct import_sheet *sheet)
{
	memset(sheet, 0, sizeof *sheet);
	for (int f = 0; f < IMPORT_FIELDS; f++)
		sheet->column[f] = -1;
	if (!file_name || !*file_name)
		return IMPORT_FILE_NONE;
	int xlsx = has_extension(file_name, ".xlsx");
	if (!xlsx && !has_extension(file_name, ".csv"))
		return IMPORT_FILE_TYPE;
	if (len > SHEET_MAX_FILE)
		return IMPORT_FILE_TOO_BIG;
	struct reading rd = {sheet, IMPORT_FILE_OK};
	enum sheet_status st = xlsx ? xlsx_read(data, len, on_row, &rd) : csv_read(data, len, on_row, &rd);
	if (rd.error != IMPORT_FILE_OK)
		return rd.error;
	enum import_file_error e = from_sheet_status(st, xlsx);
	if (e != IMPORT_FILE_OK)
		return e;
	return sheet->n ? IMPORT_FILE_OK : IMPORT_FILE_EMPTY;
}

void import_sheet_free(struct import_sheet *sheet)
{
	for (size_t i = 0; i < sheet->n; i++)
		for (int f = 0; f < IMPORT_FIELDS; f++)
			free(sheet->rows[i].v[f]);
	free(sheet->rows);
	memset(sheet, 0, sizeof *sheet);
}
