/* libFuzzer harness for the spreadsheet readers and the import's file rules
 * (`make fuzz`; not part of `make check`). The first byte picks the reader,
 * the rest is the file. Whatever the input, the readers must return a
 * status, never crash, leak or read out of bounds (ASan, UBSan watch). */
#include "lib/import/import.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	struct import_sheet sheet;
	const char *name = data[0] & 1 ? "fuzz.xlsx" : "fuzz.csv";
	(void)import_parse(name, data + 1, size - 1, &sheet);
	for (size_t i = 0; i < sheet.n; i++)
		(void)import_check_row(sheet.rows[i].v);
	import_sheet_free(&sheet);
	return 0;
}
