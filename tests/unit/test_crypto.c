/* Secrets at rest: AES-256-GCM sealing round-trips, never repeats, and
 * refuses a wrong key or a changed byte. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "lib/core/crypto.h"

#define KEY "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
#define OTHER "ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

static void sealed_secrets_open_with_their_key(void **state)
{
	const char *secrets[] = {"", "p", "correct horse battery staple", "ünïcödé pässwörd"};
	for (size_t i = 0; i < sizeof secrets / sizeof secrets[0]; i++) {
		char sealed[SECRET_SEALED(64)], open[65];
		assert_int_equal(secret_seal(KEY, secrets[i], sealed, sizeof sealed), 0);
		assert_int_equal(strncmp(sealed, "v1:", 3), 0);
		if (strlen(secrets[i]) > 4)
			assert_null(strstr(sealed, secrets[i]));
		assert_int_equal(secret_open(KEY, sealed, open, sizeof open), 0);
		assert_string_equal(open, secrets[i]);
	}
}

static void sealing_twice_differs(void **state)
{
	char a[SECRET_SEALED(8)], b[SECRET_SEALED(8)];
	assert_int_equal(secret_seal(KEY, "same", a, sizeof a), 0);
	assert_int_equal(secret_seal(KEY, "same", b, sizeof b), 0);
	assert_string_not_equal(a, b);
}

static void a_wrong_key_or_a_changed_byte_is_refused(void **state)
{
	char sealed[SECRET_SEALED(16)], open[32];
	assert_int_equal(secret_seal(KEY, "the secret", sealed, sizeof sealed), 0);
	assert_int_equal(secret_open(OTHER, sealed, open, sizeof open), -1);
	sealed[10] = sealed[10] == 'A' ? 'B' : 'A';
	assert_int_equal(secret_open(KEY, sealed, open, sizeof open), -1);
	assert_int_equal(secret_open(KEY, "v1:", open, sizeof open), -1);
	assert_int_equal(secret_open(KEY, "plain text", open, sizeof open), -1);
	assert_int_equal(secret_seal("not a key", "x", sealed, sizeof sealed), -1);
}

static void a_small_buffer_is_refused(void **state)
{
	char sealed[SECRET_SEALED(64)], open[4];
	assert_int_equal(secret_seal(KEY, "longer than four", sealed, 10), -1);
	assert_int_equal(secret_seal(KEY, "longer than four", sealed, sizeof sealed), 0);
	assert_int_equal(secret_open(KEY, sealed, open, sizeof open), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sealed_secrets_open_with_their_key),
		cmocka_unit_test(sealing_twice_differs),
		cmocka_unit_test(a_wrong_key_or_a_changed_byte_is_refused),
		cmocka_unit_test(a_small_buffer_is_refused),
	};
	return cmocka_run_group_tests_name("crypto", tests, NULL, NULL);
}
