#include "lib/sheet/sheet_cell.h"

#include <string.h>

int sheet_cell_is_formula(const char *text)
{
	return text && *text && strchr("=+-@\t\r", *text) != NULL;
}

void sheet_cell_text(const char *text, char *out, size_t size)
{
	if (!size)
		return;
	size_t o = 0, len = strlen(text ? text : "");
	if (sheet_cell_is_formula(text) && size > 1)
		out[o++] = '\'';
	size_t room = size - 1 - o, n = len < room ? len : room;
	/* Never end in the middle of a UTF-8 character. */
	while (n < len && n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
		n--;
	memcpy(out + o, text ? text : "", n);
	out[o + n] = 0;
}
