#include "lib/sheet/csv_write.h"
#include "lib/sheet/sheet_cell.h"

#include <stdlib.h>
#include <string.h>

/* The separator: a comma unless the writer was given another (a locale's
 * convention, lib/lang.h). */
static char sep_of(char sep)
{
	return sep ? sep : ',';
}

/* Whether a cell must be quoted for its characters. */
static int needs_quotes(const char *cell, char sep)
{
	char special[] = {sep_of(sep), '"', '\r', '\n', 0};
	return strpbrk(cell, special) != NULL;
}

static void put(struct csv_out *o, const char *s, size_t n)
{
	if (o->failed)
		return;
	if (o->len + n + 1 > o->cap) {
		size_t cap = o->cap ? o->cap : 4096;
		while (cap < o->len + n + 1)
			cap *= 2;
		char *grown = realloc(o->data, cap);
		if (!grown) {
			o->failed = 1;
			return;
		}
		o->data = grown;
		o->cap = cap;
	}
	memcpy(o->data + o->len, s, n);
	o->len += n;
	o->data[o->len] = 0;
}

void csv_begin(struct csv_out *o)
{
	memset(o, 0, sizeof *o);
	put(o, "\xEF\xBB\xBF", 3);
}

void csv_field(struct csv_out *o, const char *text)
{
	char sep = sep_of(o->sep);
	if (o->fields++)
		put(o, &sep, 1);
	size_t len = strlen(text ? text : "");
	char *cell = malloc(len + 2);
	if (!cell) {
		o->failed = 1;
		return;
	}
	sheet_cell_text(text ? text : "", cell, len + 2);
	size_t n = strlen(cell);
	int quote = needs_quotes(cell, o->sep) || (n && (cell[0] == ' ' || cell[n - 1] == ' '));
	if (!quote) {
		put(o, cell, n);
	} else {
		put(o, "\"", 1);
		for (const char *p = cell; *p; p++)
			put(o, *p == '"' ? "\"\"" : p, *p == '"' ? 2 : 1);
		put(o, "\"", 1);
	}
	free(cell);
}

void csv_end_record(struct csv_out *o)
{
	put(o, "\r\n", 2);
	o->fields = 0;
}

int csv_finish(struct csv_out *o, char **data, size_t *len)
{
	if (o->failed) {
		free(o->data);
		memset(o, 0, sizeof *o);
		return -1;
	}
	*data = o->data;
	*len = o->len;
	memset(o, 0, sizeof *o);
	return 0;
}

/* ---- the streaming writer ---- */

static void sink_put(struct csv_sink *s, const char *data, size_t n)
{
	if (!s->failed && n && s->write(s->ctx, data, n) != 0)
		s->failed = 1;
}

void csv_sink_begin(struct csv_sink *s)
{
	s->fields = 0;
	s->failed = 0;
	sink_put(s, "\xEF\xBB\xBF", 3);
}

/* As csv_field, without a copy of the cell: the quote sheet_cell_text would
 * put in front of a formula is written first. */
void csv_sink_field(struct csv_sink *s, const char *text)
{
	text = text ? text : "";
	char sep = sep_of(s->sep);
	if (s->fields++)
		sink_put(s, &sep, 1);
	size_t n = strlen(text);
	int formula = sheet_cell_is_formula(text);
	int quote = needs_quotes(text, s->sep) || (n && text[n - 1] == ' ') || (!formula && n && text[0] == ' ');
	if (quote)
		sink_put(s, "\"", 1);
	if (formula)
		sink_put(s, "'", 1);
	for (const char *p = text; *p;) {
		size_t run = quote ? strcspn(p, "\"") : strlen(p);
		sink_put(s, p, run);
		p += run;
		if (*p == '"') {
			sink_put(s, "\"\"", 2);
			p++;
		}
	}
	if (quote)
		sink_put(s, "\"", 1);
}

void csv_sink_end_record(struct csv_sink *s)
{
	sink_put(s, "\r\n", 2);
	s->fields = 0;
}

int csv_buffer_write(void *ctx, const char *data, size_t n)
{
	struct csv_buffer *b = ctx;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *grown = realloc(b->data, cap);
		if (!grown)
			return -1;
		b->data = grown;
		b->cap = cap;
	}
	memcpy(b->data + b->len, data, n);
	b->len += n;
	b->data[b->len] = 0;
	return 0;
}
