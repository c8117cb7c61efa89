#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "lib/core/validate.h"

static void emails(void **state)
{
	assert_true(valid_email("ada@example.com"));
	assert_true(valid_email("first.last+tag@sub.example.co.uk"));
	assert_true(valid_email("o'brien@example.ie"));
	assert_false(valid_email(""));
	assert_false(valid_email("no-at-sign"));
	assert_false(valid_email("@example.com"));
	assert_false(valid_email("a@b"));
	assert_false(valid_email("a@.example.com"));
	assert_false(valid_email("a@example..com"));
	assert_false(valid_email("a..b@example.com"));
	assert_false(valid_email(".a@example.com"));
	assert_false(valid_email("a b@example.com"));
	assert_false(valid_email("<script>@example.com"));
	assert_false(valid_email("a@-example.com"));
	char longlocal[80];
	memset(longlocal, 'a', 65);
	strcpy(longlocal + 65, "@example.com");
	assert_false(valid_email(longlocal));
}

static void phones(void **state)
{
	assert_true(valid_e164("+14155550100"));
	assert_true(valid_e164("+442071838750"));
	assert_false(valid_e164("14155550100"));
	assert_false(valid_e164("+0123456789"));
	assert_false(valid_e164("+1415555"));
	assert_false(valid_e164("+1234567890123456"));
	assert_false(valid_e164("+1 415 555 0100"));
	assert_false(valid_e164(""));
}

static void utf8(void **state)
{
	assert_true(valid_utf8("plain"));
	assert_true(valid_utf8("Zoë Ångström 日本 🎉"));
	assert_false(valid_utf8("\xff\xfe"));
	assert_false(valid_utf8("\xc0\xaf"));           /* overlong '/' */
	assert_false(valid_utf8("\xed\xa0\x80"));       /* surrogate */
	assert_false(valid_utf8("abc\xe6\x97"));        /* truncated */
	assert_false(valid_utf8("\xf4\x90\x80\x80"));   /* beyond U+10FFFF */
	assert_int_equal(utf8_length("Zoë"), 3);
	assert_int_equal(utf8_length("日本"), 2);
}

static void ids(void **state)
{
	assert_true(valid_uuid("0f8fad5b-d9cb-469f-a165-70867728950e"));
	assert_false(valid_uuid("0F8FAD5B-D9CB-469F-A165-70867728950E"));
	assert_false(valid_uuid("0f8fad5b-d9cb-469f-a165-70867728950"));
	assert_false(valid_uuid("0f8fad5bxd9cb-469f-a165-70867728950e"));
	assert_false(valid_uuid("' OR 1=1 --"));
	assert_true(valid_id("1"));
	assert_true(valid_id("123456"));
	assert_false(valid_id("0"));
	assert_false(valid_id("012"));
	assert_false(valid_id("-1"));
	assert_false(valid_id("1e3"));
	assert_false(valid_id("1234567890123456789"));
}

static void blanks_and_languages(void **state)
{
	assert_true(is_blank(NULL));
	assert_true(is_blank(" \t\n"));
	assert_false(is_blank(" x "));
}

static void email_lists(void **state)
{
	char out[20][EMAIL_MAX + 1];
	assert_int_equal(email_list_split("a@example.com", out, 20), 1);
	assert_int_equal(email_list_split(" a@example.com, b@example.org ;c@example.net ", out, 20), 3);
	assert_string_equal(out[1], "b@example.org");
	assert_int_equal(email_list_split("", out, 20), 0);
	assert_int_equal(email_list_split("a@example.com, nope", out, 20), -1);
	assert_int_equal(email_list_split("a@example.com b@example.com c@example.com", out, 2), -2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(emails), cmocka_unit_test(phones), cmocka_unit_test(utf8),
		cmocka_unit_test(ids), cmocka_unit_test(blanks_and_languages), cmocka_unit_test(email_lists),
	};
	return cmocka_run_group_tests_name("validate", tests, NULL, NULL);
}
