/* The cell neutraliser and the CSV writer (lib/sheet): what a spreadsheet
 * would run as a formula is written after a single quote; CSV quoting. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "lib/sheet/csv_write.h"
#include "lib/sheet/sheet_cell.h"

static void formulas_are_recognised(void **state)
{
	const char *formulas[] = {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"x\")"};
	for (size_t i = 0; i < sizeof formulas / sizeof formulas[0]; i++)
		assert_true(sheet_cell_is_formula(formulas[i]));
	const char *plain[] = {"", "Ada", "a=1", " =1", "1-2", "'=1", "ünïcode"};
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
		assert_false(sheet_cell_is_formula(plain[i]));
}

static void formulas_get_a_quote(void **state)
{
	char out[64];
	sheet_cell_text("=1+1", out, sizeof out);
	assert_string_equal(out, "'=1+1");
	sheet_cell_text("-5", out, sizeof out);
	assert_string_equal(out, "'-5");
	sheet_cell_text("\tx", out, sizeof out);
	assert_string_equal(out, "'\tx");
	sheet_cell_text("Grace Hopper", out, sizeof out);
	assert_string_equal(out, "Grace Hopper");
	sheet_cell_text("", out, sizeof out);
	assert_string_equal(out, "");
}

static void cut_at_a_character(void **state)
{
	char out[5];
	sheet_cell_text("=ééé", out, sizeof out);   /* ' = é are 4 bytes; the next é does not fit */
	assert_string_equal(out, "'=\xc3\xa9");
	sheet_cell_text("abcdef", out, sizeof out);
	assert_string_equal(out, "abcd");
}

static void csv_quotes_and_neutralises(void **state)
{
	struct csv_out o;
	csv_begin(&o);
	csv_field(&o, "Name");
	csv_field(&o, "a,b");
	csv_field(&o, "say \"hi\"");
	csv_end_record(&o);
	csv_field(&o, "=cmd|' /C calc'!A0");
	csv_field(&o, " padded ");
	csv_field(&o, "line\nbreak");
	csv_field(&o, "+1,2");
	csv_end_record(&o);
	char *data;
	size_t len;
	assert_int_equal(csv_finish(&o, &data, &len), 0);
	const char *want = "\xEF\xBB\xBFName,\"a,b\",\"say \"\"hi\"\"\"\r\n"
			   "'=cmd|' /C calc'!A0,\" padded \",\"line\nbreak\",\"'+1,2\"\r\n";
	assert_int_equal(len, strlen(want));
	assert_string_equal(data, want);
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(formulas_are_recognised),
		cmocka_unit_test(formulas_get_a_quote),
		cmocka_unit_test(cut_at_a_character),
		cmocka_unit_test(csv_quotes_and_neutralises),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
