#include "lib/sheet/xlsx_read.h"

#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define CHUNK 65536
#define PATH_MAX_LEN 512
/* A worksheet's limits (Excel's, and the format's): a row or cell reference
 * beyond them makes the file damaged. */
#define XLSX_MAX_ROW 1048576L
#define XLSX_MAX_COLUMN 16384   /* XFD */

/* Growing text: a cell's value, a shared string, an attribute copied for later. */
struct text {
	char *s;
	size_t len, cap;
};

static int text_add(struct text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > XLSX_MAX_CELL)
		return -1;
	if (t->len + n + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 64;
		while (cap < t->len + n + 1)
			cap *= 2;
		char *grown = realloc(t->s, cap);
		if (!grown)
			return -1;
		t->s = grown;
		t->cap = cap;
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = 0;
	return 0;
}

static void text_clear(struct text *t)
{
	t->len = 0;
	if (t->s)
		t->s[0] = 0;
}

/* Everything one read needs; the XML handlers of each part share it. */
struct book {
	zip_t *zip;
	XML_Parser parser;
	enum sheet_status status;      /* first failure wins */
	size_t inflated;               /* bytes read from all parts so far */

	/* _rels/.rels and the workbook's relationships */
	char workbook[PATH_MAX_LEN];
	char first_sheet_rid[256];
	char sheet_path[PATH_MAX_LEN];
	char strings_path[PATH_MAX_LEN];

	/* shared strings */
	char **strings;
	size_t n_strings, cap_strings;
	int in_si, in_rph, in_t;
	struct text si;

	/* the worksheet */
	sheet_row_fn fn;
	void *ctx;
	long row_number;
	int column;                    /* column of the current cell */
	char cell_type[16];
	int in_v, in_is_t;
	struct text value;
	char *cells[SHEET_MAX_COLUMNS];
	int n_cells;
};

static void fail(struct book *b, enum sheet_status s)
{
	if (b->status == SHEET_OK)
		b->status = s;
	XML_StopParser(b->parser, XML_FALSE);
}

/* Element names arrive as "namespace local" (namespace processing on). */
static const char *local(const char *name)
{
	const char *space = strrchr(name, ' ');
	return space ? space + 1 : name;
}

static const char *attr(const char **atts, const char *want)
{
	for (; atts[0]; atts += 2)
		if (strcmp(local(atts[0]), want) == 0 && strchr(atts[0], ' ') == NULL)
			return atts[1];
	return NULL;
}

