/* Single sign-on's pure rules (lib/saml.h, lib/saml_store.h), without a
 * database or an identity provider: who keeps a password, the status line
 * and its 30-day warning, the certificates the dialog takes, our metadata,
 * and reading an identity provider's, and whom a Response claims to be
 * for (before any check). Run from the repository's root (the
 * test IdP's certificates are in tests/fixtures/saml/). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/saml.h"
#include "lib/saml_store.h"

static char *read_text(const char *path)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	static char buf[8][16384];
	static int next;
	char *out = buf[next++ % 8];
	size_t n = fread(out, 1, sizeof buf[0] - 1, f);
	out[n] = 0;
	fclose(f);
	return out;
}

static void administrators_keep_their_password(void **state)
{
	assert_int_equal(sso_way_of(0, 0, "user"), SSO_WAY_PASSWORD);
	assert_int_equal(sso_way_of(0, 0, "account_admin"), SSO_WAY_PASSWORD);
	assert_int_equal(sso_way_of(1, 0, "user"), SSO_WAY_IDP);
	assert_int_equal(sso_way_of(1, 0, "account_admin"), SSO_WAY_CHOICE);
	assert_int_equal(sso_way_of(1, 1, "user"), SSO_WAY_CHOICE);
}

static void the_status_line_warns_thirty_days_ahead(void **state)
{
	struct sso_config c;
	struct sso_status s;
	memset(&c, 0, sizeof c);
	time_t now = 1800000000;
	sso_status_of(NULL, now, &s);
	assert_string_equal(s.level, "incomplete");
	c.cert_expires_at = now + 31 * 86400;
	sso_status_of(&c, now, &s);
	assert_string_equal(s.level, "ok");
	c.cert_expires_at = now + 30 * 86400 - 1;
	sso_status_of(&c, now, &s);
	assert_string_equal(s.level, "warn");
	assert_int_equal(s.days, 30);
	c.cert_expires_at = now + 3600;
	sso_status_of(&c, now, &s);
	assert_string_equal(s.text_key, "sso.status.expiring_one");
	c.cert_expires_at = now;
	sso_status_of(&c, now, &s);
	assert_string_equal(s.level, "error");
}

static void status_text_fills_days_and_date(void **state)
{
	HDF *lang;
	assert_null(hdf_init(&lang));
	hdf_set_value(lang, "sso.status.expiring", "in {n} days ({date})");
	struct sso_status s = {.level = "warn", .text_key = "sso.status.expiring", .days = 12};
	snprintf(s.date, sizeof s.date, "2027-01-02");
	char out[128];
	sso_status_text(lang, "en", &s, out, sizeof out);
	assert_string_equal(out, "in 12 days (2027-01-02)");
	sso_status_text(lang, "de", &s, out, sizeof out);   /* the date as the reader's language writes it */
	assert_string_equal(out, "in 12 days (02.01.2027)");
	hdf_destroy(&lang);
}

static void certificates_are_read_and_checked(void **state)
{
	struct saml_cert_info info[SAML_CERTS_MAX];
	int n = 0;
	static char canonical[SAML_CERTS_TEXT_MAX], two[32768];
	const char *idp = read_text("tests/fixtures/saml/idp-cert.pem");
	const char *next = read_text("tests/fixtures/saml/idp-next-cert.pem");
	assert_int_equal(saml_certs_check(idp, time(NULL), info, SAML_CERTS_MAX, &n, canonical), CERT_OK);
	assert_int_equal(n, 1);
	assert_non_null(strstr(info[0].subject, "Switchboard test IdP (idp)"));
	assert_non_null(strstr(canonical, "BEGIN CERTIFICATE"));
	snprintf(two, sizeof two, "%s\nsome words between\n%s", idp, next);
	assert_int_equal(saml_certs_check(two, time(NULL), info, SAML_CERTS_MAX, &n, NULL), CERT_OK);
	assert_int_equal(n, 2);
	/* Expired by 2050. */
	assert_int_equal(saml_certs_check(idp, 2524608000, info, SAML_CERTS_MAX, &n, NULL), CERT_EXPIRED);
	assert_int_equal(saml_certs_check("", time(NULL), info, SAML_CERTS_MAX, &n, NULL), CERT_NONE);
	const char *key = read_text("tests/fixtures/saml/idp-key.pem");
	snprintf(two, sizeof two, "%s%s", idp, key);
	assert_int_equal(saml_certs_check(two, time(NULL), info, SAML_CERTS_MAX, &n, NULL), CERT_PRIVATE_KEY);
	assert_int_equal(saml_certs_check("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", time(NULL), info,
					  SAML_CERTS_MAX, &n, NULL), CERT_UNREADABLE);
	assert_int_equal(saml_certs_check(two, time(NULL), info, 0, &n, NULL), CERT_PRIVATE_KEY);
	assert_int_equal(saml_certs_check(idp, time(NULL), info, 0, &n, NULL), CERT_TOO_MANY);
}

static void our_metadata_names_our_entity_and_acs(void **state)
{
	struct saml_sp sp;
	saml_sp_for("https://console.example.com/", "6a3b7e0e-0000-4000-8000-000000000001", &sp);
	assert_string_equal(sp.entity_id, "https://console.example.com/saml2/6a3b7e0e-0000-4000-8000-000000000001");
	assert_string_equal(sp.acs_url, "https://console.example.com/saml2/6a3b7e0e-0000-4000-8000-000000000001/acs");
	char *xml = NULL;
	assert_int_equal(saml_sp_metadata(&sp, &xml), 0);
	assert_non_null(strstr(xml, "entityID=\"https://console.example.com/saml2/6a3b7e0e-0000-4000-8000-000000000001\""));
	assert_non_null(strstr(xml, "Location=\"https://console.example.com/saml2/6a3b7e0e-0000-4000-8000-000000000001/acs\""));
	free(xml);
}

