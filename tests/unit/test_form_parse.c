#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "cgi-bin/core/form_parse.h"

static HDF *parse(const char *text, int *rc)
{
	HDF *hdf = NULL;
	char body[512];
	hdf_init(&hdf);
	snprintf(body, sizeof body, "%s", text);
	*rc = form_parse_body(hdf, body);
	return hdf;
}

static void decodes_fields(void **state)
{
	int rc;
	HDF *h = parse("email=a%40example.com&name=Zo%C3%AB+Smith&empty=&flag", &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(hdf_get_value(h, "Query.email", ""), "a@example.com");
	assert_string_equal(hdf_get_value(h, "Query.name", ""), "Zoë Smith");
	assert_string_equal(hdf_get_value(h, "Query.empty", "x"), "");
	assert_string_equal(hdf_get_value(h, "Query.flag", "x"), "");
	hdf_destroy(&h);
}

static void repeated_names_become_lists(void **state)
{
	int rc;
	HDF *h = parse("id=1&id=2&id=3", &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(hdf_get_value(h, "Query.id", ""), "1");
	assert_string_equal(hdf_get_value(h, "Query.id.0", ""), "1");
	assert_string_equal(hdf_get_value(h, "Query.id.2", ""), "3");
	hdf_destroy(&h);
}

static void encoded_nul_becomes_a_refusable_control_character(void **state)
{
	int rc;
	HDF *h = parse("first_name=Ab%00cd&x=%00", &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(hdf_get_value(h, "Query.first_name", ""), "Ab\001cd");
	assert_string_equal(hdf_get_value(h, "Query.x", ""), "\001");
	hdf_destroy(&h);
}

static void ignores_names_that_are_not_fields(void **state)
{
	int rc;
	HDF *h = parse("a.b=1&Query=2&ok_name=3", &rc);
	assert_int_equal(rc, 0);
	assert_null(hdf_get_value(h, "Query.a.b", NULL));
	assert_string_equal(hdf_get_value(h, "Query.ok_name", ""), "3");
	hdf_destroy(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decodes_fields), cmocka_unit_test(repeated_names_become_lists),
		cmocka_unit_test(encoded_nul_becomes_a_refusable_control_character), cmocka_unit_test(ignores_names_that_are_not_fields),
	};
	return cmocka_run_group_tests_name("form_parse", tests, NULL, NULL);
}
