/* The CloudLink Gateway's status line (lib/gateways.c gateway_status_compose;
 * guide §3.1.1 "Status Messages"; ch3 §1.3, §2.3): the next step while
 * onboarding, Onboarding Complete when done; an error overlay (the gateway
 * unreachable, the PBX sync failing, an onboarding error) wins over the
 * step; a warning of email irregularities and an alert of a software update
 * go with any; and the tab each line leads to. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "lib/gateways.h"

static struct gateway_facts at(enum onboarding_step step)
{
	struct gateway_facts f = {.step = step, .last_seen = "", .link_error = "", .onboarding_error = "",
				  .version = "2.4.1", .available_version = "2.4.1"};
	if (step > STEP_NO_GATEWAY)
		f.has_gateway = f.seen = f.online = 1;
	return f;
}

static void not_added_has_no_line(void **state)
{
	struct gateway_status_line l;
	struct gateway_facts f = at(STEP_NONE);
	gateway_status_compose(&f, &l);
	assert_int_equal(l.step, STEP_NONE);
	assert_string_equal(l.level, "");
	assert_null(l.text_key);
}

static void each_step_names_the_next_thing_to_do(void **state)
{
	static const struct {
		enum onboarding_step step;
		const char *key, *text, *tab, *level;
	} want[] = {
		{STEP_NO_GATEWAY, "pbx.steps.no_gateway", "No gateway detected", "site", "incomplete"},
		{STEP_CONFIGURE_GATEWAY, "pbx.steps.configure_gateway", "Configure gateway", "site", "incomplete"},
		{STEP_ADD_PBX, "pbx.steps.add_pbx", "Add PBX", "pbx", "incomplete"},
		{STEP_SYNC_PBX, "pbx.steps.sync_pbx", "Sync PBX", "pbx", "incomplete"},
		{STEP_CONNECT_PBX, "pbx.steps.connect_pbx", "Connect the PBX", "connect", "incomplete"},
		{STEP_DEPLOYMENT, "pbx.steps.deployment", "Deployment", "deployment", "incomplete"},
		{STEP_COMPLETE, "pbx.steps.complete", "Onboarding Complete", "overview", "ok"},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		struct gateway_facts f = at(want[i].step);
		struct gateway_status_line l;
		gateway_status_compose(&f, &l);
		assert_string_equal(l.text_key, want[i].key);
		assert_string_equal(l.text, want[i].text);
		assert_string_equal(l.tab, want[i].tab);
		assert_string_equal(l.level, want[i].level);
		assert_null(l.warning_key);
		assert_null(l.alert_key);
	}
}

static void an_unreachable_gateway_is_an_error_with_its_last_report(void **state)
{
	struct gateway_facts f = at(STEP_COMPLETE);
	f.online = 0;
	f.last_seen = "2025-07-01 10:00:00";
	f.link_failing = 1;
	f.link_error = "the PBX did not answer";
	struct gateway_status_line l;
	gateway_status_compose(&f, &l);
	assert_string_equal(l.level, "error");
	assert_string_equal(l.text_key, "gateway.status.unreachable");
	assert_string_equal(l.since, "2025-07-01 10:00:00");
	assert_string_equal(l.tab, "advanced");
	assert_string_equal(l.text, "Gateway unreachable (no report since 2025-07-01 10:00:00 UTC)");
	assert_int_equal(l.step, STEP_COMPLETE);
}

static void a_gateway_that_never_reported_is_not_unreachable_yet(void **state)
{
	struct gateway_facts f = at(STEP_NO_GATEWAY);
	f.has_gateway = 1;
	struct gateway_status_line l;
	gateway_status_compose(&f, &l);
	assert_string_equal(l.level, "incomplete");
	assert_string_equal(l.text_key, "pbx.steps.no_gateway");
}

static void a_failing_pbx_sync_is_an_error_in_its_words(void **state)
{
	struct gateway_facts f = at(STEP_DEPLOYMENT);
	f.link_failing = 1;
	f.link_error = "the PBX refused the CloudLink system username or password";
	struct gateway_status_line l;
	gateway_status_compose(&f, &l);
	assert_string_equal(l.level, "error");
	assert_string_equal(l.text_key, "gateway.status.pbx_failing");
	assert_string_equal(l.detail, "the PBX refused the CloudLink system username or password");
	assert_string_equal(l.tab, "connect");
	assert_string_equal(l.text, "PBX sync failing: the PBX refused the CloudLink system username or password");
}

static void an_onboarding_error_keeps_its_step_tab(void **state)
{
	struct gateway_facts f = at(STEP_ADD_PBX);
	f.onboarding_error = "the site could not be sent";
	struct gateway_status_line l;
	gateway_status_compose(&f, &l);
	assert_string_equal(l.level, "error");
	assert_string_equal(l.text_key, "gateway.status.error");
	assert_string_equal(l.tab, "pbx");
}

static void warnings_and_alerts_go_with_any_step(void **state)
{
	struct gateway_facts f = at(STEP_COMPLETE);
	f.no_email = 2;
	f.available_version = "2.5.0";
	struct gateway_status_line l;
	gateway_status_compose(&f, &l);
	assert_string_equal(l.level, "warn");
	assert_string_equal(l.text_key, "pbx.steps.complete");
	assert_string_equal(l.warning_key, "gateway.status.email_irregular");
	assert_string_equal(l.alert_key, "gateway.status.update_available");
	f = at(STEP_CONNECT_PBX);
	f.dup_email = 1;
	gateway_status_compose(&f, &l);
	assert_string_equal(l.level, "incomplete");
	assert_string_equal(l.warning_key, "gateway.status.email_irregular");
	assert_null(l.alert_key);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(not_added_has_no_line),
		cmocka_unit_test(each_step_names_the_next_thing_to_do),
		cmocka_unit_test(an_unreachable_gateway_is_an_error_with_its_last_report),
		cmocka_unit_test(a_gateway_that_never_reported_is_not_unreachable_yet),
		cmocka_unit_test(a_failing_pbx_sync_is_an_error_in_its_words),
		cmocka_unit_test(an_onboarding_error_keeps_its_step_tab),
		cmocka_unit_test(warnings_and_alerts_go_with_any_step),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