static void an_identity_providers_metadata_fills_the_three_fields(void **state)
{
	static char xml[16384];
	const char *pem = read_text("tests/fixtures/saml/idp-cert.pem");
	char body[4096] = "";
	const char *b = strstr(pem, "-----\n") + 6, *e = strstr(pem, "-----END");
	memcpy(body, b, (size_t)(e - b));
	snprintf(xml, sizeof xml,
		"<EntitiesDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\">"
		"<EntityDescriptor entityID=\"https://idp.example.com/x\"><IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
		"<KeyDescriptor use=\"encryption\"><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X509Data><X509Certificate>AAAA</X509Certificate></X509Data></KeyInfo></KeyDescriptor>"
		"<KeyDescriptor><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X509Data><X509Certificate>%s</X509Certificate></X509Data></KeyInfo></KeyDescriptor>"
		"<SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"https://idp.example.com/post\"/>"
		"<SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"https://idp.example.com/redirect\"/>"
		"</IDPSSODescriptor></EntityDescriptor></EntitiesDescriptor>", body);
	struct saml_idp_fields *f = malloc(sizeof *f);
	assert_int_equal(saml_idp_metadata_read(xml, strlen(xml), f), 1);
	assert_string_equal(f->entity_id, "https://idp.example.com/x");
	assert_string_equal(f->sign_in_url, "https://idp.example.com/redirect");
	struct saml_cert_info info[SAML_CERTS_MAX];
	int n = 0;
	assert_int_equal(saml_certs_check(f->certificates, time(NULL), info, SAML_CERTS_MAX, &n, NULL), CERT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(saml_idp_metadata_read("<x/>", 4, f), 0);
	free(f);
}

/* Read to choose whose history records a refusal: the first Assertion
 * under the Response, whatever its signature; nothing from a DTD, from an
 * Assertion hidden elsewhere, or from what is no Response. */
static void a_responses_claims_are_read_without_checks(void **state)
{
	const char *response =
		"<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">"
		"<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Responder\"/></samlp:Status>"
		"<saml:Assertion><saml:Subject><saml:NameID>pat@org.example.com</saml:NameID></saml:Subject>"
		"<saml:AttributeStatement>"
		"<saml:Attribute Name=\"organization\"><saml:AttributeValue>Org Ltd</saml:AttributeValue></saml:Attribute>"
		"<saml:Attribute Name=\"organizationId\"><saml:AttributeValue>org-1</saml:AttributeValue></saml:Attribute>"
		"<saml:Attribute Name=\"email\"><saml:AttributeValue>pat.claim@org.example.com</saml:AttributeValue></saml:Attribute>"
		"</saml:AttributeStatement></saml:Assertion></samlp:Response>";
	struct saml_expect expect = {.organisation_attribute = "organization", .organisation_id_attribute = "organizationId"};
	struct saml_identity *who = malloc(sizeof *who);
	gchar *b64 = g_base64_encode((const guchar *)response, strlen(response));
	assert_int_equal(saml_response_claims(b64, &expect, who), 1);
	g_free(b64);
	assert_string_equal(who->name_id, "pat@org.example.com");
	assert_string_equal(who->email, "pat.claim@org.example.com");
	assert_string_equal(who->organisation, "Org Ltd");
	assert_string_equal(who->organisation_id, "org-1");

	const char *not_ours[] = {
		"<!DOCTYPE r [<!ENTITY x \"y\">]><samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
		" xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"><saml:Assertion><saml:Subject><saml:NameID>&x;</saml:NameID>"
		"</saml:Subject></saml:Assertion></samlp:Response>",
		"<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">"
		"<samlp:Extensions><saml:Assertion><saml:Subject><saml:NameID>hidden@x</saml:NameID></saml:Subject></saml:Assertion>"
		"</samlp:Extensions></samlp:Response>",
		"<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"><saml:Subject><saml:NameID>bare@x</saml:NameID>"
		"</saml:Subject></saml:Assertion>",
		"not xml",
	};
	for (size_t i = 0; i < sizeof not_ours / sizeof not_ours[0]; i++) {
		b64 = g_base64_encode((const guchar *)not_ours[i], strlen(not_ours[i]));
		assert_int_equal(saml_response_claims(b64, &expect, who), 0);
		assert_string_equal(who->name_id, "");
		g_free(b64);
	}
	assert_int_equal(saml_response_claims("", &expect, who), 0);
	assert_int_equal(saml_response_claims("!!!", &expect, who), 0);
	free(who);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(administrators_keep_their_password),
		cmocka_unit_test(the_status_line_warns_thirty_days_ahead),
		cmocka_unit_test(status_text_fills_days_and_date),
		cmocka_unit_test(certificates_are_read_and_checked),
		cmocka_unit_test(our_metadata_names_our_entity_and_acs),
		cmocka_unit_test(an_identity_providers_metadata_fills_the_three_fields),
		cmocka_unit_test(a_responses_claims_are_read_without_checks),
	};
	return cmocka_run_group_tests_name("saml", tests, NULL, NULL);
}
