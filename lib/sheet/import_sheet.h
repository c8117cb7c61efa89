#ifndef SB_IMPORT_SHEET_H
#define SB_IMPORT_SHEET_H
/* What the spreadsheet readers (csv_read.c, xlsx_read.c) hand to the import:
 * one call per row, in order, with the row's cells as NUL-terminated UTF-8
 * text. Both readers are streaming and bounded: they never hold more than
 * one row (and, for xlsx, the shared strings) in memory. */
#include <stddef.h>

#define SHEET_MAX_COLUMNS 64          /* cells further right are ignored */
#define SHEET_MAX_FILE (10u * 1024 * 1024)

/* cells[i] is the text of column i (0 = A), "" for an empty or missing
 * cell; n is one past the rightmost non-empty cell (0 for a blank row).
 * Returns 0 to go on, anything else to stop reading (the reader then
 * returns SHEET_STOPPED). */
typedef int (*sheet_row_fn)(void *ctx, long row_number, char *const *cells, int n);

enum sheet_status {
	SHEET_OK = 0,
	SHEET_STOPPED,        /* the callback asked to stop */
	SHEET_NOT_XLSX,       /* not a zip, or a zip without a workbook */
	SHEET_NOT_CSV,        /* binary data, or text that is not UTF-8 */
	SHEET_MALFORMED,      /* a workbook part that is not well-formed */
	SHEET_TOO_LARGE,      /* over a size limit (a zip bomb, a huge cell) */
	SHEET_NO_MEMORY,
};
#endif
