/* The PBX snapshot diff (lib/pbx_diff.c, ch3 §2.4): keyed by the PBX's
 * stable id, never by email; users without a usable or unique email get no
 * login; an unchanged snapshot is an empty diff. Also the gateway's static
 * Port 1 checks and the claim code form (lib/gateways.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "lib/gateways.h"
#include "lib/pbx_diff.h"
#include "lib/pbx_links.h"

static void add(struct pbx_snapshot *s, const char *id, const char *first, const char *last, const char *email)
{
	struct pbx_user u = {id, first, last, email, "1001", "Sales", "HQ"};
	assert_int_equal(pbx_snapshot_add_user(s, &u), 0);
}

/* What the console would hold after applying s: every user known as it is. */
static struct pbx_known known_of(const struct pbx_snapshot *s, size_t i, long long user_id)
{
	struct pbx_known k = {s->users[i].pbx_id, "", PBX_EMAIL_OK, user_id, 1};
	pbx_fingerprint(&s->users[i], k.fingerprint);
	return k;
}

static void first_sync_adds_everyone_and_classifies_emails(void **state)
{
	struct pbx_snapshot s = {0};
	add(&s, "1", "Ada", "Lovelace", "ada@example.com");
	add(&s, "2", "Alan", "Turing", "");
	add(&s, "3", "Grace", "Hopper", "shared@example.com");
	add(&s, "4", "Edsger", "Dijkstra", "SHARED@example.com");
	add(&s, "5", "Barbara", "Liskov", "not an address");
	add(&s, "6", "Ken", "Thompson", "ken@example.com");
	const char *taken[] = {"Ken@Example.com"};
	struct pbx_diff d;
	assert_int_equal(pbx_diff_compute(&s, NULL, 0, taken, 1, &d), 0);
	assert_int_equal(d.added, 6);
	assert_int_equal(d.changed + d.same + d.n_removed, 0);
	assert_int_equal(d.state[0], PBX_EMAIL_OK);
	assert_int_equal(d.state[1], PBX_EMAIL_MISSING);
	assert_int_equal(d.state[2], PBX_EMAIL_DUPLICATE);
	assert_int_equal(d.state[3], PBX_EMAIL_DUPLICATE);
	assert_int_equal(d.state[4], PBX_EMAIL_MISSING);
	assert_int_equal(d.state[5], PBX_EMAIL_DUPLICATE); /* a console user of the account has it */
	assert_int_equal(d.no_email, 2);
	assert_int_equal(d.dup_email, 3);
	pbx_diff_free(&d);
	pbx_snapshot_free(&s);
}

static void unchanged_snapshot_is_an_empty_diff(void **state)
{
	struct pbx_snapshot s = {0};
	add(&s, "a", "Ada", "Lovelace", "ada@example.com");
	add(&s, "b", "Alan", "Turing", "alan@example.com");
	struct pbx_known k[] = {known_of(&s, 1, 11), known_of(&s, 0, 10)};
	struct pbx_diff d;
	assert_int_equal(pbx_diff_compute(&s, k, 2, NULL, 0, &d), 0);
	assert_true(pbx_diff_empty(&d));
	assert_int_equal(d.same, 2);
	pbx_diff_free(&d);
	pbx_snapshot_free(&s);
}

static void keyed_by_id_not_by_email(void **state)
{
	struct pbx_snapshot before = {0}, after = {0};
	add(&before, "a", "Ada", "Lovelace", "ada@example.com");
	add(&before, "b", "Alan", "Turing", "alan@example.com");
	/* Both swap emails: two changes, nobody added or removed. */
	add(&after, "a", "Ada", "Lovelace", "alan@example.com");
	add(&after, "b", "Alan", "Turing", "ada@example.com");
	/* A new id with an old email is a new user. */
	add(&after, "c", "Ada", "Lovelace", "ada2@example.com");
	struct pbx_known k[] = {known_of(&before, 0, 10), known_of(&before, 1, 11)};
	struct pbx_diff d;
	assert_int_equal(pbx_diff_compute(&after, k, 2, NULL, 0, &d), 0);
	assert_int_equal(d.changed, 2);
	assert_int_equal(d.added, 1);
	assert_int_equal(d.n_removed, 0);
	assert_int_equal(d.op[0], PBX_CHANGE);
	assert_int_equal(d.known[0], 0);
	assert_int_equal(d.op[2], PBX_ADD);
	pbx_diff_free(&d);
	pbx_snapshot_free(&before);
	pbx_snapshot_free(&after);
}

static void removed_and_changed(void **state)
{
	struct pbx_snapshot before = {0}, after = {0};
	add(&before, "a", "Ada", "Lovelace", "ada@example.com");
	add(&before, "b", "Alan", "Turing", "alan@example.com");
	add(&before, "c", "Grace", "Hopper", "grace@example.com");
	add(&after, "c", "Grace", "Hopper-Murray", "grace@example.com");
	add(&after, "a", "Ada", "Lovelace", "ada@example.com");
	struct pbx_known k[] = {known_of(&before, 0, 10), known_of(&before, 1, 11), known_of(&before, 2, 12)};
	struct pbx_diff d;
	assert_int_equal(pbx_diff_compute(&after, k, 3, NULL, 0, &d), 0);
	assert_int_equal(d.n_removed, 1);
	assert_string_equal(k[d.removed[0]].pbx_id, "b");
	assert_int_equal(d.op[0], PBX_CHANGE);
	assert_int_equal(d.op[1], PBX_SAME);
	pbx_diff_free(&d);
	pbx_snapshot_free(&before);
	pbx_snapshot_free(&after);
}

