#include "lib/sheet/csv_write.h"

#include <stdlib.h>
#include <string.h>

int csv_is_formula(const char *text)
{
	return text && *text && strchr("=+-@\t\r", *text) != NULL;
}

static void put(struct csv_sink *s, const char *data, size_t n)
{
	if (!s->failed && n && s->write(s->ctx, data, n) != 0)
		s->failed = 1;
}

void csv_begin(struct csv_sink *s)
{
	s->fields = 0;
	s->failed = 0;
	put(s, "\xEF\xBB\xBF", 3);
}

void csv_field(struct csv_sink *s, const char *text)
{
	text = text ? text : "";
	if (s->fields++)
		put(s, ",", 1);
	size_t n = strlen(text);
	int formula = csv_is_formula(text);
	int quote = formula || strpbrk(text, ",\"\r\n") != NULL || (n && (text[0] == ' ' || text[n - 1] == ' '));
	if (!quote) {
		put(s, text, n);
		return;
	}
	put(s, formula ? "\"'" : "\"", formula ? 2 : 1);
	for (const char *p = text; *p;) {
		size_t run = strcspn(p, "\"");
		put(s, p, run);
		p += run;
		if (*p == '"') {
			put(s, "\"\"", 2);
			p++;
		}
	}
	put(s, "\"", 1);
}

void csv_end_record(struct csv_sink *s)
{
	put(s, "\r\n", 2);
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
