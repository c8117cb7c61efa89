/* The table of integration kinds (guide §2.3, §3.1; ch3 §1), the
 * privileges they imply, their status lines, the product → integration
 * map of the subscription warning, and registered applications' redirect
 * URIs (guide §2.14.11). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "lib/applications.h"
#include "lib/integrations.h"

static void every_integration_the_guide_names(void **state)
{
	static const char *const mitel[] = {
		"MiCC", "MiCollab", "CloudLink Gateway", "Mitel One", "Mitel Voice Assist", "MiVoice Business",
		"MiTeam Meetings", "Unify Phone", "Mitel Workflow Studio", "Mitel One Workgroups", "Mitel CX",
	};
	static const char *const third[] = {
		"Single Sign-On", "Azure AD Sync", "Microsoft Office 365", "Microsoft Teams", "Zoom", "Twilio", "CM.com",
	};
	int n;
	const struct integration_kind *k = integration_kinds(&n);
	assert_int_equal(n, 19);
	for (size_t i = 0; i < sizeof mitel / sizeof mitel[0]; i++) {
		int found = 0;
		for (int j = 0; j < n; j++)
			found |= strcmp(k[j].name, mitel[i]) == 0 && k[j].tab == TAB_MITEL;
		assert_true(found);
	}
	for (size_t i = 0; i < sizeof third / sizeof third[0]; i++) {
		int found = 0;
		for (int j = 0; j < n; j++)
			found |= strcmp(k[j].name, third[i]) == 0 && k[j].tab == TAB_THIRD_PARTY;
		assert_true(found);
	}
	/* Chat: always there, in no tab, never added or removed; its ⚙ is Chat Service Settings. */
	const struct integration_kind *chat = integration_kind("chat");
	assert_non_null(chat);
	assert_int_equal(chat->tab, TAB_NONE);
	assert_true(chat->flags & INTEG_PERMANENT);
	assert_string_equal(chat->setup_route, "/a/:acct/integrations/chat");
	/* Keys are unique; setup screens live under the account's integrations. */
	for (int i = 0; i < n; i++) {
		assert_ptr_equal(integration_kind(k[i].key), &k[i]);
		assert_non_null(k[i].icon);
		if (k[i].setup_route)
			assert_int_equal(strncmp(k[i].setup_route, "/a/:acct/integrations/", 22), 0);
		/* A kind that needs setup has a screen for it. */
		if (k[i].flags & INTEG_NEEDS_SETUP)
			assert_non_null(k[i].setup_route);
	}
	assert_null(integration_kind("nope"));
	assert_null(integration_kind(NULL));
}

static void guide_privileges(void **state)
{
	assert_int_equal(integration_kind("mitel_one")->privileges, PRIV_GUEST_ACCESS);
	assert_int_equal(integration_kind("micc")->privileges, PRIV_DELEGATED_AUTH | PRIV_GUEST_ACCESS);
	assert_int_equal(integration_kind("miteam")->privileges, PRIV_GUEST_ACCESS);
	assert_int_equal(integration_kind("micollab")->privileges, PRIV_DELEGATED_AUTH);
	assert_int_equal(integration_kind("unify")->privileges, PRIV_DELEGATED_AUTH);
	assert_int_equal(integration_kind("zoom")->privileges, 0);
	assert_string_equal(privilege_key(PRIV_DELEGATED_AUTH), "delegated_authentication");
	assert_int_equal(privilege_from_key("guest_access"), PRIV_GUEST_ACCESS);
	assert_int_equal(privilege_from_key("root"), 0);
}

static void add(struct account_integrations *a, const char *key, enum integration_state s)
{
	a->rows[a->n++] = (struct integration_entry){.kind = integration_kind(key), .state = s};
}

static void privileges_are_reference_counted(void **state)
{
	struct account_integrations a;
	memset(&a, 0, sizeof a);
	int counts[2];
	assert_int_equal(privileges_effective(&a), 0);
	add(&a, "micc", INTEG_ENABLED);
	add(&a, "micollab", INTEG_ENABLED);
	assert_int_equal(privileges_implied(&a, counts), PRIV_DELEGATED_AUTH | PRIV_GUEST_ACCESS);
	assert_int_equal(counts[0], 2);
	assert_int_equal(counts[1], 1);
	/* MiCC switched off: MiCollab still implies Delegated Authentication. */
	a.rows[0].state = INTEG_ADDED;
	assert_int_equal(privileges_effective(&a), PRIV_DELEGATED_AUTH);
	/* An incomplete integration implies its privileges already (Unify Phone). */
	a.n = 0;
	add(&a, "unify", INTEG_INCOMPLETE);
	assert_int_equal(privileges_effective(&a), PRIV_DELEGATED_AUTH);
	/* Set by hand, a privilege is what it was set to. */
	a.manual[0] = MANUAL_OFF;
	a.manual[1] = MANUAL_ON;
	assert_int_equal(privileges_effective(&a), PRIV_GUEST_ACCESS);
	a.rows[0].state = INTEG_REMOVING;
	a.manual[0] = MANUAL_AUTO;
	assert_int_equal(privileges_effective(&a), PRIV_GUEST_ACCESS);
}

