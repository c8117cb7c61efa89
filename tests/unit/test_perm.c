/* The permission matrix of guide §2.14: which cells exist, the text form
 * of a custom role, and the effective permissions it leaves. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "lib/perm.h"

#define V VERB_VIEW
#define A VERB_ADD
#define E VERB_EDIT
#define S VERB_ASSIGN
#define D VERB_DELETE

static void tables_are_the_guides(void **state)
{
	int n;
	const struct matrix_row *p = perm_matrix(BASE_PARTNER, &n);
	assert_int_equal(n, 11);
	assert_int_equal(p[0].feature, FEAT_ACCOUNTS);
	assert_int_equal(p[0].applicable, V | A | E | D);
	assert_int_equal(p[0].fixed, V);
	assert_int_equal(perm_matrix_row(BASE_PARTNER, FEAT_ROLES)->applicable, V | A | E | S | D);
	assert_int_equal(perm_matrix_row(BASE_PARTNER, FEAT_ORDERS)->applicable, V);
	assert_int_equal(perm_matrix_row(BASE_PARTNER, FEAT_SUBSCRIPTIONS)->applicable, V | A);
	assert_null(perm_matrix_row(BASE_PARTNER, FEAT_ACCOUNT));
	assert_null(perm_matrix_row(BASE_PARTNER, FEAT_ACCOUNT_MANAGERS));

	const struct matrix_row *a = perm_matrix(BASE_ADMIN, &n);
	assert_int_equal(n, 9);
	assert_int_equal(a[0].feature, FEAT_ACCOUNT);
	assert_int_equal(a[0].applicable, V | E);
	assert_int_equal(perm_matrix_row(BASE_ADMIN, FEAT_ROLES)->applicable, V | S);
	assert_int_equal(perm_matrix_row(BASE_ADMIN, FEAT_SUBSCRIPTIONS)->applicable, V);
	assert_null(perm_matrix_row(BASE_ADMIN, FEAT_ORDERS));
	assert_null(perm_matrix_row(BASE_ADMIN, FEAT_DEVELOPER));
	assert_null(perm_matrix_row(BASE_ADMIN, FEAT_ACCOUNTS));
}

static void text_form_round_trips(void **state)
{
	unsigned sel[FEAT_COUNT], back[FEAT_COUNT];
	char text[GRANTS_TEXT_MAX];
	perm_selection_full(BASE_PARTNER, sel);
	perm_selection_format(BASE_PARTNER, sel, text, sizeof text);
	assert_int_equal(perm_selection_parse(BASE_PARTNER, text, back), 0);
	assert_memory_equal(sel, back, sizeof sel);
	assert_non_null(strstr(text, "roles:vaesd"));

	assert_int_equal(perm_selection_parse(BASE_ADMIN, "users:va account:ve", back), 0);
	assert_int_equal(back[FEAT_USERS], V | A);
	assert_int_equal(back[FEAT_ACCOUNT], V | E);
	assert_int_equal(perm_selection_parse(BASE_ADMIN, "", back), 0);
	/* Anything outside the base's table is not understood. */
	assert_int_equal(perm_selection_parse(BASE_ADMIN, "orders:v", back), -1);
	assert_int_equal(perm_selection_parse(BASE_ADMIN, "roles:va", back), -1);
	assert_int_equal(perm_selection_parse(BASE_PARTNER, "users:vx", back), -1);
	assert_int_equal(perm_selection_parse(BASE_PARTNER, "users", back), -1);
	assert_int_equal(perm_selection_parse(BASE_PARTNER, NULL, back), -1);
}

static void clean_keeps_fixed_and_drops_inapplicable(void **state)
{
	unsigned sel[FEAT_COUNT] = {0};
	sel[FEAT_ORDERS] = V | A | D;
	sel[FEAT_ACCOUNT] = V | E; /* not in the Partner table */
	perm_selection_clean(BASE_PARTNER, sel);
	assert_int_equal(sel[FEAT_ORDERS], V);
	assert_int_equal(sel[FEAT_ACCOUNTS], V);
	assert_int_equal(sel[FEAT_ACCOUNT], 0);
}

