#ifndef SB_CSV_READ_H
#define SB_CSV_READ_H
/* Reads a CSV file (RFC 4180 as spreadsheets write it): UTF-8 with or
 * without a byte order mark, comma or semicolon separated (whichever the
 * first line uses more), fields in double quotes holding separators,
 * doubled quotes and line breaks, and any of \n, \r\n, \r between records.
 * Data with a NUL byte, or that is not UTF-8, is not CSV. */
#include "lib/sheet/import_sheet.h"

enum sheet_status csv_read(const char *data, size_t len, sheet_row_fn fn, void *ctx);
#endif
