#ifndef SB_CSV_WRITE_H
#define SB_CSV_WRITE_H
/* Writes CSV as spreadsheets read it (RFC 4180): UTF-8 with a byte order
 * mark, comma separated, CRLF between records, a field in double quotes
 * when it holds a comma, a quote, a line break or spaces at either end.
 * Every field is neutralised first (sheet_cell.h). The file grows in
 * memory; a failed allocation is remembered and reported by csv_finish. */
#include <stddef.h>

struct csv_out {
	char *data;
	size_t len, cap;
	int failed;
	int fields;                 /* of the record being written */
};

void csv_begin(struct csv_out *o);
void csv_field(struct csv_out *o, const char *text);
void csv_end_record(struct csv_out *o);
/* Hands over the malloc'd text and its length: 0, or -1 (nothing to free). */
int csv_finish(struct csv_out *o, char **data, size_t *len);
#endif
