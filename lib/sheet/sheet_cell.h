#ifndef SB_SHEET_CELL_H
#define SB_SHEET_CELL_H
/* Every value the console writes into a spreadsheet or CSV file passes
 * here. A spreadsheet program reads a cell that begins with '=', '+', '-'
 * or '@' as a formula (and one beginning with a tab or carriage return may
 * be read so after trimming), so a name such as "=HYPERLINK(...)" typed
 * into the console would run when the export is opened (CSV injection,
 * OWASP). Such a value is written with a single quote in front, which
 * spreadsheets show as text and do not display. What users typed is
 * stored as they typed it: only the files written are neutralised. */
#include <stddef.h>

/* 1 when a spreadsheet would read text as a formula. */
int sheet_cell_is_formula(const char *text);

/* text as a cell's value into out (size bytes, NUL-terminated, cut at a
 * character boundary when too long): as is, or after a single quote. */
void sheet_cell_text(const char *text, char *out, size_t size);
#endif
