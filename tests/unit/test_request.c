/* The front line's pieces that need no database: declared inputs, the typed
 * confirmation, form defaults, redirects and cookies, and what a failed form
 * comes back as. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cgi-bin/core/input.h"
#include "cgi-bin/core/reply.h"
#include "cgi-bin/core/routes.h"
#include "cgi-bin/core/serve.h"
#include "lib/core/config.h"

static const struct input fields[] = {
	{"name", IN_TEXT, IN_REQUIRED, 10},
	{"email", IN_EMAIL, 0, 254},
	{"mobile", IN_PHONE, 0, 32},
	{"count", IN_INT, 0, 100},
	{"agree", IN_CHECK, 0, 0},
	{"secret", IN_SECRET, 0, 16},
	{"role", IN_KEY, 0, 20},
	{0},
};

static const struct route form_post = {
	.method = "POST", .pattern = "/nowhere/form", .screen = "test/form", .inputs = fields, .confirm = "delete",
};

static void new_req(struct req *r, const struct route *route)
{
	memset(r, 0, sizeof *r);
	assert_int_equal(hdf_init(&r->hdf), STATUS_OK);
	r->route = route;
	r->method = route->method;
}

static void query(struct req *r, const char *name, const char *value)
{
	char key[128];
	snprintf(key, sizeof key, "Query.%s", name);
	hdf_set_value(r->hdf, key, value);
}

static const char *value_of(struct req *r, const char *prefix, const char *name)
{
	char key[128];
	snprintf(key, sizeof key, "%s.%s", prefix, name);
	return hdf_get_value(r->hdf, key, NULL);
}

static void good_input_is_trimmed_echoed_and_normalised(void **state)
{
	struct req r;
	new_req(&r, &form_post);
	query(&r, "name", "  Ada  ");
	query(&r, "email", "ada@example.com");
	query(&r, "mobile", "+1 (415) 555-0100");
	query(&r, "count", "42");
	query(&r, "agree", "on");
	query(&r, "secret", " spaced secret ");
	query(&r, "role", "role-12");
	assert_true(inputs_check(&r));
	assert_false(form_has_errors(&r));
	assert_string_equal(in(&r, "name"), "Ada");
	assert_string_equal(in(&r, "mobile"), "+14155550100");
	assert_int_equal(in_int(&r, "count"), 42);
	assert_true(in_checked(&r, "agree"));
	/* A password is taken as typed and never echoed into the form. */
	assert_string_equal(in(&r, "secret"), " spaced secret ");
	assert_null(value_of(&r, "Form.Values", "secret"));
	hdf_destroy(&r.hdf);
}

static void each_bad_field_gets_its_message(void **state)
{
	struct req r;
	new_req(&r, &form_post);
	query(&r, "name", "");
	query(&r, "email", "not-an-address");
	query(&r, "mobile", "call me");
	query(&r, "count", "101");
	query(&r, "secret", "0123456789abcdefg");
	query(&r, "role", "Role 12");
	assert_false(inputs_check(&r));
	assert_true(form_has_errors(&r));
	/* lang() answers with the key when no language file is loaded. */
	assert_string_equal(value_of(&r, "Form.Errors", "name"), "errors.required");
	assert_string_equal(value_of(&r, "Form.Errors", "email"), "errors.invalid_email");
	assert_string_equal(value_of(&r, "Form.Errors", "mobile"), "errors.invalid_phone");
	assert_string_equal(value_of(&r, "Form.Errors", "count"), "errors.invalid_number");
	assert_string_equal(value_of(&r, "Form.Errors", "secret"), "errors.too_long");
	assert_string_equal(value_of(&r, "Form.Errors", "role"), "errors.invalid_choice");
	assert_null(value_of(&r, "Form.Errors", "agree"));
	/* What was typed comes back to be corrected. */
	assert_string_equal(value_of(&r, "Form.Values", "email"), "not-an-address");
	hdf_destroy(&r.hdf);
}

static void text_limits_count_characters_and_refuse_control_characters(void **state)
{
	struct req r;
	new_req(&r, &form_post);
	query(&r, "name", "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"); /* 10 × é */
	assert_true(inputs_check(&r));
	hdf_destroy(&r.hdf);
	new_req(&r, &form_post);
	query(&r, "name", "Ada\x01");
	assert_false(inputs_check(&r));
	assert_string_equal(value_of(&r, "Form.Errors", "name"), "errors.invalid_text");
	hdf_destroy(&r.hdf);
	new_req(&r, &form_post);
	query(&r, "name", "\xff\xfe");
	assert_false(inputs_check(&r));
	hdf_destroy(&r.hdf);
}

