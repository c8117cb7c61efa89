/* System Inventory's pure pieces: the SWA rules of guide §2.17.1 and the
 * daemons' inventory report (ch2 §9.5). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "lib/inventory_report.h"
#include "lib/inventory_swa.h"

#define TODAY "2025-03-01"

static void not_indicated_without_a_licence_or_an_expiry(void **state)
{
	assert_int_equal(swa_status_of(LICENCE_UNLICENSED, "2030-01-01", TODAY), SWA_NOT_INDICATED);
	assert_int_equal(swa_status_of(LICENCE_SUBSCRIPTION, "", TODAY), SWA_NOT_INDICATED);
	assert_int_equal(swa_status_of(LICENCE_PERPETUAL, "", TODAY), SWA_NOT_INDICATED);
	assert_int_equal(swa_status_of(LICENCE_PERPETUAL, "not a date", TODAY), SWA_NOT_INDICATED);
}

static void subscriptions_are_active_until_they_expire(void **state)
{
	assert_int_equal(swa_status_of(LICENCE_SUBSCRIPTION, "2025-03-02", TODAY), SWA_ACTIVE);
	assert_int_equal(swa_status_of(LICENCE_SUBSCRIPTION, TODAY, TODAY), SWA_ACTIVE);
	/* within 90 days is no matter for a subscription */
	assert_int_equal(swa_status_of(LICENCE_SUBSCRIPTION, "2025-03-10", TODAY), SWA_ACTIVE);
	assert_int_equal(swa_status_of(LICENCE_SUBSCRIPTION, "2025-02-28", TODAY), SWA_INACTIVE);
}

static void perpetual_licences_warn_90_days_ahead(void **state)
{
	assert_int_equal(swa_status_of(LICENCE_PERPETUAL, "2025-05-30", TODAY), SWA_EXPIRING_SOON);  /* 90 days */
	assert_int_equal(swa_status_of(LICENCE_PERPETUAL, "2025-05-31", TODAY), SWA_ACTIVE);         /* 91 days */
	assert_int_equal(swa_status_of(LICENCE_PERPETUAL, TODAY, TODAY), SWA_EXPIRING_SOON);
	assert_int_equal(swa_status_of(LICENCE_PERPETUAL, "2025-02-28", TODAY), SWA_EXPIRED);
	assert_int_equal(swa_status_of(LICENCE_PERPETUAL, "2031-01-01", TODAY), SWA_ACTIVE);
	int ok;
	assert_int_equal(swa_days_left("2024-02-28", "2024-03-01", &ok), 2);  /* a leap year */
	assert_int_equal(swa_days_left("2023-12-31", "2024-12-31", &ok), 366);
	assert_true(ok);
	swa_days_left(TODAY, "2025-02-29", &ok);
	assert_false(ok);
}

static void keys(void **state)
{
	assert_string_equal(swa_status_key(SWA_EXPIRING_SOON), "expiring_soon");
	assert_int_equal(swa_status_from_key("not_indicated"), SWA_NOT_INDICATED);
	assert_int_equal(swa_status_from_key("Active"), -1);
	assert_int_equal(licence_type_from_key("perpetual"), LICENCE_PERPETUAL);
	assert_int_equal(licence_type_from_key("lifetime"), -1);
}

static void a_report_is_read_whole(void **state)
{
	json_t *doc = json_loads(
		"{\"platform\": {\"host\": \"mivb122\", \"type\": \"msl\", \"name\": \"Justin MVB 1\", \"systemFamily\": \"linux\","
		" \"platformId\": \"PLT-1\", \"version\": \"11.0.110.0\","
		" \"licence\": {\"id\": \"7640820\", \"type\": \"perpetual\", \"swaExpiry\": \"2030-01-01\"},"
		" \"tunnels\": [{\"kind\": \"rest\", \"state\": \"started\"}, {\"kind\": \"server-manager\", \"state\": \"stopped\"}]},"
		" \"applications\": [{\"type\": \"mivoice-business\", \"name\": \"MiVB\", \"version\": \"10.0.1.18\","
		"  \"tunnels\": [{\"kind\": \"admin-web\", \"state\": \"started\"}]}, {\"type\": \"cloudlink-daemon\"}],"
		" \"intervalSeconds\": 60}", 0, NULL);
	json_t *errors = json_object();
	struct inventory_report r;
	assert_int_equal(inventory_report_parse(doc, &r, errors), 0);
	assert_int_equal(json_object_size(errors), 0);
	assert_string_equal(r.host, "mivb122");
	assert_string_equal(r.license_type, "perpetual");
	assert_string_equal(r.swa_expiry, "2030-01-01");
	assert_int_equal(r.n_apps, 2);
	assert_int_equal(r.interval, 60);
	const struct inventory_tunnel *t = inventory_launch_tunnel(r.tunnels, r.n_tunnels);
	assert_non_null(t);
	assert_string_equal(t->kind, "server-manager");
	assert_string_equal(t->state, "stopped");
	assert_null(inventory_launch_tunnel(r.apps[1].tunnels, r.apps[1].n_tunnels));
	json_decref(doc);
	json_decref(errors);
}

static void each_fault_is_named_by_its_path(void **state)
{
	json_t *doc = json_loads(
		"{\"platform\": {\"host\": \"\", \"type\": \"MSL\", \"platformId\": \"P\", \"licence\": {\"type\": \"free\","
		" \"swaExpiry\": \"2024-02-30\"}, \"tunnels\": [{\"kind\": \"rest\", \"state\": \"up\"}]},"
		" \"applications\": [{\"type\": \"a\"}, {\"type\": \"a\"}], \"intervalSeconds\": \"hourly\"}", 0, NULL);
	json_t *errors = json_object();
	struct inventory_report r;
	assert_int_equal(inventory_report_parse(doc, &r, errors), -1);
	const char *expected[] = {"platform.host", "platform.type", "platform.systemFamily", "platform.licence.type",
				  "platform.licence.swaExpiry", "platform.tunnels[0].state", "applications[1]", "intervalSeconds"};
	for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
		assert_non_null(json_object_get(errors, expected[i]));
	assert_int_equal(json_object_size(errors), sizeof expected / sizeof expected[0]);
	json_decref(doc);
	json_decref(errors);

	errors = json_object();
	assert_int_equal(inventory_report_parse(NULL, &r, errors), -1);
	assert_non_null(json_object_get(errors, "platform"));
	json_decref(errors);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(not_indicated_without_a_licence_or_an_expiry),
		cmocka_unit_test(subscriptions_are_active_until_they_expire),
		cmocka_unit_test(perpetual_licences_warn_90_days_ahead), cmocka_unit_test(keys),
		cmocka_unit_test(a_report_is_read_whole), cmocka_unit_test(each_fault_is_named_by_its_path),
	};
	return cmocka_run_group_tests_name("inventory", tests, NULL, NULL);
}