static void a_fixed_email_gets_a_login(void **state)
{
	struct pbx_snapshot s = {0};
	add(&s, "a", "Ada", "Lovelace", "ada@example.com");
	/* Known without a login because its email was missing; same fields now with one. */
	struct pbx_known k = {"a", "", PBX_EMAIL_MISSING, 0, 0};
	pbx_fingerprint(&s.users[0], k.fingerprint);
	struct pbx_diff d;
	assert_int_equal(pbx_diff_compute(&s, &k, 1, NULL, 0, &d), 0);
	assert_int_equal(d.op[0], PBX_CHANGE);
	assert_int_equal(d.state[0], PBX_EMAIL_OK);
	pbx_diff_free(&d);
	pbx_snapshot_free(&s);
}

static void an_id_twice_is_an_inconsistent_snapshot(void **state)
{
	struct pbx_snapshot s = {0};
	add(&s, "a", "Ada", "Lovelace", "ada@example.com");
	add(&s, "a", "Alan", "Turing", "alan@example.com");
	struct pbx_diff d;
	assert_int_equal(pbx_diff_compute(&s, NULL, 0, NULL, 0, &d), -2);
	pbx_snapshot_free(&s);
}

static void big_snapshot(void **state)
{
	struct pbx_snapshot s = {0};
	char id[16], email[64];
	for (int i = 0; i < 20000; i++) {
		snprintf(id, sizeof id, "%d", i);
		snprintf(email, sizeof email, "u%d@example.com", i);
		add(&s, id, "First", "Last", email);
	}
	struct pbx_diff d;
	assert_int_equal(pbx_diff_compute(&s, NULL, 0, NULL, 0, &d), 0);
	assert_int_equal(d.added, 20000);
	assert_int_equal(d.dup_email + d.no_email, 0);
	pbx_diff_free(&d);
	pbx_snapshot_free(&s);
}

static int bad_count;
static char bad_fields[256];
static void note_bad(void *ctx, const char *field, const char *reason)
{
	bad_count++;
	strncat(bad_fields, field, sizeof bad_fields - strlen(bad_fields) - 2);
	strcat(bad_fields, " ");
}

static int site_errors(const char *ip, const char *mask, const char *gw, const char *dns)
{
	struct gateway_site s = {"HQ", "", "Ottawa", "CA", "Ontario", "K0A 2G0"};
	struct gateway_eth e = {0, ip, mask, gw, {dns, NULL, NULL}};
	bad_count = 0;
	bad_fields[0] = 0;
	return gateway_site_check(&s, &e, note_bad, NULL);
}

static void static_ipv4_settings(void **state)
{
	assert_int_equal(site_errors("192.168.1.10", "255.255.255.0", "192.168.1.1", "8.8.8.8"), 0);
	assert_int_equal(site_errors("192.168.1.10", "255.0.255.0", "192.168.1.1", "8.8.8.8"), 1);   /* not contiguous */
	assert_string_equal(bad_fields, "subnet_mask ");
	assert_int_equal(site_errors("192.168.1.10", "255.255.255.0", "192.168.2.1", "8.8.8.8"), 1); /* outside */
	assert_string_equal(bad_fields, "default_gateway ");
	assert_int_equal(site_errors("192.168.1.300", "255.255.255.0", "192.168.1.1", "8.8.8.8"), 1);
	assert_int_equal(site_errors("192.168.1.10", "255.255.255.0", "192.168.1.10", "8.8.8.8"), 1); /* itself */
	assert_int_equal(site_errors("192.168.1.10", "255.255.255.0", "192.168.1.1", ""), 1);        /* no DNS */
	assert_int_equal(site_errors("192.168.1.0", "255.255.255.0", "192.168.1.1", "8.8.8.8"), 1);  /* network address */
	struct gateway_site s = {"", "", "", "", "", ""};
	struct gateway_eth dhcp = {.dhcp = 1};
	bad_count = 0;
	assert_int_equal(gateway_site_check(&s, &dhcp, note_bad, NULL), 5);
}

static void claim_codes_and_hosts(void **state)
{
	char out[GATEWAY_CODE_MAX + 1];
	assert_true(gateway_code_normalise("abcd-2345", out));
	assert_string_equal(out, "ABCD2345");
	assert_true(gateway_code_normalise(" ABCD 2345 ", out));
	assert_false(gateway_code_normalise("ABC", out));
	assert_false(gateway_code_normalise("ABCD;2345", out));
	assert_true(pbx_host_valid("10.0.0.5"));
	assert_true(pbx_host_valid("fe80::1"));
	assert_true(pbx_host_valid("pbx.acme.example.com"));
	assert_false(pbx_host_valid("300.1.1.1"));
	assert_false(pbx_host_valid("-pbx.example.com"));
	assert_false(pbx_host_valid("pbx..example.com"));
	assert_false(pbx_host_valid("http://pbx"));
	assert_true(pbx_owned_field("email"));
	assert_false(pbx_owned_field("mobile"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(first_sync_adds_everyone_and_classifies_emails),
		cmocka_unit_test(unchanged_snapshot_is_an_empty_diff),
		cmocka_unit_test(keyed_by_id_not_by_email),
		cmocka_unit_test(removed_and_changed),
		cmocka_unit_test(a_fixed_email_gets_a_login),
		cmocka_unit_test(an_id_twice_is_an_inconsistent_snapshot),
		cmocka_unit_test(big_snapshot),
		cmocka_unit_test(static_ipv4_settings),
		cmocka_unit_test(claim_codes_and_hosts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
