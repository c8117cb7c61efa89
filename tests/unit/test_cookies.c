/* Cookies carry Secure when the console is reached over https (ARCHITECTURE
 * §8): decided by Site.BaseURL in the configuration, read here from a
 * temporary file as the console reads its own. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cgi-bin/core/reply.h"
#include "lib/core/config.h"

/* Loads a configuration made of text; the file is gone afterwards. */
static void load_config(const char *text)
{
	char path[] = "/tmp/sb-test-config-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	assert_int_equal(config_load(path), 0);
	unlink(path);
}

/* The Set-Cookie value set_cookie() writes for a session cookie. */
static void session_cookie(char *out, size_t n)
{
	struct req r;
	memset(&r, 0, sizeof r);
	set_cookie(&r, "sb_session", "0123abcd", -1);
	assert_int_equal(r.n_cookies, 1);
	snprintf(out, n, "%s", r.set_cookie[0]);
}

static void https_base_url_makes_cookies_secure(void **state)
{
	char cookie[512];
	load_config("Site.BaseURL = https://admin.example.com\n");
	assert_true(cookies_secure());
	session_cookie(cookie, sizeof cookie);
	assert_non_null(strstr(cookie, "; Secure"));
	assert_non_null(strstr(cookie, "HttpOnly"));
	assert_non_null(strstr(cookie, "SameSite=Lax"));
}

static void http_base_url_does_not(void **state)
{
	char cookie[512];
	load_config("Site.BaseURL = http://127.0.0.1:8080\n");
	assert_false(cookies_secure());
	session_cookie(cookie, sizeof cookie);
	assert_null(strstr(cookie, "Secure"));
	assert_non_null(strstr(cookie, "HttpOnly"));
}

static void the_setting_overrides_the_url(void **state)
{
	load_config("Site.BaseURL = https://admin.example.com\nSession.CookieSecure = 0\n");
	assert_false(cookies_secure());
	load_config("Site.BaseURL = http://behind-a-tls-proxy.example.com\nSession.CookieSecure = 1\n");
	assert_true(cookies_secure());
}

static void without_a_base_url_cookies_are_not_secure(void **state)
{
	load_config("Cloud.Location = Nowhere\n");
	assert_false(cookies_secure());
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(https_base_url_makes_cookies_secure),
		cmocka_unit_test(http_base_url_does_not),
		cmocka_unit_test(the_setting_overrides_the_url),
		cmocka_unit_test(without_a_base_url_cookies_are_not_secure),
	};
	return cmocka_run_group_tests_name("cookies", tests, NULL, NULL);
}
