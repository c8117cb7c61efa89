#include "lib/sheet/csv_write.h"
#include "lib/sheet/sheet_cell.h"

#include <stdlib.h>
#include <string.h>

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
	if (o->fields++)
		put(o, ",", 1);
	size_t len = strlen(text ? text : "");
	char *cell = malloc(len + 2);
	if (!cell) {
		o->failed = 1;
		return;
	}
	sheet_cell_text(text ? text : "", cell, len + 2);
	size_t n = strlen(cell);
	int quote = strpbrk(cell, ",\"\r\n") != NULL || (n && (cell[0] == ' ' || cell[n - 1] == ' '));
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
