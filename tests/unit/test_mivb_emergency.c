/* Emergency Services' checks (guide §3.1.2): dialables, provider servers
 * and Extra Headers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "lib/mivb/emergency.h"

static void dialables(void **state)
{
	(void)state;
	assert_true(mivb_dialable_valid("911"));
	assert_true(mivb_dialable_valid("112"));
	assert_true(mivb_dialable_valid("10"));
	assert_false(mivb_dialable_valid("9"));
	assert_false(mivb_dialable_valid("1234567"));
	assert_false(mivb_dialable_valid("91a"));
}

static void servers(void **state)
{
	(void)state;
	assert_true(mivb_server_valid("https://dlp.example.com"));
	assert_true(mivb_server_valid("https://dlp.example.com:8443/api"));
	assert_true(mivb_server_valid("dlp.example.com:8443"));
	assert_true(mivb_server_valid("dlp-1.example.com"));
	assert_false(mivb_server_valid("http://dlp.example.com"));
	assert_false(mivb_server_valid("dlp.example.com/api"));
	assert_false(mivb_server_valid("dlp..example.com"));
	assert_false(mivb_server_valid("dlp.example.com:0"));
	assert_false(mivb_server_valid("dlp.example.com:70000"));
	assert_false(mivb_server_valid("dlp example.com"));
}

static void extra_headers(void **state)
{
	(void)state;
	assert_null(mivb_headers_fault(""));
	assert_null(mivb_headers_fault("{}"));
	assert_null(mivb_headers_fault("{\"X-Api-Version\": \"2\", \"Authorization\": \"Token abc\"}"));
	assert_string_equal(mivb_headers_fault("{\"X-Api\": "), "json");
	assert_string_equal(mivb_headers_fault("[\"X-Api\"]"), "object");
	assert_string_equal(mivb_headers_fault("{\"X Api\": \"2\"}"), "name");
	assert_string_equal(mivb_headers_fault("{\"X-Api\": 2}"), "value");
	assert_string_equal(mivb_headers_fault("{\"X-Api\": \"a\\r\\nInjected: yes\"}"), "value");
	assert_string_equal(mivb_headers_fault("{\"X-Api\": \"1\", \"X-Api\": \"2\"}"), "json");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dialables),
		cmocka_unit_test(servers),
		cmocka_unit_test(extra_headers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
