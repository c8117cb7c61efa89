/* The SCIM engines of lib/scim: the filter grammar and its evaluation, the
 * PATCH engine (the shared vectors of tests/unit/scim-vectors.json, which
 * tests/e2e/scim-oracles.test.js checks against independent
 * implementations), attribute paths, normalization, projection, sorting and
 * the mapping of Users and Groups to the console's columns.
 * SCIM_VECTORS_PRINT=1 prints what the engines answer for each vector. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/scim/filter.h"
#include "lib/scim/json_util.h"
#include "lib/scim/mapping.h"
#include "lib/scim/patch.h"
#include "lib/scim/resource.h"
#include "lib/scim_users.h"

static json_t *vectors;

static int load(void **state)
{
	json_error_t e;
	vectors = json_load_file("tests/unit/scim-vectors.json", 0, &e);
	if (!vectors)
		fprintf(stderr, "scim-vectors.json: line %d: %s\n", e.line, e.text);
	return vectors ? 0 : -1;
}

static int unload(void **state)
{
	json_decref(vectors);
	return 0;
}

static int printing(void) { return getenv("SCIM_VECTORS_PRINT") != NULL; }

static void filter_vectors(void **state)
{
	json_t *resources = json_object_get(vectors, "resources");
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(vectors, "filters"), i, v) {
		const char *text = json_string_value(json_object_get(v, "filter"));
		struct scim_error err = {0};
		struct scim_filter *f = scim_filter_parse(text, &scim_user_type, &err);
		json_t *want_error = json_object_get(v, "error");
		if (printing())
			printf("# %s => %s %s\n", text, f ? "ok" : err.type, f ? "" : err.detail);
		if (want_error) {
			if (f)
				fail_msg("filter %s: parsed, expected %s", text, json_string_value(want_error));
			assert_string_equal(err.type, json_string_value(want_error));
			assert_int_equal(err.status, 400);
			continue;
		}
		if (!f)
			fail_msg("filter %s: %s", text, err.detail);
		char *s = scim_filter_sexpr(f);
		if (!printing() && strcmp(s, json_string_value(json_object_get(v, "sexpr"))) != 0)
			fail_msg("filter %s: sexpr %s", text, s);
		free(s);
		json_t *got = json_array();
		const char *name;
		json_t *res;
		json_object_foreach(resources, name, res)
			if (scim_filter_match(f, res))
				json_array_append_new(got, json_string(name));
		if (!printing() && !json_equal(got, json_object_get(v, "matches"))) {
			char *g = json_dumps(got, JSON_COMPACT);
			fail_msg("filter %s: matches %s", text, g);
		}
		json_decref(got);
		scim_filter_free(f);
	}
}

static void patch_vectors(void **state)
{
	json_t *resources = json_object_get(vectors, "patchResources");
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(vectors, "patches"), i, v) {
		const char *name = json_string_value(json_object_get(v, "name"));
		const struct scim_resource_type *t = json_is_true(json_object_get(v, "group")) ? &scim_group_type
											: &scim_user_type;
		json_t *doc = json_deep_copy(json_object_get(resources, json_string_value(json_object_get(v, "resource"))));
		struct scim_error err = {0};
		assert_int_equal(scim_normalize(doc, t, &err), 0);
		json_t *body = json_pack("{s:[s],s:O}", "schemas", SCIM_URN_PATCH, "Operations",
					 json_object_get(v, "operations"));
		json_t *out = scim_patch(doc, body, t, &err);
		if (printing()) {
			char *o = out ? json_dumps(out, JSON_COMPACT) : NULL;
			printf("# %s => %s\n", name, o ? o : err.type);
			free(o);
		}
		json_t *want_error = json_object_get(v, "error");
		if (want_error) {
			if (out)
				fail_msg("patch '%s': applied, expected %s", name, json_string_value(want_error));
			assert_string_equal(err.type, json_string_value(want_error));
		} else {
			if (!out)
				fail_msg("patch '%s': %s %s", name, err.type, err.detail);
			if (!printing() && !json_equal(out, json_object_get(v, "expect"))) {
				char *o = json_dumps(out, JSON_COMPACT);
				fail_msg("patch '%s': got %s", name, o);
			}
		}
		json_decref(out);
		json_decref(body);
		json_decref(doc);
	}
}

static void paths_name_attributes_in_their_schemas_spelling(void **state)
{
	struct scim_path p;
	struct scim_error err = {0};
	const char *t = "URN:ietf:params:scim:schemas:core:2.0:User:Name.GIVENNAME";
	assert_int_equal(scim_path_parse(t, strlen(t), &p, &err), 0);
	assert_int_equal(scim_path_resolve(&p, &scim_user_type, NULL, &err), 0);
	assert_string_equal(p.urn, "");
	assert_string_equal(p.attr, "name");
	assert_string_equal(p.sub, "givenName");
	assert_non_null(p.sub_def);

	t = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:Manager.value";
	assert_int_equal(scim_path_parse(t, strlen(t), &p, &err), 0);
	assert_int_equal(scim_path_resolve(&p, &scim_user_type, NULL, &err), 0);
	assert_string_equal(p.urn, SCIM_URN_ENTERPRISE);
	assert_string_equal(p.attr, "manager");

	t = SCIM_URN_ENTERPRISE;
	assert_int_equal(scim_path_parse(t, strlen(t), &p, &err), 0);
	assert_string_equal(p.attr, "");

	t = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department";
	assert_int_equal(scim_path_parse(t, strlen(t), &p, &err), 0);
	assert_int_equal(scim_path_resolve(&p, &scim_group_type, NULL, &err), -1);
	assert_string_equal(err.type, "invalidPath");

	assert_int_equal(scim_path_parse("name..x", 7, &p, &err), -1);
	assert_int_equal(scim_path_parse("9lives", 6, &p, &err), -1);
	assert_int_equal(scim_path_parse("a.b.c", 5, &p, &err), -1);

	struct scim_path list[4];
	assert_int_equal(scim_path_list("userName, emails.value,meta", &scim_user_type, list, 4, &err), 3);
	assert_string_equal(list[1].sub, "value");
	assert_int_equal(scim_path_list("a,b,c,d,e", &scim_user_type, list, 4, &err), -1);
}

static void normalizing_renames_coerces_and_drops(void **state)
{
	json_t *doc = json_loads("{\"USERNAME\":\"x\",\"Active\":\"False\",\"id\":\"9\",\"meta\":{},\"password\":\"p\","
				 "\"title\":null,\"Emails\":{\"Value\":\"a@b.co\",\"Primary\":\"true\"},"
				 "\"URN:IETF:params:scim:schemas:extension:enterprise:2.0:User\":{\"Department\":\"D\"},"
				 "\"custom\":{\"kept\":1},\"roles\":[]}", 0, NULL);
	struct scim_error err = {0};
	assert_int_equal(scim_normalize(doc, &scim_user_type, &err), 0);
	json_t *want = json_loads("{\"userName\":\"x\",\"active\":false,\"emails\":[{\"value\":\"a@b.co\",\"primary\":true}],"
				  "\"custom\":{\"kept\":1},"
				  "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"D\"}}", 0, NULL);
	if (!json_equal(doc, want))
		fail_msg("normalized: %s", json_dumps(doc, JSON_COMPACT));
	json_decref(want);
	json_decref(doc);

	doc = json_loads("{\"userName\":1}", 0, NULL);
	assert_int_equal(scim_normalize(doc, &scim_user_type, &err), -1);
	assert_string_equal(err.type, "invalidValue");
	json_decref(doc);
	doc = json_loads("{\"active\":\"maybe\"}", 0, NULL);
	assert_int_equal(scim_normalize(doc, &scim_user_type, &err), -1);
	json_decref(doc);
	doc = json_loads("[1]", 0, NULL);
	assert_int_equal(scim_normalize(doc, &scim_user_type, &err), -1);
	assert_string_equal(err.type, "invalidSyntax");
	json_decref(doc);
}

static void user_fields_follow_the_guide(void **state)
{
	struct scim_user_fields f;
	struct scim_error err = {0};
	json_t *doc = json_loads("{\"userName\":\"ada@example.com\",\"name\":{\"givenName\":\"Ada\",\"familyName\":\"Lovelace\"},"
				 "\"emails\":[{\"value\":\"home@example.com\",\"type\":\"home\"},{\"value\":\"ada@work.example.com\","
				 "\"type\":\"work\"}],\"phoneNumbers\":[{\"value\":\"+1 (415) 555-0100\",\"type\":\"mobile\"},"
				 "{\"value\":\"+14155550111\",\"type\":\"work\"}]}", 0, NULL);
	assert_int_equal(scim_user_fields(doc, &f, &err), 0);
	assert_string_equal(f.email, "ada@work.example.com");
	assert_string_equal(f.mobile, "+14155550100");
	assert_string_equal(f.display_name, "Ada Lovelace");
	assert_int_equal(f.n_emails, 2);
	assert_int_equal(f.n_phones, 2);
	assert_int_equal(f.active, 1);
	json_decref(doc);

	/* no emails: a userName that is an email signs in */
	doc = json_loads("{\"userName\":\"u@example.com\",\"displayName\":\"U\",\"active\":\"False\"}", 0, NULL);
	assert_int_equal(scim_user_fields(doc, &f, &err), 0);
	assert_string_equal(f.email, "u@example.com");
	assert_int_equal(f.active, 0);
	json_decref(doc);

	const char *bad[][2] = {
		{"{\"displayName\":\"x\"}", "userName is required"},
		{"{\"userName\":\"u@example.com\"}", "displayName, name.givenName or name.familyName is required"},
		{"{\"userName\":\"plain\",\"displayName\":\"P\"}", "emails[type eq \"work\"].value is required"},
		{"{\"userName\":\"u@example.com\",\"displayName\":\"P\",\"phoneNumbers\":[{\"value\":\"0800 123\",\"type\":\"mobile\"}]}",
		 "phoneNumbers[type eq \"mobile\"].value is not an E.164 number"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		doc = json_loads(bad[i][0], 0, NULL);
		assert_int_equal(scim_user_fields(doc, &f, &err), -1);
		assert_string_equal(err.type, "invalidValue");
		assert_string_equal(err.detail, bad[i][1]);
		json_decref(doc);
	}
}

