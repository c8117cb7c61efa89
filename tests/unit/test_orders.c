/* The pure parts of Orders (lib/orders.c): the status chip of guide §2.6 in
 * ch2 §3.2's precedence, the order numbers a path may carry, and the
 * document the ordering system publishes with a message per bad field. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "lib/licenses.h"
#include "lib/mitel_one.h"
#include "lib/orders.h"
#include "lib/workflow_studio.h"

#define TODAY "2026-06-15"
#define SOON "2026-07-15"

static void chips_follow_dates_and_activation(void **state)
{
	assert_int_equal(order_status_of("2026-06-14", 1, 0, TODAY, SOON), ORDER_EXPIRED);
	assert_int_equal(order_status_of("2026-06-14", 0, 1, TODAY, SOON), ORDER_EXPIRED);     /* expired first */
	assert_int_equal(order_status_of("2026-06-15", 1, 0, TODAY, SOON), ORDER_EXPIRING_SOON); /* the last day */
	assert_int_equal(order_status_of("2026-09-01", 0, 0, TODAY, SOON), ORDER_PENDING_ACTIVATION);
	assert_int_equal(order_status_of("", 0, 0, TODAY, SOON), ORDER_PENDING_ACTIVATION);
	assert_int_equal(order_status_of("", 1, 1, TODAY, SOON), ORDER_PERPETUAL);
	assert_int_equal(order_status_of(NULL, 1, 0, TODAY, SOON), ORDER_PERPETUAL);
	assert_int_equal(order_status_of("2026-07-15", 1, 1, TODAY, SOON), ORDER_EXPIRING_SOON); /* assigned too */
	assert_int_equal(order_status_of("2026-07-16", 1, 0, TODAY, SOON), ORDER_ASSIGN);
	assert_int_equal(order_status_of("2026-07-16", 1, 1, TODAY, SOON), ORDER_NONE);
	assert_string_equal(order_status_key(ORDER_PENDING_ACTIVATION), "pending_activation");
	assert_string_equal(order_status_key(ORDER_NONE), "");
}

static void order_numbers(void **state)
{
	assert_true(order_number_valid("A-S00371665"));
	assert_true(order_number_valid("0003414816"));
	assert_false(order_number_valid(""));
	assert_false(order_number_valid("-A"));
	assert_false(order_number_valid("A S"));
	assert_false(order_number_valid("A/S"));
	char long_one[66];
	memset(long_one, 'A', 65);
	long_one[65] = 0;
	assert_false(order_number_valid(long_one));
	long_one[64] = 0;
	assert_true(order_number_valid(long_one));
}

static json_t *parse(const char *text, struct order_doc *doc, json_t **errors)
{
	json_t *j = json_loads(text, 0, NULL);
	*errors = json_object();
	order_parse(j, doc, *errors);
	return j;
}

static void a_document_is_read(void **state)
{
	struct order_doc d;
	json_t *errors;
	json_t *j = parse("{\"partnerBillingId\":\"B1\",\"sapOrderNumber\":null,\"customerPo\":\"Subsc MiVO manual\","
			  "\"startDate\":\"2026-01-01\",\"termMonths\":12,\"expiryDate\":null,\"activated\":false,"
			  "\"lines\":[{\"product\":\"Mitel One\",\"plan\":\"Premier\",\"quantity\":10}],"
			  "\"tracking\":[{\"at\":\"2026-01-01T09:15:00Z\",\"stage\":\"Booked\"}],\"revision\":2}",
			  &d, &errors);
	assert_int_equal(json_object_size(errors), 0);
	assert_string_equal(d.partner_billing_id, "B1");
	assert_null(d.sap_order_number);
	assert_null(d.expiry_date);
	assert_int_equal(d.activated, 0);
	assert_int_equal(d.term_months, 12);
	assert_int_equal(d.revision, 2);
	assert_int_equal(d.n_lines, 1);
	assert_int_equal(d.lines[0].quantity, 10);
	assert_int_equal(d.n_tracking, 1);
	json_decref(errors);
	json_decref(j);
}

