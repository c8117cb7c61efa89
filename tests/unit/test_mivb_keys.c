/* MiVoice Business user PIN and programmable key rules, and the catalogues
 * they read (guide §3.1.2.2.1, §3.1.2.2.2.1-2). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "lib/mivb/rules.h"

static void pins_meet_the_password_requirements(void **state)
{
	(void)state;
	assert_null(mivb_pin_fault("4821"));
	assert_null(mivb_pin_fault("0192837465"));
	assert_string_equal(mivb_pin_fault("482"), "length");
	assert_string_equal(mivb_pin_fault("48213769012"), "length");
	assert_string_equal(mivb_pin_fault("48a1"), "digits");
	assert_string_equal(mivb_pin_fault("7777"), "same");
	assert_string_equal(mivb_pin_fault("1234"), "sequence");
	assert_string_equal(mivb_pin_fault("9876543"), "sequence");
	assert_null(mivb_pin_fault("1235"));
}

static void auto_generated_pins_meet_them_too(void **state)
{
	(void)state;
	for (int i = 0; i < 200; i++) {
		char pin[MIVB_PIN_MAX + 1];
		mivb_pin_generate(pin, 4 + i % 7);
		assert_int_equal(strlen(pin), 4 + i % 7);
		assert_null(mivb_pin_fault(pin));
	}
}

static void the_catalogues_hold_together(void **state)
{
	(void)state;
	size_t n;
	const struct mivb_phone_model *m = mivb_phone_models(&n);
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		assert_true(m[i].keys > 0 && m[i].keys <= 64);
		if (m[i].float_first)
			assert_true(m[i].float_first + MIVB_FLOAT_MAX - 1 <= m[i].keys);
		assert_ptr_equal(mivb_phone_model(m[i].key), &m[i]);
	}
	/* the guide's float sets, and only them */
	const char *floats[] = {"5340", "5340e", "5360", "5560", "6930", "6930L", "6930w", "6940", "6940w", "6970"};
	size_t with_float = 0;
	for (size_t i = 0; i < n; i++)
		with_float += m[i].float_first != 0;
	assert_int_equal(with_float, sizeof floats / sizeof floats[0]);
	for (size_t i = 0; i < sizeof floats / sizeof floats[0]; i++)
		assert_true(mivb_phone_model(floats[i])->float_first > 0);
	const struct mivb_key_function *f = mivb_key_functions(&n);
	assert_string_equal(f[0].key, "not_assigned");
	for (size_t i = 0; i < n; i++) {
		assert_ptr_equal(mivb_key_function(f[i].key), &f[i]);
		if (f[i].flags & MIVB_FN_NEEDS_EXT)
			assert_true(f[i].flags & MIVB_FN_EXTENSION);
		for (const char *const *k = f[i].models; k && *k; k++)
			assert_non_null(mivb_phone_model(*k));
	}
	unsigned floatable = 0;
	for (size_t i = 0; i < n; i++)
		if (f[i].flags & MIVB_FN_FLOAT)
			floatable++;
	assert_int_equal(floatable, 3);
	assert_true(mivb_key_function("single_line")->flags & MIVB_FN_FLOAT);
	assert_true(mivb_key_function("key_system")->flags & MIVB_FN_FLOAT);
	assert_true(mivb_key_function("multicall")->flags & MIVB_FN_FLOAT);
}

static struct mivb_key key(int button, const char *fn, const char *ring, const char *ext, int is_float)
{
	return (struct mivb_key){button, fn, "", ring, ext, is_float};
}

static void expect(const char *model, struct mivb_key k, const char *field, const char *reason)
{
	struct mivb_fault f = mivb_key_fault(mivb_phone_model(model), &k);
	if (!field) {
		assert_null(f.field);
		return;
	}
	assert_non_null(f.field);
	assert_string_equal(f.field, field);
	assert_string_equal(f.reason, reason);
}

static void one_key(void **state)
{
	(void)state;
	expect("6930", key(3, "", "", "", 0), NULL, NULL);
	expect("6930", key(3, "call_forward_busy_external", "none", "", 0), NULL, NULL);
	expect("6930", key(3, "call_forward_busy_external", "ring", "", 0), "ring_type", "not_allowed");
	expect("6930", key(3, "call_forward_busy_external", "", "1001", 0), "extension", "not_allowed");
	expect("6930", key(3, "acd", "", "", 0), "function", "not_compatible");
	expect("5340", key(3, "acd", "", "", 0), NULL, NULL);
	expect("6930", key(3, "warp_drive", "", "", 0), "function", "unknown");
	expect("6930", key(3, "single_line", "ring", "", 0), "extension", "required");
	expect("6930", key(3, "single_line", "ring", "19a0", 0), "extension", "invalid");
	expect("6930", key(3, "single_line", "loud", "1900", 0), "ring_type", "unknown");
	expect("6930", key(3, "call_forward_always", "", "", 0), NULL, NULL);
	struct mivb_key long_label = key(1, "auto_answer", "", "", 0);
	long_label.label = "A label far too long!";
	expect("6930", long_label, "label", "too_long");
	long_label.label = "Twenty characters ok";
	expect("6930", long_label, NULL, NULL);
}

static void float_keys(void **state)
{
	(void)state;
	expect("6930", key(7, "single_line", "ring", "1900", 1), NULL, NULL);
	expect("6930", key(12, "multicall", "ring", "1900", 1), NULL, NULL);
	expect("6930", key(6, "key_system", "ring", "1900", 1), "float", "row");
	expect("6930", key(7, "speed_call", "", "1900", 1), "float", "not_allowed");
	expect("6920", key(7, "single_line", "ring", "1900", 1), "float", "model");
	expect("5340", key(1, "single_line", "ring", "1900", 1), NULL, NULL);
}

static void a_set_of_keys(void **state)
{
	(void)state;
	const struct mivb_phone_model *m = mivb_phone_model("6930");
	struct mivb_key keys[] = {
		key(1, "auto_answer", "", "", 0), key(7, "single_line", "ring", "1900", 1),
		key(8, "single_line", "ring", "1901", 1), key(1, "do_not_disturb", "", "", 0),
	};
	struct mivb_fault f;
	assert_int_equal(mivb_keys_fault(m, keys, 3, &f), -1);
	assert_int_equal(mivb_keys_fault(m, keys, 4, &f), 3);
	assert_string_equal(f.field, "button");
	struct mivb_key beyond[] = {key(13, "auto_answer", "", "", 0)};
	assert_int_equal(mivb_keys_fault(m, beyond, 1, &f), 0);
	assert_string_equal(f.field, "button");
	struct mivb_key bad_ext[] = {key(2, "auto_answer", "", "", 0), key(3, "speed_call", "", "", 0)};
	assert_int_equal(mivb_keys_fault(m, bad_ext, 2, &f), 1);
	assert_string_equal(f.field, "extension");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pins_meet_the_password_requirements),
		cmocka_unit_test(auto_generated_pins_meet_them_too),
		cmocka_unit_test(the_catalogues_hold_together),
		cmocka_unit_test(one_key),
		cmocka_unit_test(float_keys),
		cmocka_unit_test(a_set_of_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