static void the_user_resource_lays_the_columns_over_the_document(void **state)
{
	json_t *doc = json_loads("{\"schemas\":[\"" SCIM_URN_USER "\"],\"userName\":\"old\",\"title\":\"T\","
				 "\"emails\":[{\"value\":\"old@example.com\",\"type\":\"work\"}],"
				 "\"phoneNumbers\":[{\"value\":\"+1 415 555 0100\",\"type\":\"mobile\"}]}", 0, NULL);
	struct scim_user_view u = {.id = 7, .user_name = "new", .external_id = "", .first_name = "Ada", .last_name = "",
				   .name = "", .display_name = "Ada", .email = "new@example.com", .mobile = "+14155550100",
				   .active = 0, .created = "2024-01-02 03:04:05", .modified = "2024-02-03 04:05:06"};
	json_t *r = scim_user_resource(&u, doc, NULL, "https://x/scim/v2/a");
	assert_string_equal(json_string_value(json_object_get(r, "id")), "7");
	assert_string_equal(json_string_value(json_object_get(r, "userName")), "new");
	assert_string_equal(json_string_value(json_object_get(r, "title")), "T");
	assert_true(json_is_false(json_object_get(r, "active")));
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(r, "emails"), 0), "value")),
			    "new@example.com");
	/* the same number as written stays as written */
	assert_string_equal(
		json_string_value(json_object_get(json_array_get(json_object_get(r, "phoneNumbers"), 0), "value")),
		"+1 415 555 0100");
	json_t *meta = json_object_get(r, "meta");
	assert_string_equal(json_string_value(json_object_get(meta, "location")), "https://x/scim/v2/a/Users/7");
	assert_string_equal(json_string_value(json_object_get(meta, "created")), "2024-01-02T03:04:05Z");
	const char *version = json_string_value(json_object_get(meta, "version"));
	assert_int_equal(strncmp(version, "W/\"", 3), 0);
	/* a change shows in the version */
	u.active = 1;
	json_t *r2 = scim_user_resource(&u, doc, NULL, "https://x/scim/v2/a");
	assert_string_not_equal(version, json_string_value(json_object_get(json_object_get(r2, "meta"), "version")));
	json_decref(r2);
	json_decref(r);
	json_decref(doc);

	/* a console user: everything from the columns */
	u.user_name = NULL;
	r = scim_user_resource(&u, NULL, NULL, "b");
	assert_string_equal(json_string_value(json_object_get(r, "userName")), "new@example.com");
	assert_string_equal(json_string_value(json_object_get(json_object_get(r, "name"), "givenName")), "Ada");
	json_decref(r);
}

