/* The route table and the permission matrix: what reaches which handler,
 * and who may use it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "cgi-bin/core/routes.h"

/* The handlers the table names, compared by address below. */
int user_edit_get(struct req *r);
int user_delete_post(struct req *r);
int user_new_get(struct req *r);
int accounts_get(struct req *r);
int login_get(struct req *r);

#define ACCT "0f8fad5b-d9cb-469f-a165-70867728950e"

static const struct route *match(const char *method, const char *path, struct req *r, int *seen)
{
	memset(r, 0, sizeof *r);
	return route_match(method, path, r, seen);
}

static void matches_with_captures(void **state)
{
	struct req r;
	int seen;
	const struct route *rt = match("GET", "/a/" ACCT "/users/42", &r, &seen);
	assert_non_null(rt);
	assert_ptr_equal(rt->handler, user_edit_get);
	assert_string_equal(r.acct.id, ACCT);
	assert_string_equal(r.path_id, "42");
	rt = match("POST", "/a/" ACCT "/users/42/delete", &r, &seen);
	assert_ptr_equal(rt->handler, user_delete_post);
	rt = match("GET", "/a/" ACCT "/users/new", &r, &seen);
	assert_ptr_equal(rt->handler, user_new_get);
	rt = match("GET", "/accounts/", &r, &seen);
	assert_ptr_equal(rt->handler, accounts_get);
	rt = match("HEAD", "/login", &r, &seen);
	assert_ptr_equal(rt->handler, login_get);
}

static void refuses_malformed_ids(void **state)
{
	struct req r;
	int seen;
	assert_null(match("GET", "/a/not-a-uuid/users", &r, &seen));
	assert_false(seen);
	assert_null(match("GET", "/a/" ACCT "/users/0", &r, &seen));
	assert_null(match("GET", "/a/" ACCT "/users/1%20OR%201", &r, &seen));
	assert_null(match("GET", "/a/" ACCT "/users/12/extra", &r, &seen));
	assert_null(match("GET", "/a//users", &r, &seen));
	assert_null(match("GET", "//accounts", &r, &seen));
	assert_null(match("GET", "/nowhere", &r, &seen));
	assert_false(seen);
}

static void wrong_method_is_known_path(void **state)
{
	struct req r;
	int seen;
	assert_null(match("DELETE", "/a/" ACCT "/users/7", &r, &seen));
	assert_true(seen);
	assert_null(match("POST", "/accounts", &r, &seen));
	assert_true(seen);
}

/* Every route of the table keeps to the rules the front line relies on. */
static void table_is_consistent(void **state)
{
	int n;
	const struct route *t = route_table(&n);
	assert_true(n > 10);
	for (int i = 0; i < n; i++) {
		const struct route *rt = &t[i];
		/* Pages are read and sent; the machine front (SCIM) also replaces,
		 * patches and deletes, and what may call it is a credential's kind. */
		if (rt->flags & R_API)
			assert_true(rt->kinds != 0 || (rt->flags & R_PUBLIC));
		else
			assert_true(strcmp(rt->method, "GET") == 0 || strcmp(rt->method, "POST") == 0);
		assert_true(rt->pattern[0] == '/');
		assert_non_null(rt->handler);
		assert_true(rt->feature < FEAT_COUNT);
		/* Only sign-in (the console's, and an app's for its user), the health
		 * check, the pages opened from emailed links (sign-up, password
		 * reset, "Forgot your password?") and the footer's language picker
		 * are public; on the API, only what
		 * authenticates otherwise (a gateway's claim code, a CloudLink
		 * Daemon's link code, an OAuth client's id and secret); and the SAML
		 * endpoints, which identity providers' browsers reach. */
		if ((rt->flags & R_PUBLIC) && (rt->flags & R_API))
			assert_true(strcmp(rt->pattern, "/api/v1/gateways/claim") == 0 ||
				    strcmp(rt->pattern, "/api/v1/daemons/link") == 0 ||
				    strcmp(rt->pattern, "/api/v1/oauth/token") == 0 ||
				    strcmp(rt->pattern, "/api/v1/app-token") == 0);
		else if (rt->flags & R_FOREIGN)
			assert_true(strncmp(rt->pattern, "/saml2/", 7) == 0 && (rt->flags & R_PUBLIC));
		else if (rt->flags & R_PUBLIC)
			assert_true(strcmp(rt->pattern, "/login") == 0 || strcmp(rt->pattern, "/ping") == 0 ||
				    strcmp(rt->pattern, "/health") == 0 || strcmp(rt->pattern, "/register") == 0 || strcmp(rt->pattern, "/reset") == 0 ||
				    strcmp(rt->pattern, "/forgot") == 0 || strcmp(rt->pattern, "/language") == 0);
		/* A page inside an account that changes something names what it needs. */
		if (strstr(rt->pattern, ":acct") && strcmp(rt->method, "POST") == 0 && !(rt->flags & (R_API | R_FOREIGN)))
			assert_int_not_equal(rt->feature, FEAT_NONE);
		if (!(rt->flags & R_RAW) && strcmp(rt->method, "GET") == 0)
			assert_non_null(rt->template);
	}
}