static void each_bad_field_is_named(void **state)
{
	static const struct {
		const char *doc, *field;
	} cases[] = {
		{"{\"lines\":[{\"product\":\"X\",\"quantity\":1}],\"revision\":1}", "partnerBillingId"},
		{"{\"partnerBillingId\":\"B\",\"lines\":[],\"revision\":1}", "lines"},
		{"{\"partnerBillingId\":\"B\",\"lines\":[{\"product\":\"X\",\"quantity\":0}],\"revision\":1}", "lines[0].quantity"},
		{"{\"partnerBillingId\":\"B\",\"lines\":[{\"quantity\":1}],\"revision\":1}", "lines[0].product"},
		{"{\"partnerBillingId\":\"B\",\"lines\":[{\"product\":\"X\",\"quantity\":1}]}", "revision"},
		{"{\"partnerBillingId\":\"B\",\"lines\":[{\"product\":\"X\",\"quantity\":1}],\"revision\":1,"
		 "\"startDate\":\"2026-02-01\",\"expiryDate\":\"2026-01-01\"}", "expiryDate"},
		{"{\"partnerBillingId\":\"B\",\"lines\":[{\"product\":\"X\",\"quantity\":1}],\"revision\":1,\"startDate\":\"2026-02-30\"}",
		 "startDate"},
		{"{\"partnerBillingId\":\"B\",\"lines\":[{\"product\":\"X\",\"quantity\":1}],\"revision\":1,\"activated\":1}", "activated"},
		{"{\"partnerBillingId\":\"B\",\"lines\":[{\"product\":\"X\",\"quantity\":1}],\"revision\":1,"
		 "\"tracking\":[{\"at\":\"2026-01-01T25:00:00Z\",\"stage\":\"S\"}]}", "tracking[0].at"},
		{"{\"partnerBillingId\":\"B\",\"lines\":[{\"product\":\"X\",\"quantity\":1}],\"revision\":1,\"customerPo\":\"a\\nb\"}",
		 "customerPo"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct order_doc d;
		json_t *errors;
		json_t *j = parse(cases[i].doc, &d, &errors);
		if (!json_object_get(errors, cases[i].field))
			fail_msg("case %zu: %s not named", i, cases[i].field);
		json_decref(errors);
		json_decref(j);
	}
	struct order_doc d;
	json_t *errors = json_object();
	assert_int_equal(order_parse(NULL, &d, errors), -1);
	json_decref(errors);
}

static void tiers_and_pools(void **state)
{
	assert_int_equal(mitel_one_tier_of_plan("Premier"), TIER_PREMIER);
	assert_int_equal(mitel_one_tier_of_plan("MiVoice Office 400 UCC Elite"), TIER_ELITE);
	assert_int_equal(mitel_one_tier_of_plan("MiVoice Office 400 UCC Entry"), TIER_ESSENTIAL);
	assert_int_equal(mitel_one_tier_of_plan("hMitel Indirect"), TIER_NONE);
	assert_int_equal(mitel_one_tier_features(TIER_ESSENTIAL), FEATURE_CHAT);
	assert_int_equal(mitel_one_tier_features(TIER_ELITE), FEATURE_CHAT | FEATURE_MITEAM | FEATURE_TELEPHONY);
	assert_int_equal(mitel_one_tier_from_key("premier"), TIER_PREMIER);
	assert_int_equal(mitel_one_tier_from_key("Premier"), TIER_NONE);
	assert_int_equal(license_state_of("Zoom Hybrid", 2, 1, 0, MITEAM_STANDALONE), LICENSE_AVAILABLE);
	assert_int_equal(license_state_of("Zoom Hybrid", 2, 2, 0, MITEAM_STANDALONE), LICENSE_NOT_AVAILABLE);
	assert_int_equal(license_state_of("Zoom Hybrid", 2, 2, 1, MITEAM_STANDALONE), LICENSE_AVAILABLE);
	/* Guide §3.1.5.1: MiCollab's whatever the pool; "No Licenses" while the integration is off. */
	assert_int_equal(license_state_of("MiTeam Meetings", 9, 0, 0, MITEAM_MICOLLAB), LICENSE_MICOLLAB);
	assert_int_equal(license_state_of("MiTeam Meetings", 9, 0, 1, MITEAM_MICOLLAB), LICENSE_MICOLLAB);
	assert_int_equal(license_state_of("MiTeam Meetings", 9, 0, 0, MITEAM_STANDALONE), LICENSE_AVAILABLE);
	assert_int_equal(license_state_of("MiTeam Meetings", 9, 9, 0, MITEAM_STANDALONE), LICENSE_NOT_AVAILABLE);
	assert_int_equal(license_state_of("MiTeam Meetings", 9, 0, 0, MITEAM_OFF), LICENSE_NO_INTEGRATION);
	assert_int_equal(license_state_of("MiTeam Meetings", 9, 1, 1, MITEAM_OFF), LICENSE_NO_INTEGRATION);
	/* The rule is MiTeam Meetings' only. */
	assert_int_equal(license_state_of("Zoom Hybrid", 2, 1, 0, MITEAM_OFF), LICENSE_AVAILABLE);
	assert_int_equal(license_state_of("Zoom Hybrid", 2, 1, 0, MITEAM_MICOLLAB), LICENSE_AVAILABLE);
	assert_string_equal(license_state_key(LICENSE_NO_INTEGRATION), "no_integration");
}

static void workflow_studio_skus(void **state)
{
	const struct wfs_sku *k = wfs_sku_of("54019081");
	assert_non_null(k);
	assert_string_equal(k->tier, "Premier - free");
	assert_int_equal(k->premier, 100);
	assert_int_equal(k->essential, 0);
	k = wfs_sku_of("54014775");
	assert_int_equal(k->essential, 500);
	assert_int_equal(k->premier, 500);
	assert_null(wfs_sku_of("5401484"));
}

static void expiry_spans(void **state)
{
	char lo[11], hi[11];
	static const struct {
		const char *q, *lo, *hi;
	} cases[] = {
		{"2026", "2026-01-01", "2026-12-31"},   {"2026-", "2026-01-01", "2026-12-31"},
		{"2026-0", "2026-01-01", "2026-09-30"}, {"2026-1", "2026-10-01", "2026-12-31"},
		{"2026-02", "2026-02-01", "2026-02-28"}, {"2028-02-", "2028-02-01", "2028-02-29"},
		{"2026-05-3", "2026-05-30", "2026-05-31"}, {"2026-05-0", "2026-05-01", "2026-05-09"},
		{"2026-05-17", "2026-05-17", "2026-05-17"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		order_expiry_span(cases[i].q, lo, hi);
		assert_string_equal(lo, cases[i].lo);
		assert_string_equal(hi, cases[i].hi);
	}
	static const char *const none[] = {"", "202", "A-S", "2026-13", "2026-02-30", "2026/05", "2026-2", "12345678901"};
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
		order_expiry_span(none[i], lo, hi);
		assert_true(strcmp(lo, hi) > 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(chips_follow_dates_and_activation),
		cmocka_unit_test(order_numbers),
		cmocka_unit_test(a_document_is_read),
		cmocka_unit_test(each_bad_field_is_named),
		cmocka_unit_test(tiers_and_pools),
		cmocka_unit_test(workflow_studio_skus),
		cmocka_unit_test(expiry_spans),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