static void groups_hold_users(void **state)
{
	struct scim_group_fields g;
	struct scim_error err = {0};
	json_t *doc = json_loads("{\"displayName\":\"G\",\"members\":[{\"value\":\"3\"},{\"value\":\"3\"},{\"value\":\"5\",\"type\":\"User\"}]}",
				 0, NULL);
	assert_int_equal(scim_group_fields(doc, &g, &err), 0);
	assert_int_equal(g.n_members, 2);
	free(g.members);
	json_decref(doc);
	doc = json_loads("{\"displayName\":\"G\",\"members\":[{\"value\":\"abc\"}]}", 0, NULL);
	assert_int_equal(scim_group_fields(doc, &g, &err), -1);
	assert_string_equal(err.type, "invalidValue");
	json_decref(doc);
	doc = json_loads("{\"displayName\":\"G\",\"members\":[{\"value\":\"4\",\"type\":\"Group\"}]}", 0, NULL);
	assert_int_equal(scim_group_fields(doc, &g, &err), -1);
	json_decref(doc);
	doc = json_loads("{\"members\":[]}", 0, NULL);
	assert_int_equal(scim_group_fields(doc, &g, &err), -1);
	assert_string_equal(err.detail, "displayName is required");
	json_decref(doc);
}

static void projection_keeps_what_was_asked_and_the_id(void **state)
{
	json_t *res = json_loads("{\"schemas\":[\"s\"],\"id\":\"1\",\"userName\":\"u\",\"title\":\"t\",\"name\":{\"givenName\":\"g\",\"familyName\":\"f\"},"
				 "\"emails\":[{\"value\":\"a\",\"type\":\"work\"},{\"value\":\"b\"}],\"meta\":{\"version\":\"v\"},"
				 "\"" SCIM_URN_ENTERPRISE "\":{\"department\":\"d\",\"division\":\"x\"}}", 0, NULL);
	struct scim_path a[4];
	struct scim_error err;
	int n = scim_path_list("name.familyName,emails.value,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
			       &scim_user_type, a, 4, &err);
	assert_int_equal(n, 3);
	json_t *out = scim_project(res, a, n, NULL, 0);
	json_t *want = json_loads("{\"schemas\":[\"s\"],\"id\":\"1\",\"name\":{\"familyName\":\"f\"},\"emails\":[{\"value\":\"a\"},{\"value\":\"b\"}],"
				  "\"" SCIM_URN_ENTERPRISE "\":{\"department\":\"d\"}}", 0, NULL);
	if (!json_equal(out, want))
		fail_msg("projected: %s", json_dumps(out, JSON_COMPACT));
	json_decref(out);
	json_decref(want);
	n = scim_path_list("id,title,emails,meta.version", &scim_user_type, a, 4, &err);
	out = scim_project(res, NULL, 0, a, n);
	assert_non_null(json_object_get(out, "id"));
	assert_null(json_object_get(out, "title"));
	assert_null(json_object_get(out, "emails"));
	assert_null(json_object_get(json_object_get(out, "meta"), "version"));
	assert_non_null(json_object_get(out, "userName"));
	json_decref(out);
	json_decref(res);
}

