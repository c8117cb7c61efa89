/* MiVoice Business Numbers' rules (guide §3.1.2 Numbers): directory
 * numbers, extension ranges and DID numbers and ranges. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "lib/mivb/numbers.h"

static void dns_are_one_to_ten_digits(void **state)
{
	(void)state;
	assert_true(mivb_dn_valid("1"));
	assert_true(mivb_dn_valid("0123456789"));
	assert_false(mivb_dn_valid(""));
	assert_false(mivb_dn_valid("01234567890"));
	assert_false(mivb_dn_valid("12a"));
	assert_false(mivb_dn_valid("+100"));
}

static void dids_are_e164_or_national(void **state)
{
	(void)state;
	assert_true(mivb_did_valid("+16135550100"));
	assert_true(mivb_did_valid("6135550100"));
	assert_true(mivb_did_valid("911"));
	assert_false(mivb_did_valid("91"));
	assert_false(mivb_did_valid("+1234567890123456"));
	assert_false(mivb_did_valid("++1613"));
	assert_false(mivb_did_valid("613-555"));
}

static void expect_fault(const char *start, const char *end, const char *field, const char *reason)
{
	struct mivb_fault f = mivb_range_check(start, end);
	if (!field) {
		assert_null(f.field);
		return;
	}
	assert_non_null(f.field);
	assert_string_equal(f.field, field);
	assert_string_equal(f.reason, reason);
}

static void extension_ranges(void **state)
{
	(void)state;
	expect_fault("1000", "1999", NULL, NULL);
	expect_fault("7", "7", NULL, NULL);
	expect_fault("", "1999", "start", "required");
	expect_fault("1x", "1999", "start", "invalid");
	expect_fault("1000", "", "end", "required");
	expect_fault("1000", "19999999999", "end", "invalid");
	expect_fault("100", "1999", "end", "length");
	expect_fault("1999", "1000", "end", "order");
	expect_fault("0000000", "0100000", "end", "too_many");
	expect_fault("0000000", "0099999", NULL, NULL);
}

static void did_ranges_expand_keeping_zeros_and_plus(void **state)
{
	(void)state;
	char out[MIVB_DID_RANGE_MAX][MIVB_DID_MAX + 1];
	struct mivb_fault f;
	assert_int_equal(mivb_did_range("+16135550098", "+16135550101", out, MIVB_DID_RANGE_MAX, &f), 4);
	assert_string_equal(out[0], "+16135550098");
	assert_string_equal(out[3], "+16135550101");
	assert_int_equal(mivb_did_range("0099", "0101", out, MIVB_DID_RANGE_MAX, &f), 3);
	assert_string_equal(out[1], "0100");
	assert_int_equal(mivb_did_range("+1613", "1614", out, MIVB_DID_RANGE_MAX, &f), 0);
	assert_string_equal(f.field, "range_end");
	assert_string_equal(f.reason, "length");
	assert_int_equal(mivb_did_range("5000", "4999", out, MIVB_DID_RANGE_MAX, &f), 0);
	assert_string_equal(f.reason, "order");
	assert_int_equal(mivb_did_range("10000", "11000", out, MIVB_DID_RANGE_MAX, &f), 0);
	assert_string_equal(f.reason, "too_many");
	assert_int_equal(mivb_did_range("10000", "10999", NULL, MIVB_DID_RANGE_MAX, &f), 1000);
	assert_int_equal(mivb_did_range("", "10999", NULL, MIVB_DID_RANGE_MAX, &f), 0);
	assert_string_equal(f.field, "range_start");
	assert_string_equal(f.reason, "required");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dns_are_one_to_ten_digits),
		cmocka_unit_test(dids_are_e164_or_national),
		cmocka_unit_test(extension_ranges),
		cmocka_unit_test(did_ranges_expand_keeping_zeros_and_plus),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