static void builtin_roles_unchanged(void **state)
{
	struct grants g;
	perm_effective(ROLE_PARTNER_ADMIN, NULL, BASE_PARTNER, &g);
	assert_true(grants_allow(&g, FEAT_ACCOUNTS, A));
	assert_true(grants_allow(&g, FEAT_ACCOUNT_MANAGERS, V));
	assert_true(grants_allow(&g, FEAT_NONE, V));
	perm_effective(ROLE_ACCOUNT_MANAGER, NULL, BASE_PARTNER, &g);
	assert_true(grants_allow(&g, FEAT_ACCOUNTS, A));
	assert_false(grants_allow(&g, FEAT_ACCOUNT_MANAGERS, V));
	perm_effective(ROLE_ACCOUNT_ADMIN, NULL, BASE_PARTNER, &g);
	assert_true(grants_allow(&g, FEAT_USERS, D));
	assert_false(grants_allow(&g, FEAT_ACCOUNTS, V));
	perm_effective(ROLE_USER, NULL, BASE_PARTNER, &g);
	assert_true(grants_allow(&g, FEAT_NONE, V));
	assert_false(grants_allow(&g, FEAT_USERS, V));
	perm_effective(ROLE_NONE, NULL, BASE_PARTNER, &g);
	assert_false(grants_allow(&g, FEAT_NONE, V));
}

/* Every toggleable cell, cleared alone, takes exactly that permission (and
 * with View, the whole feature); the rest of the base role stays. */
static void each_cell_cleared_alone(void **state)
{
	for (int b = BASE_PARTNER; b <= BASE_ADMIN; b++) {
		enum role holder = b == BASE_PARTNER ? ROLE_PARTNER_ADMIN : ROLE_ACCOUNT_ADMIN;
		struct grants full;
		perm_effective(holder, NULL, BASE_PARTNER, &full);
		int n;
		const struct matrix_row *rows = perm_matrix((enum base_role)b, &n);
		for (int i = 0; i < n; i++)
			for (unsigned v = V; v <= D; v <<= 1) {
				if (!(rows[i].applicable & v) || (rows[i].fixed & v))
					continue;
				unsigned sel[FEAT_COUNT];
				char text[GRANTS_TEXT_MAX];
				perm_selection_full((enum base_role)b, sel);
				sel[rows[i].feature] &= ~v;
				perm_selection_format((enum base_role)b, sel, text, sizeof text);
				struct grants g;
				perm_effective(holder, text, (enum base_role)b, &g);
				for (int f = FEAT_ACCOUNTS; f < FEAT_COUNT; f++) {
					unsigned expected = full.verbs[f];
					if (f == (int)rows[i].feature)
						expected = v == V ? 0 : expected & ~v;
					if (f == FEAT_ACCOUNT && b == BASE_PARTNER && rows[i].feature == FEAT_ACCOUNTS && v == E)
						expected &= ~(unsigned)E;
					if (f == FEAT_ACCOUNT_MANAGERS)
						expected = 0; /* a custom role is never unrestricted */
					assert_int_equal(g.verbs[f], expected);
				}
			}
	}
}

static void mismatched_or_unreadable_grants_nothing(void **state)
{
	struct grants g;
	perm_effective(ROLE_ACCOUNT_ADMIN, "users:v", BASE_PARTNER, &g);
	assert_false(grants_allow(&g, FEAT_USERS, V));
	assert_true(grants_allow(&g, FEAT_NONE, V));
	perm_effective(ROLE_PARTNER_ADMIN, "garbage", BASE_PARTNER, &g);
	assert_false(grants_allow(&g, FEAT_ACCOUNTS, V));
	perm_effective(ROLE_PARTNER_ADMIN, "accounts:v users:v", BASE_PARTNER, &g);
	assert_true(grants_allow(&g, FEAT_USERS, V));
	assert_false(grants_allow(&g, FEAT_USERS, A));
	assert_false(grants_allow(&g, FEAT_ACCOUNT, E));
	assert_true(grants_allow(&g, FEAT_ACCOUNT, V));
	assert_false(grants_allow(&g, FEAT_ROLES, V));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tables_are_the_guides), cmocka_unit_test(text_form_round_trips),
		cmocka_unit_test(clean_keeps_fixed_and_drops_inapplicable), cmocka_unit_test(builtin_roles_unchanged),
		cmocka_unit_test(each_cell_cleared_alone), cmocka_unit_test(mismatched_or_unreadable_grants_nothing),
	};
	return cmocka_run_group_tests_name("perm", tests, NULL, NULL);
}