static void sorting_orders_by_the_attributes_rule(void **state)
{
	json_t *a = json_loads("{\"userName\":\"alice\",\"meta\":{\"created\":\"2020-01-01T00:00:00Z\"},"
			       "\"emails\":[{\"value\":\"z@x\"},{\"value\":\"a@x\",\"primary\":true}]}", 0, NULL);
	json_t *b = json_loads("{\"userName\":\"Bob\",\"meta\":{\"created\":\"2019-12-31T23:00:00-02:00\"},"
			       "\"emails\":[{\"value\":\"m@x\"}]}", 0, NULL);
	json_t *c = json_loads("{}", 0, NULL);
	struct scim_path p;
	struct scim_error err;
	scim_path_list("userName", &scim_user_type, &p, 1, &err);
	assert_true(scim_sort_compare(a, b, &p) < 0);   /* case-insensitive */
	assert_true(scim_sort_compare(c, a, &p) > 0);   /* missing last */
	scim_path_list("meta.created", &scim_user_type, &p, 1, &err);
	assert_true(scim_sort_compare(a, b, &p) < 0);   /* 2019-12-31T23:00-02:00 is 2020-01-01T01:00Z */
	scim_path_list("emails", &scim_user_type, &p, 1, &err);
	assert_true(scim_sort_compare(a, b, &p) < 0);   /* the primary a@x before m@x */
	json_decref(a);
	json_decref(b);
	json_decref(c);
}

