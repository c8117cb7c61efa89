#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgi-bin/core/form_parse.h"

static HDF *parse(const char *text, int *rc)
{
	HDF *hdf = NULL;
	char body[512];
	hdf_init(&hdf);
	snprintf(body, sizeof body, "%s", text);
	*rc = form_parse_body(hdf, body, FORM_MAX_FIELDS);
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

static int children(HDF *node)
{
	int n = 0;
	for (HDF *c = hdf_obj_child(node); c; c = hdf_obj_next(c))
		n++;
	return n;
}

/* "a=1&a=1&..." n times, with the values numbered: a=0&a=1&... */
static char *repeated(const char *name, int n)
{
	size_t size = (size_t)n * (strlen(name) + 16) + 1, len = 0;
	char *body = malloc(size);
	assert_non_null(body);
	body[0] = 0;
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(body + len, size - len, "%s%s=%d", i ? "&" : "", name, i);
	return body;
}

/* One name repeated 20,000 times: every value kept, in order. Appending
 * used to walk the list each time (quadratic, ~30 s for a 320 KB body);
 * this finishes in moments, but only the result is checked here. */
static void many_repeats_of_one_name(void **state)
{
	const int n = 20000;
	char *body = repeated("a", n);
	HDF *h = NULL;
	hdf_init(&h);
	assert_int_equal(form_parse_body(h, body, n), 0);
	HDF *a = hdf_get_obj(h, "Query.a");
	assert_non_null(a);
	assert_int_equal(children(a), n);
	assert_string_equal(hdf_get_value(h, "Query.a", ""), "0");
	assert_string_equal(hdf_get_value(h, "Query.a.0", ""), "0");
	assert_string_equal(hdf_get_value(h, "Query.a.12345", ""), "12345");
	assert_string_equal(hdf_get_value(h, "Query.a.19999", ""), "19999");
	hdf_destroy(&h);
	free(body);
}

/* Over the cap, the body is refused whole: nothing of it is stored. */
static void too_many_fields_are_refused_whole(void **state)
{
	char *body = repeated("a", FORM_MAX_FIELDS + 1);
	HDF *h = NULL;
	hdf_init(&h);
	assert_int_equal(form_parse_body(h, body, FORM_MAX_FIELDS), -1);
	assert_null(hdf_get_obj(h, "Query"));
	hdf_destroy(&h);
	free(body);

	body = repeated("a", FORM_MAX_FIELDS);
	hdf_init(&h);
	assert_int_equal(form_parse_body(h, body, FORM_MAX_FIELDS), 0);
	assert_int_equal(children(hdf_get_obj(h, "Query.a")), FORM_MAX_FIELDS);
	hdf_destroy(&h);
	free(body);

	/* Empty pairs count: "&&&..." is no cheaper to refuse than to store. */
	body = calloc(FORM_MAX_FIELDS + 2, 1);
	assert_non_null(body);
	memset(body, '&', FORM_MAX_FIELDS);
	hdf_init(&h);
	assert_int_equal(form_parse_body(h, body, FORM_MAX_FIELDS), -1);
	hdf_destroy(&h);
	free(body);
}

/* Distinct names, and names repeated among others: each list in order. */
static void interleaved_names(void **state)
{
	int rc;
	HDF *h = parse("x=1&y=a&x=2&z=&y=b&x=3", &rc);
	assert_int_equal(rc, 0);
	assert_int_equal(children(hdf_get_obj(h, "Query.x")), 3);
	assert_string_equal(hdf_get_value(h, "Query.x.2", ""), "3");
	assert_string_equal(hdf_get_value(h, "Query.y", ""), "a");
	assert_string_equal(hdf_get_value(h, "Query.y.1", ""), "b");
	assert_null(hdf_obj_child(hdf_get_obj(h, "Query.z")));
	hdf_destroy(&h);
}

/* A name already set from the query string: the body's values follow it. */
static void body_values_follow_the_query_string(void **state)
{
	HDF *h = NULL;
	hdf_init(&h);
	hdf_set_value(h, "Query.id", "q");
	char body[] = "id=b1&id=b2";
	assert_int_equal(form_parse_body(h, body, FORM_MAX_FIELDS), 0);
	assert_string_equal(hdf_get_value(h, "Query.id", ""), "q");
	assert_string_equal(hdf_get_value(h, "Query.id.0", ""), "q");
	assert_string_equal(hdf_get_value(h, "Query.id.2", ""), "b2");
	hdf_destroy(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decodes_fields), cmocka_unit_test(repeated_names_become_lists),
		cmocka_unit_test(encoded_nul_becomes_a_refusable_control_character), cmocka_unit_test(ignores_names_that_are_not_fields),
		cmocka_unit_test(many_repeats_of_one_name), cmocka_unit_test(too_many_fields_are_refused_whole),
		cmocka_unit_test(interleaved_names), cmocka_unit_test(body_values_follow_the_query_string),
	};
	return cmocka_run_group_tests_name("form_parse", tests, NULL, NULL);
}
