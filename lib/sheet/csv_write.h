#ifndef SB_CSV_WRITE_H
#define SB_CSV_WRITE_H
/* Writes CSV as spreadsheets read it (RFC 4180): UTF-8 with a byte order
 * mark, comma separated, CRLF between records, a field in double quotes
 * when it holds a comma, a quote, a line break or spaces at either end.
 * The text goes to a sink as it is written (a download, a file chunk, a
 * buffer), so a large file is never held whole. */
#include <stddef.h>

/* 1 when a spreadsheet would read text as a formula: it begins with '=',
 * '+', '-', '@', a tab or a carriage return. Such a value typed into the
 * console ("=HYPERLINK(...)") would run when an export is opened (CSV
 * injection, OWASP); csv_field writes it after a single quote, which
 * spreadsheets show as text. What people typed is stored as typed: only
 * the files written are neutralised. */
int csv_is_formula(const char *text);

struct csv_sink {
	/* Takes n bytes; 0, or -1 to stop (remembered in failed). */
	int (*write)(void *ctx, const char *data, size_t n);
	void *ctx;
	int fields;                 /* of the record being written */
	int failed;
};

void csv_begin(struct csv_sink *s);               /* the byte order mark */
void csv_field(struct csv_sink *s, const char *text);
void csv_end_record(struct csv_sink *s);

/* A sink into a growing buffer (for small files answered at once). */
struct csv_buffer {
	char *data;
	size_t len, cap;
};
int csv_buffer_write(void *ctx, const char *data, size_t n);
#endif