static void datetimes_read_offsets_and_fractions(void **state)
{
	double x, y;
	assert_true(scim_datetime("2011-05-13T04:42:34Z", &x));
	assert_true(scim_datetime("2011-05-13T06:42:34.000+02:00", &y));
	assert_true(x == y);
	assert_true(scim_datetime("1970-01-01T00:00:00Z", &x));
	assert_true(x == 0);
	assert_false(scim_datetime("2011-13-01T00:00:00Z", &x));
	assert_false(scim_datetime("2011-05-13", &x));
	assert_false(scim_datetime("2011-05-13T04:42:34Zjunk", &x));
}

static void source_owned_fields_are_those_scim_writes(void **state)
{
	const char *owned[] = {"first_name", "last_name", "name", "email", "mobile"};
	for (size_t i = 0; i < sizeof owned / sizeof owned[0]; i++) {
		assert_true(user_field_source_owned("SCIM", owned[i]));
		assert_false(user_field_source_owned("Accounts app", owned[i]));
	}
	assert_false(user_field_source_owned("SCIM", "role"));
	assert_false(user_field_source_owned(NULL, "email"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(filter_vectors),
		cmocka_unit_test(patch_vectors),
		cmocka_unit_test(paths_name_attributes_in_their_schemas_spelling),
		cmocka_unit_test(normalizing_renames_coerces_and_drops),
		cmocka_unit_test(user_fields_follow_the_guide),
		cmocka_unit_test(the_user_resource_lays_the_columns_over_the_document),
		cmocka_unit_test(groups_hold_users),
		cmocka_unit_test(projection_keeps_what_was_asked_and_the_id),
		cmocka_unit_test(sorting_orders_by_the_attributes_rule),
		cmocka_unit_test(datetimes_read_offsets_and_fractions),
		cmocka_unit_test(source_owned_fields_are_those_scim_writes),
	};
	return cmocka_run_group_tests_name("scim", tests, load, unload);
}
