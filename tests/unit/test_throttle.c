/* Sign-in throttling's rules (lib/throttle.h), without a database: guessing
 * is bounded, and nobody can lock a user out. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "lib/throttle.h"

static const struct throttle_rules rules = {
	.pair_max = 5, .window = 15 * 60, .address_free = 20, .email_free = 10, .delay_max = 60,
};

static void delays_double_up_to_the_limit(void **state)
{
	assert_int_equal(throttle_delay(-3, 60), 0);
	assert_int_equal(throttle_delay(0, 60), 0);
	assert_int_equal(throttle_delay(1, 60), 2);
	assert_int_equal(throttle_delay(2, 60), 4);
	assert_int_equal(throttle_delay(5, 60), 32);
	assert_int_equal(throttle_delay(6, 60), 60);
	assert_int_equal(throttle_delay(1000, 60), 60);
}

static void nothing_failed_nothing_waits(void **state)
{
	struct throttle_counts c = {0};
	assert_int_equal(throttle_wait_seconds(&c, &rules), 0);
}

static void a_pair_that_keeps_failing_waits_out_its_window(void **state)
{
	struct throttle_counts c = {.pair = 4, .pair_age = 60, .address = 4, .address_last = 1, .email = 4, .email_last = 1};
	assert_int_equal(throttle_wait_seconds(&c, &rules), 0);
	c.pair = c.address = c.email = 5;
	assert_int_equal(throttle_wait_seconds(&c, &rules), 15 * 60 - 60);
	c.pair_age = 15 * 60;
	assert_int_equal(throttle_wait_seconds(&c, &rules), 0);
}

static void an_address_failing_many_emails_is_slowed_not_locked(void **state)
{
	struct throttle_counts c = {.address = 20, .address_last = 0};
	assert_int_equal(throttle_wait_seconds(&c, &rules), 0);
	c.address = 21;
	assert_int_equal(throttle_wait_seconds(&c, &rules), 2);
	c.address = 50;
	assert_int_equal(throttle_wait_seconds(&c, &rules), 60);
	c.address_last = 45;
	assert_int_equal(throttle_wait_seconds(&c, &rules), 15);
	c.address_last = 60;
	assert_int_equal(throttle_wait_seconds(&c, &rules), 0);
}

static void the_right_password_from_an_address_that_has_not_failed_goes_through(void **state)
{
	/* Someone failed this email 500 times from elsewhere, a moment ago. */
	struct throttle_counts c = {.email = 500, .email_last = 0};
	assert_int_equal(throttle_wait_seconds(&c, &rules), 0);
	/* An address that has failed too waits after the email's latest failure. */
	c.address = 1;
	c.address_last = 100;
	assert_int_equal(throttle_wait_seconds(&c, &rules), 60);
	c.email_last = 59;
	assert_int_equal(throttle_wait_seconds(&c, &rules), 1);
	/* Below the email's allowance, no wait either way. */
	c.email = 10;
	c.email_last = 0;
	assert_int_equal(throttle_wait_seconds(&c, &rules), 0);
}

static void the_longest_wait_wins(void **state)
{
	struct throttle_counts c = {.pair = 5, .pair_age = 890, .address = 30, .address_last = 0, .email = 11, .email_last = 0};
	assert_int_equal(throttle_wait_seconds(&c, &rules), 60);
	c.pair_age = 100;
	assert_int_equal(throttle_wait_seconds(&c, &rules), 800);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(delays_double_up_to_the_limit),
		cmocka_unit_test(nothing_failed_nothing_waits),
		cmocka_unit_test(a_pair_that_keeps_failing_waits_out_its_window),
		cmocka_unit_test(an_address_failing_many_emails_is_slowed_not_locked),
		cmocka_unit_test(the_right_password_from_an_address_that_has_not_failed_goes_through),
		cmocka_unit_test(the_longest_wait_wins),
	};
	return cmocka_run_group_tests_name("throttle", tests, NULL, NULL);
}