/* r:id: the "id" attribute in the relationships namespace (transitional or strict). */
static const char *rel_id(const char **atts)
{
	for (; atts[0]; atts += 2)
		if (strchr(atts[0], ' ') && strcmp(local(atts[0]), "id") == 0 && strstr(atts[0], "relationships "))
			return atts[1];
	return NULL;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* A relationship's target, relative to the folder of the part that names it. */
static void resolve(char *out, const char *base_part, const char *target)
{
	if (target[0] == '/') {
		snprintf(out, PATH_MAX_LEN, "%s", target + 1);
		return;
	}
	const char *slash = strrchr(base_part, '/');
	int dir = slash ? (int)(slash - base_part + 1) : 0;
	while (strncmp(target, "./", 2) == 0)
		target += 2;
	snprintf(out, PATH_MAX_LEN, "%.*s%s", dir, base_part, target);
}

/* A DTD has no place in a workbook: refusing it rules out entity expansion. */
static void XMLCALL on_doctype(void *data, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
			       int has_internal)
{
	fail(data, SHEET_MALFORMED);
}

/* Inflates one part in a stream into a parser set up with the given handlers. */
static enum sheet_status parse_part(struct book *b, const char *path, XML_StartElementHandler start,
				    XML_EndElementHandler end, XML_CharacterDataHandler chars, int required)
{
	zip_stat_t st;
	if (zip_stat(b->zip, path, ZIP_FL_NOCASE, &st) != 0)
		return required ? SHEET_NOT_XLSX : SHEET_OK;
	if ((st.valid & ZIP_STAT_SIZE) && st.size > XLSX_MAX_INFLATED - b->inflated)
		return SHEET_TOO_LARGE;
	zip_file_t *f = zip_fopen(b->zip, path, ZIP_FL_NOCASE);
	if (!f)
		return SHEET_MALFORMED;
	b->parser = XML_ParserCreateNS("UTF-8", ' ');
	if (!b->parser) {
		zip_fclose(f);
		return SHEET_NO_MEMORY;
	}
	XML_SetUserData(b->parser, b);
	XML_SetElementHandler(b->parser, start, end);
	XML_SetCharacterDataHandler(b->parser, chars);
	XML_SetStartDoctypeDeclHandler(b->parser, on_doctype);
	char *buf = malloc(CHUNK);
	if (!buf)
		b->status = SHEET_NO_MEMORY;
	while (b->status == SHEET_OK) {
		zip_int64_t n = zip_fread(f, buf, CHUNK);
		if (n < 0) {
			b->status = SHEET_MALFORMED;   /* corrupt data, a bad checksum, a truncated file */
			break;
		}
		b->inflated += (size_t)n;
		if (b->inflated > XLSX_MAX_INFLATED) {
			b->status = SHEET_TOO_LARGE;   /* the header understated the size */
			break;
		}
		if (XML_Parse(b->parser, buf, (int)n, n == 0) == XML_STATUS_ERROR && b->status == SHEET_OK)
			b->status = SHEET_MALFORMED;
		if (n == 0)
			break;
	}
	free(buf);
	XML_ParserFree(b->parser);
	b->parser = NULL;
	zip_fclose(f);
	return b->status;
}

/* ---- _rels/.rels: where the workbook is ---- */

static void XMLCALL package_rel(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct book *b = data;
	const char *type = attr(atts, "Type"), *target = attr(atts, "Target");
	if (strcmp(local(name), "Relationship") == 0 && type && target && ends_with(type, "/officeDocument"))
		resolve(b->workbook, "", target);
}

/* ---- the workbook: its first sheet ---- */

static void XMLCALL workbook_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct book *b = data;
	const char *id = rel_id(atts);
	if (!b->first_sheet_rid[0] && strcmp(local(name), "sheet") == 0 && id)
		snprintf(b->first_sheet_rid, sizeof b->first_sheet_rid, "%s", id);
}

static void XMLCALL workbook_rel(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct book *b = data;
	const char *id = attr(atts, "Id"), *type = attr(atts, "Type"), *target = attr(atts, "Target");
	if (strcmp(local(name), "Relationship") != 0 || !id || !type || !target)
		return;
	if (strcmp(id, b->first_sheet_rid) == 0)
		resolve(b->sheet_path, b->workbook, target);
	else if (ends_with(type, "/sharedStrings"))
		resolve(b->strings_path, b->workbook, target);
}

static void XMLCALL no_end(void *data, const XML_Char *name) {}
static void XMLCALL no_text(void *data, const XML_Char *s, int len) {}

/* ---- shared strings: <si> holds <t>, or runs <r><t>; phonetic <rPh> is not text ---- */

static void XMLCALL strings_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct book *b = data;
	const char *n = local(name);
	if (strcmp(n, "si") == 0) {
		b->in_si = 1;
		text_clear(&b->si);
	} else if (strcmp(n, "rPh") == 0) {
		b->in_rph = 1;
	} else if (strcmp(n, "t") == 0 && b->in_si && !b->in_rph) {
		b->in_t = 1;
	}
}

static void XMLCALL strings_end(void *data, const XML_Char *name)
{
	struct book *b = data;
	const char *n = local(name);
	if (strcmp(n, "t") == 0) {
		b->in_t = 0;
	} else if (strcmp(n, "rPh") == 0) {
		b->in_rph = 0;
	} else if (strcmp(n, "si") == 0 && b->in_si) {
		b->in_si = 0;
		if (b->n_strings == XLSX_MAX_SHARED_STRINGS)
			return fail(b, SHEET_TOO_LARGE);
		if (b->n_strings == b->cap_strings) {
			size_t cap = b->cap_strings ? b->cap_strings * 2 : 256;
			char **grown = realloc(b->strings, cap * sizeof *grown);
			if (!grown)
				return fail(b, SHEET_NO_MEMORY);
			b->strings = grown;
			b->cap_strings = cap;
		}
		char *copy = strdup(b->si.s ? b->si.s : "");
		if (!copy)
			return fail(b, SHEET_NO_MEMORY);
		b->strings[b->n_strings++] = copy;
	}
}

