#include "lib/sheet/csv_read.h"
#include "lib/core/validate.h"

#include <stdlib.h>
#include <string.h>

/* One record being read: every cell's text back to back in text, each
 * ending in a NUL; start[i] is where cell i begins. */
struct record {
	char *text;
	size_t len, cap;
	size_t start[SHEET_MAX_COLUMNS];
	int cells;          /* cells begun, capped at SHEET_MAX_COLUMNS */
	int overflow;       /* cells beyond the cap are read and dropped */
};

static int put(struct record *rec, char c)
{
	if (rec->overflow)
		return 0;
	if (rec->len + 1 >= rec->cap) {
		size_t cap = rec->cap ? rec->cap * 2 : 256;
		char *grown = realloc(rec->text, cap);
		if (!grown)
			return -1;
		rec->text = grown;
		rec->cap = cap;
	}
	rec->text[rec->len++] = c;
	return 0;
}

static int begin_cell(struct record *rec)
{
	if (rec->cells == SHEET_MAX_COLUMNS) {
		rec->overflow = 1;
		return 0;
	}
	rec->start[rec->cells++] = rec->len;
	return 0;
}

static int end_cell(struct record *rec)
{
	return rec->overflow ? 0 : put(rec, 0);
}

/* Hands a finished record to the callback; a record of one empty cell is a blank line. */
static enum sheet_status emit(struct record *rec, long number, sheet_row_fn fn, void *ctx)
{
	char *cells[SHEET_MAX_COLUMNS];
	int n = 0;
	for (int i = 0; i < rec->cells; i++) {
		cells[i] = rec->text + rec->start[i];
		if (!valid_utf8(cells[i]))
			return SHEET_NOT_CSV;
		if (*cells[i])
			n = i + 1;
	}
	rec->len = 0;
	rec->cells = 0;
	rec->overflow = 0;
	return fn(ctx, number, cells, n) ? SHEET_STOPPED : SHEET_OK;
}

/* The separator the header line uses more: ';' or ','. */
static char guess_separator(const char *p, const char *end)
{
	int commas = 0, semicolons = 0, quoted = 0;
	for (; p < end && (quoted || (*p != '\n' && *p != '\r')); p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && *p == ',')
			commas++;
		else if (!quoted && *p == ';')
			semicolons++;
	}
	return semicolons > commas ? ';' : ',';
}

enum sheet_status csv_read(const char *data, size_t len, sheet_row_fn fn, void *ctx)
{
	if (memchr(data, 0, len))
		return SHEET_NOT_CSV;
	const char *p = data, *end = data + len;
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	char sep = guess_separator(p, end);

	struct record rec = {0};
	enum sheet_status status = SHEET_OK;
	long number = 0;
	int in_record = 0, quoted = 0, field_start = 1;
	while (p < end && status == SHEET_OK) {
		char c = *p++;
		if (!in_record) {
			in_record = 1;
			field_start = 1;
			if (begin_cell(&rec) != 0)
				goto no_memory;
		}
		if (quoted) {
			if (c != '"') {
				if (put(&rec, c) != 0)
					goto no_memory;
			} else if (p < end && *p == '"') {
				p++;
				if (put(&rec, '"') != 0)
					goto no_memory;
			} else {
				quoted = 0;
			}
			continue;
		}
		if (c == '"' && field_start) {
			quoted = 1;
			field_start = 0;
		} else if (c == sep) {
			if (end_cell(&rec) != 0 || begin_cell(&rec) != 0)
				goto no_memory;
			field_start = 1;
		} else if (c == '\n' || c == '\r') {
			if (c == '\r' && p < end && *p == '\n')
				p++;
			if (end_cell(&rec) != 0)
				goto no_memory;
			status = emit(&rec, ++number, fn, ctx);
			in_record = 0;
		} else {
			/* Text after a closing quote is kept, as spreadsheets do. */
			field_start = 0;
			if (put(&rec, c) != 0)
				goto no_memory;
		}
	}
	/* The last record may lack its line break; an open quote ends with the data. */
	if (status == SHEET_OK && in_record) {
		if (end_cell(&rec) != 0)
			goto no_memory;
		status = emit(&rec, ++number, fn, ctx);
	}
	free(rec.text);
	return status;
no_memory:
	free(rec.text);
	return SHEET_NO_MEMORY;
}