static void partner_permissions(void **state)
{
	assert_true(perm_allows(ROLE_PARTNER_ADMIN, FEAT_ACCOUNTS, VERB_ADD));
	assert_true(perm_allows(ROLE_PARTNER_ADMIN, FEAT_ACCOUNTS, VERB_DELETE));
	assert_false(perm_allows(ROLE_PARTNER_ADMIN, FEAT_ACCOUNTS, VERB_ASSIGN));
	assert_true(perm_allows(ROLE_PARTNER_ADMIN, FEAT_USERS, VERB_DELETE));
	assert_true(perm_allows(ROLE_PARTNER_ADMIN, FEAT_ORDERS, VERB_VIEW));
	assert_false(perm_allows(ROLE_PARTNER_ADMIN, FEAT_ORDERS, VERB_ADD));
	assert_true(perm_allows(ROLE_PARTNER_ADMIN, FEAT_DEVELOPER, VERB_VIEW));
	assert_false(perm_allows(ROLE_PARTNER_ADMIN, FEAT_DEVELOPER, VERB_EDIT));
}

static void admin_permissions(void **state)
{
	assert_false(perm_allows(ROLE_ACCOUNT_ADMIN, FEAT_ACCOUNTS, VERB_VIEW));
	assert_true(perm_allows(ROLE_ACCOUNT_ADMIN, FEAT_ACCOUNT, VERB_VIEW));
	assert_true(perm_allows(ROLE_ACCOUNT_ADMIN, FEAT_ACCOUNT, VERB_EDIT));
	assert_false(perm_allows(ROLE_ACCOUNT_ADMIN, FEAT_ACCOUNT, VERB_DELETE));
	assert_true(perm_allows(ROLE_ACCOUNT_ADMIN, FEAT_USERS, VERB_ADD));
	assert_true(perm_allows(ROLE_ACCOUNT_ADMIN, FEAT_ROLES, VERB_ASSIGN));
	assert_false(perm_allows(ROLE_ACCOUNT_ADMIN, FEAT_ROLES, VERB_ADD));
	assert_false(perm_allows(ROLE_ACCOUNT_ADMIN, FEAT_ORDERS, VERB_VIEW));
	/* Developer is the Partner role's alone (guide §2.14.11). */
	assert_false(perm_allows(ROLE_ACCOUNT_ADMIN, FEAT_DEVELOPER, VERB_VIEW));
	assert_true(perm_allows(ROLE_ACCOUNT_ADMIN, FEAT_INTEGRATIONS, VERB_DELETE));
}

static void user_and_nobody(void **state)
{
	assert_true(perm_allows(ROLE_USER, FEAT_NONE, VERB_VIEW));
	assert_false(perm_allows(ROLE_USER, FEAT_USERS, VERB_VIEW));
	assert_false(perm_allows(ROLE_USER, FEAT_ACCOUNT, VERB_VIEW));
	assert_false(perm_allows(ROLE_NONE, FEAT_NONE, VERB_VIEW));
	assert_int_equal(role_from_key("account_admin"), ROLE_ACCOUNT_ADMIN);
	assert_int_equal(role_from_key("partner_admin"), ROLE_PARTNER_ADMIN);
	assert_int_equal(role_from_key("root"), ROLE_NONE);
	assert_int_equal(role_from_key(NULL), ROLE_NONE);
	assert_string_equal(role_key(ROLE_USER), "user");
	assert_true(role_is_partner(ROLE_ACCOUNT_MANAGER));
	assert_false(role_is_partner(ROLE_ACCOUNT_ADMIN));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(matches_with_captures), cmocka_unit_test(refuses_malformed_ids),
		cmocka_unit_test(wrong_method_is_known_path), cmocka_unit_test(table_is_consistent),
		cmocka_unit_test(partner_permissions), cmocka_unit_test(admin_permissions),
		cmocka_unit_test(user_and_nobody),
	};
	return cmocka_run_group_tests_name("routes", tests, NULL, NULL);
}