static void XMLCALL strings_text(void *data, const XML_Char *s, int len)
{
	struct book *b = data;
	if (b->in_t && text_add(&b->si, s, (size_t)len) != 0)
		fail(b, SHEET_TOO_LARGE);
}

/* ---- the worksheet: <row r="N"><c r="B3" t="s"><v>0</v></c> ... ---- */

/* A row number as the sheet writes it (r="12", or the digits of "BC12"):
 * digits only, 1 to XLSX_MAX_ROW. Anything else - a sign, a space, a number
 * past Excel's last row - is not a workbook any spreadsheet wrote: -1. */
static long row_of(const char *digits)
{
	long n = 0;
	if (!*digits)
		return -1;
	for (; *digits; digits++) {
		if (*digits < '0' || *digits > '9')
			return -1;
		n = n * 10 + (*digits - '0');
		if (n > XLSX_MAX_ROW)
			return -1;   /* stop before the number can overflow */
	}
	return n >= 1 ? n : -1;
}

/* A cell reference "BC12" -> 54 (0-based column); -1 unless it is one to
 * three letters naming a column up to XFD followed by a row number within
 * the sheet's limits. */
static int column_of(const char *ref)
{
	int col = 0, letters = 0;
	for (; *ref >= 'A' && *ref <= 'Z'; ref++) {
		if (++letters > 3)
			return -1;
		col = col * 26 + (*ref - 'A' + 1);
	}
	if (!letters || col > XLSX_MAX_COLUMN || row_of(ref) < 0)
		return -1;
	return col - 1;
}

static void clear_cells(struct book *b)
{
	for (int i = 0; i < b->n_cells; i++) {
		free(b->cells[i]);
		b->cells[i] = NULL;
	}
	b->n_cells = 0;
}

static void XMLCALL sheet_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct book *b = data;
	const char *n = local(name);
	if (strcmp(n, "row") == 0) {
		/* Rows and cells past the sheet's limits: a damaged (or crafted)
		 * file, refused before any number can grow past them. */
		const char *r = attr(atts, "r");
		long number = r ? row_of(r) : 0;
		if (number <= b->row_number && number >= 0)
			number = b->row_number + 1;   /* no r, or not further down: the next row */
		if (number < 0 || number > XLSX_MAX_ROW)
			return fail(b, SHEET_MALFORMED);
		b->row_number = number;
		b->column = -1;
		clear_cells(b);
	} else if (strcmp(n, "c") == 0) {
		const char *r = attr(atts, "r"), *t = attr(atts, "t");
		int col = r ? column_of(r) : b->column + 1;
		if (col < 0 || col >= XLSX_MAX_COLUMN)
			return fail(b, SHEET_MALFORMED);
		b->column = col;
		snprintf(b->cell_type, sizeof b->cell_type, "%s", t ? t : "n");
		text_clear(&b->value);
	} else if (strcmp(n, "v") == 0) {
		b->in_v = 1;
	} else if (strcmp(n, "t") == 0) {
		b->in_is_t = 1;
	} else if (strcmp(n, "rPh") == 0) {
		b->in_rph = 1;
	}
}

/* The text a cell shows, from its type and raw value. */
static const char *cell_text(struct book *b)
{
	const char *v = b->value.s ? b->value.s : "";
	if (strcmp(b->cell_type, "s") == 0) {
		char *end;
		long i = strtol(v, &end, 10);
		if (!*v || *end || i < 0 || (size_t)i >= b->n_strings)
			return NULL;
		return b->strings[i];
	}
	if (strcmp(b->cell_type, "b") == 0)
		return strcmp(v, "1") == 0 ? "TRUE" : "FALSE";
	return v;   /* inlineStr, str (a formula's text), n, d, e: as written */
}

