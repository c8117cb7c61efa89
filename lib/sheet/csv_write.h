#ifndef SB_CSV_WRITE_H
#define SB_CSV_WRITE_H
/* Writes CSV as spreadsheets read it (RFC 4180): UTF-8 with a byte order
 * mark, comma separated unless told otherwise (sep: a semicolon where a
 * locale's spreadsheets expect one, lib/lang.h), CRLF between records, a field in double quotes
 * when it holds a comma, a quote, a line break or spaces at either end.
 * Every field is neutralised first (sheet_cell.h). Two writers: one that
 * grows the file in memory (csv_out; a failed allocation is remembered and
 * reported by csv_finish), and one that hands the text to a sink as it is
 * written (csv_sink: a download, a chunk of a file), so that a large file
 * is never held whole. */
#include <stddef.h>

struct csv_out {
	char *data;
	size_t len, cap;
	int failed;
	int fields;                 /* of the record being written */
	char sep;                   /* 0: a comma; set after csv_begin */
};

void csv_begin(struct csv_out *o);
void csv_field(struct csv_out *o, const char *text);
void csv_end_record(struct csv_out *o);
/* Hands over the malloc'd text and its length: 0, or -1 (nothing to free). */
int csv_finish(struct csv_out *o, char **data, size_t *len);

struct csv_sink {
	/* Takes n bytes; 0, or -1 to stop (remembered in failed). */
	int (*write)(void *ctx, const char *data, size_t n);
	void *ctx;
	int fields;                 /* of the record being written */
	int failed;
	char sep;                   /* 0: a comma */
};

void csv_sink_begin(struct csv_sink *s);          /* the byte order mark */
void csv_sink_field(struct csv_sink *s, const char *text);
void csv_sink_end_record(struct csv_sink *s);

/* A sink into a growing buffer (a small file answered at once, a chunk). */
struct csv_buffer {
	char *data;
	size_t len, cap;
};
int csv_buffer_write(void *ctx, const char *data, size_t n);
#endif