static void the_typed_word_must_match_exactly(void **state)
{
	struct req r;
	new_req(&r, &form_post);
	query(&r, "confirm", "Delete");
	assert_false(confirm_check(&r));
	assert_string_equal(value_of(&r, "Form.Errors", "confirm"), "errors.typed_word");
	hdf_destroy(&r.hdf);
	new_req(&r, &form_post);
	query(&r, "confirm", " delete ");
	assert_true(confirm_check(&r));
	hdf_destroy(&r.hdf);
}

static void defaults_never_replace_what_was_typed(void **state)
{
	struct req r;
	new_req(&r, &form_post);
	query(&r, "name", "Typed");
	inputs_check(&r);
	form_default(&r, "name", "From the database");
	form_default(&r, "email", "stored@example.com");
	assert_string_equal(value_of(&r, "Form.Values", "name"), "Typed");
	assert_string_equal(value_of(&r, "Form.Values", "email"), "stored@example.com");
	hdf_destroy(&r.hdf);
}

static void a_failed_action_without_a_form_is_unprocessable(void **state)
{
	struct req r;
	new_req(&r, &form_post);
	assert_null(route_form(&form_post));
	assert_int_equal(invalid(&r), UNPROCESSABLE);
	assert_int_equal(r.status, 422);
	hdf_destroy(&r.hdf);
}

static void redirects_stay_on_this_site(void **state)
{
	struct req r;
	memset(&r, 0, sizeof r);
	const char *hostile[] = {"//evil.example.com/", "https://evil.example.com/", "/\\evil.example.com", "evil"};
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		redirect(&r, "%s", hostile[i]);
		assert_string_equal(r.location, "/");
	}
	assert_int_equal(done(&r, "flash.saved", "/a/%s/users", "x"), DONE);
	assert_string_equal(r.location, "/a/x/users");
	assert_non_null(strstr(r.set_cookie[0], FLASH_COOKIE "=flash.saved"));
}

static void load_config(const char *text)
{
	char path[] = "/tmp/sb-test-config-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	assert_int_equal(config_load(path), 0);
	unlink(path);
}

static void cookies_are_secure_over_https(void **state)
{
	struct req r;
	load_config("Site.BaseURL = https://console.example.com\n");
	assert_true(cookies_secure());
	memset(&r, 0, sizeof r);
	set_cookie(&r, "sb_session", "abc", -1);
	assert_non_null(strstr(r.set_cookie[0], "; Secure"));
	assert_non_null(strstr(r.set_cookie[0], "HttpOnly"));
	assert_non_null(strstr(r.set_cookie[0], "SameSite=Lax"));
	load_config("Site.BaseURL = http://127.0.0.1:8080\n");
	assert_false(cookies_secure());
	load_config("Site.BaseURL = http://127.0.0.1:8080\nSession.CookieSecure = 1\n");
	assert_true(cookies_secure());
}

/* A worker serves request after request: all that opening the CGI kit
 * allocates, its body parsers included, goes when it is closed. The unit
 * tests run under LeakSanitizer, which fails this binary on a leak. */
static void closing_the_cgi_kit_frees_its_parsers(void **state)
{
	HDF *hdf = NULL;
	CGI *cgi = NULL;
	assert_int_equal(hdf_init(&hdf), STATUS_OK);
	assert_int_equal(request_cgi_open(&cgi, hdf), STATUS_OK);
	assert_non_null(cgi->parse_callbacks);
	request_cgi_close(&cgi);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(good_input_is_trimmed_echoed_and_normalised),
		cmocka_unit_test(each_bad_field_gets_its_message),
		cmocka_unit_test(text_limits_count_characters_and_refuse_control_characters),
		cmocka_unit_test(the_typed_word_must_match_exactly),
		cmocka_unit_test(defaults_never_replace_what_was_typed),
		cmocka_unit_test(a_failed_action_without_a_form_is_unprocessable),
		cmocka_unit_test(redirects_stay_on_this_site),
		cmocka_unit_test(cookies_are_secure_over_https),
		cmocka_unit_test(closing_the_cgi_kit_frees_its_parsers),
	};
	return cmocka_run_group_tests_name("request", tests, NULL, NULL);
}