static void XMLCALL sheet_end(void *data, const XML_Char *name)
{
	struct book *b = data;
	const char *n = local(name);
	if (strcmp(n, "v") == 0) {
		b->in_v = 0;
	} else if (strcmp(n, "t") == 0) {
		b->in_is_t = 0;
	} else if (strcmp(n, "rPh") == 0) {
		b->in_rph = 0;
	} else if (strcmp(n, "c") == 0) {
		const char *text = cell_text(b);
		if (!text)
			return fail(b, SHEET_MALFORMED);
		if (b->column >= SHEET_MAX_COLUMNS || !*text)
			return;
		for (; b->n_cells <= b->column; b->n_cells++)
			b->cells[b->n_cells] = NULL;
		free(b->cells[b->column]);
		b->cells[b->column] = strdup(text);
		if (!b->cells[b->column])
			fail(b, SHEET_NO_MEMORY);
	} else if (strcmp(n, "row") == 0 && b->status == SHEET_OK) {
		char *cells[SHEET_MAX_COLUMNS];
		for (int i = 0; i < b->n_cells; i++)
			cells[i] = b->cells[i] ? b->cells[i] : "";
		if (b->fn(b->ctx, b->row_number, cells, b->n_cells) != 0)
			fail(b, SHEET_STOPPED);
		clear_cells(b);
	}
}

static void XMLCALL sheet_text(void *data, const XML_Char *s, int len)
{
	struct book *b = data;
	int wanted = b->in_v || (b->in_is_t && !b->in_rph && strcmp(b->cell_type, "inlineStr") == 0);
	if (wanted && text_add(&b->value, s, (size_t)len) != 0)
		fail(b, SHEET_TOO_LARGE);
}

static enum sheet_status read_book(struct book *b)
{
	enum sheet_status s = parse_part(b, "_rels/.rels", package_rel, no_end, no_text, 0);
	if (s != SHEET_OK)
		return s;
	if (!b->workbook[0])
		snprintf(b->workbook, sizeof b->workbook, "xl/workbook.xml");
	if ((s = parse_part(b, b->workbook, workbook_start, no_end, no_text, 1)) != SHEET_OK)
		return s;
	if (!b->first_sheet_rid[0])
		return SHEET_NOT_XLSX;
	char rels[PATH_MAX_LEN * 2 + 16];
	const char *slash = strrchr(b->workbook, '/');
	int dir = slash ? (int)(slash - b->workbook + 1) : 0;
	snprintf(rels, sizeof rels, "%.*s_rels/%s.rels", dir, b->workbook, b->workbook + dir);
	if ((s = parse_part(b, rels, workbook_rel, no_end, no_text, 1)) != SHEET_OK)
		return s;
	if (!b->sheet_path[0])
		return SHEET_NOT_XLSX;
	if (b->strings_path[0] &&
	    (s = parse_part(b, b->strings_path, strings_start, strings_end, strings_text, 1)) != SHEET_OK)
		return s;
	b->in_rph = 0;
	return parse_part(b, b->sheet_path, sheet_start, sheet_end, sheet_text, 1);
}

enum sheet_status xlsx_read(const void *data, size_t len, sheet_row_fn fn, void *ctx)
{
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &err);
	if (!src) {
		zip_error_fini(&err);
		return SHEET_NO_MEMORY;
	}
	struct book *b = calloc(1, sizeof *b);
	if (!b) {
		zip_source_free(src);
		zip_error_fini(&err);
		return SHEET_NO_MEMORY;
	}
	b->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
	zip_error_fini(&err);
	if (!b->zip) {
		zip_source_free(src);
		free(b);
		return SHEET_NOT_XLSX;
	}
	b->fn = fn;
	b->ctx = ctx;
	enum sheet_status s = read_book(b);
	zip_discard(b->zip);   /* read-only: nothing to write back; frees the source too */
	clear_cells(b);
	for (size_t i = 0; i < b->n_strings; i++)
		free(b->strings[i]);
	free(b->strings);
	free(b->si.s);
	free(b->value.s);
	free(b);
	return s;
}
