#ifndef SB_XLSX_READ_H
#define SB_XLSX_READ_H
/* Reads the first worksheet of an .xlsx workbook (Office Open XML, as
 * Excel, LibreOffice, Google Sheets and libxlsxwriter write it): the
 * worksheet is found through the workbook's relationships, cells may hold
 * shared strings, inline strings, numbers, booleans or formulas' cached
 * values, and may be missing or empty.
 *
 * Hostile files are expected: the zip's parts are inflated in a stream
 * with a budget for all of them together (a zip bomb stops at the budget),
 * shared strings are counted, and XML with a DTD is refused (no entity
 * expansion, no external entities). */
#include "lib/sheet/import_sheet.h"

#define XLSX_MAX_INFLATED (80u * 1024 * 1024)   /* all parts read, uncompressed */
#define XLSX_MAX_SHARED_STRINGS 1000000
#define XLSX_MAX_CELL (64u * 1024)              /* Excel's own limit is 32,767 characters */

enum sheet_status xlsx_read(const void *data, size_t len, sheet_row_fn fn, void *ctx);
#endif