static void status_lines(void **state)
{
	struct integration_entry e = {.kind = integration_kind("zoom"), .state = INTEG_INCOMPLETE};
	struct integration_status st;
	/* Incomplete: a link to its setup screen, or word that there is none yet. */
	integration_status_of(&e, 0, 1, &st);
	assert_int_equal(st.level, LEVEL_INCOMPLETE);
	assert_string_equal(st.text_key, "setup_incomplete");
	assert_true(st.setup_link);
	integration_status_of(&e, 0, 0, &st);
	assert_string_equal(st.text_key, "setup_unavailable");
	assert_false(st.setup_link);
	/* A driver's report wins, word for word. */
	e.reported_level = LEVEL_ERROR;
	strcpy(e.reported_text, "Zoom(GET /v2/users): refresh => InvalidRequest");
	integration_status_of(&e, 0, 1, &st);
	assert_int_equal(st.level, LEVEL_ERROR);
	assert_null(st.text_key);
	assert_string_equal(st.text, "Zoom(GET /v2/users): refresh => InvalidRequest");
	/* Mitel One warns until the account has a Mitel One subscription. */
	struct integration_entry one = {.kind = integration_kind("mitel_one"), .state = INTEG_ENABLED};
	integration_status_of(&one, 0, 0, &st);
	assert_int_equal(st.level, LEVEL_WARN);
	assert_string_equal(st.text_key, "mitel_one_unsubscribed");
	integration_status_of(&one, 1, 0, &st);
	assert_int_equal(st.level, LEVEL_NONE);
	assert_null(st.text_key);
	struct integration_entry mivb = {.kind = integration_kind("mivb"), .state = INTEG_ENABLED};
	integration_status_of(&mivb, 0, 0, &st);
	assert_string_equal(st.text_key, "mivb_features");
	struct integration_entry off = {.kind = integration_kind("workflow_studio"), .state = INTEG_ADDED};
	integration_status_of(&off, 0, 0, &st);
	assert_string_equal(st.text_key, "switched_off");
}

static void products_need_integrations(void **state)
{
	assert_string_equal(integration_for_product("Zoom Hybrid")->key, "zoom");
	assert_string_equal(integration_for_product("Zoom")->key, "zoom");
	assert_string_equal(integration_for_product("Mitel One Premier")->key, "mitel_one");
	assert_string_equal(integration_for_product("Mitel One Workgroups Basic")->key, "workgroups");
	assert_string_equal(integration_for_product("MiTeam Meetings")->key, "miteam");
	assert_string_equal(integration_for_product("WorkflowStudio_Premier_Free")->key, "workflow_studio");
	assert_null(integration_for_product("Zoomify"));
	assert_null(integration_for_product("MiVoice Office 400 UCC"));
	assert_null(integration_for_product(NULL));
}

static void redirect_uris(void **state)
{
	assert_true(redirect_uri_valid("https://app.example.com/callback"));
	assert_true(redirect_uri_valid("https://app.example.com:8443/cb?x=1"));
	assert_true(redirect_uri_valid("http://localhost:3000/cb"));
	assert_true(redirect_uri_valid("http://127.0.0.1/cb"));
	assert_true(redirect_uri_valid("http://[::1]:8080/cb"));
	assert_true(redirect_uri_valid("com.example.app:/oauth2redirect"));
	assert_false(redirect_uri_valid("http://app.example.com/cb"));       /* plain http off loopback */
	assert_false(redirect_uri_valid("https://app.example.com/cb#frag"));
	assert_false(redirect_uri_valid("https://user@app.example.com/cb"));
	assert_false(redirect_uri_valid("https:///cb"));
	assert_false(redirect_uri_valid("/relative"));
	assert_false(redirect_uri_valid("javascript:alert(1)"));
	assert_false(redirect_uri_valid("https://exa mple.com/"));
	assert_false(redirect_uri_valid("https://app.example.com:99999999/"));
	assert_false(redirect_uri_valid("https://app.example.com:65536/"));
	assert_false(redirect_uri_valid(""));

	char out[REDIRECT_URIS_MAX][REDIRECT_URI_MAX + 1];
	int bad;
	assert_int_equal(redirect_uris_split("  https://a.example.com/cb \r\n\r\nhttp://localhost/cb\n", out, 10, &bad), 2);
	assert_string_equal(out[0], "https://a.example.com/cb");
	assert_string_equal(out[1], "http://localhost/cb");
	assert_int_equal(redirect_uris_split("https://a.example.com/\nftp://b.example.com/", out, 10, &bad), -1);
	assert_int_equal(bad, 2);
	assert_int_equal(redirect_uris_split("https://a.example.com/\nhttps://b.example.com/", out, 1, &bad), -2);
	assert_int_equal(redirect_uris_split("", out, 10, &bad), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_integration_the_guide_names),
		cmocka_unit_test(guide_privileges),
		cmocka_unit_test(privileges_are_reference_counted),
		cmocka_unit_test(status_lines),
		cmocka_unit_test(products_need_integrations),
		cmocka_unit_test(redirect_uris),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
