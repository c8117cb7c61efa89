/* Session and sign-in rules that need no database: tokens, hashes and
 * password hashing (throttling: test_throttle.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "lib/core/crypto.h"

static void tokens_are_random_hex(void **state)
{
	char a[TOKEN_HEX], b[TOKEN_HEX];
	assert_int_equal(random_token(a), 0);
	assert_int_equal(random_token(b), 0);
	assert_int_equal(strlen(a), 64);
	assert_int_equal(strspn(a, "0123456789abcdef"), 64);
	assert_string_not_equal(a, b);
}

static void sha256_matches_the_fips_vector(void **state)
{
	char h1[TOKEN_HEX], h2[TOKEN_HEX];
	sha256_hex("abc", h1);
	/* The SHA-256 of "abc" from FIPS 180-2. */
	assert_string_equal(h1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256_hex("abd", h2);
	assert_string_not_equal(h1, h2);
}

static void uuids_are_version_4(void **state)
{
	char u[UUID_LEN];
	assert_int_equal(uuid_v4(u), 0);
	assert_int_equal(strlen(u), 36);
	assert_int_equal(u[14], '4');
	assert_true(strchr("89ab", u[19]) != NULL);
}

static void passwords_hash_with_argon2id(void **state)
{
	char h[PASSWORD_HASH_MAX], h2[PASSWORD_HASH_MAX];
	assert_int_equal(password_hash("correct horse", h), 0);
	assert_int_equal(strncmp(h, "$argon2id$", 10), 0);
	assert_true(password_verify(h, "correct horse"));
	assert_false(password_verify(h, "correct horsf"));
	assert_false(password_verify("", "anything"));
	assert_false(password_verify(NULL, "anything"));
	assert_int_equal(password_hash("correct horse", h2), 0);
	assert_string_not_equal(h, h2); /* salted */
}

static void constant_time_compare(void **state)
{
	assert_true(const_time_eq("abc", "abc"));
	assert_false(const_time_eq("abc", "abd"));
	assert_false(const_time_eq("abc", "abcd"));
	assert_false(const_time_eq("", "a"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tokens_are_random_hex), cmocka_unit_test(sha256_matches_the_fips_vector),
		cmocka_unit_test(uuids_are_version_4), cmocka_unit_test(passwords_hash_with_argon2id),
		cmocka_unit_test(constant_time_compare),
	};
	return cmocka_run_group_tests_name("session", tests, NULL, NULL);
}
