/* SAML 2.0 as a service provider, by lasso (lib/saml.h). lasso verifies
 * the XML signatures (against every signing key of the identity provider's
 * metadata, the signature a child of the element it signs and referring to
 * it by its ID), the issuers and the status; the rules lasso leaves to its
 * caller - destination, audience, bearer confirmation, validity windows,
 * one assertion only - are checked here on what lasso parsed. */
#include "lib/saml.h"

#include <glib.h>
#include <lasso/lasso.h>
#include <lasso/xml/saml-2.0/saml2_assertion.h>
#include <lasso/xml/saml-2.0/saml2_attribute.h>
#include <lasso/xml/saml-2.0/saml2_attribute_statement.h>
#include <lasso/xml/saml-2.0/saml2_attribute_value.h>
#include <lasso/xml/saml-2.0/saml2_audience_restriction.h>
#include <lasso/saml-2.0/saml2_helper.h>
#include <lasso/xml/saml-2.0/samlp2_authn_request.h>
#include <lasso/xml/saml-2.0/samlp2_response.h>
#include <lasso/xml/misc_text_node.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NS_MD "urn:oasis:names:tc:SAML:2.0:metadata"
#define NS_DS "http://www.w3.org/2000/09/xmldsig#"
#define NS_ASSERTION "urn:oasis:names:tc:SAML:2.0:assertion"
#define NS_PROTOCOL "urn:oasis:names:tc:SAML:2.0:protocol"
#define BINDING_REDIRECT "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
#define BINDING_POST "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
#define NAMEID_EMAIL "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"
#define CONFIRMATION_BEARER "urn:oasis:names:tc:SAML:2.0:cm:bearer"

/* lasso (and with it libxml2 and xmlsec) is set up once per process. */
static int ready(void)
{
	static int done = 0;
	if (!done && lasso_init() == 0)
		done = 1;
	return done;
}

void saml_sp_for(const char *base_url, const char *name, struct saml_sp *out)
{
	size_t n = strlen(base_url);
	while (n > 0 && base_url[n - 1] == '/')
		n--;
	snprintf(out->entity_id, sizeof out->entity_id, "%.*s/saml2/%s", (int)n, base_url, name);
	snprintf(out->acs_url, sizeof out->acs_url, "%s/acs", out->entity_id);
}

/* ---- metadata, built as a tree (libxml2 escapes what it writes) ---- */

static char *serialise(xmlDoc *doc)
{
	xmlChar *buf = NULL;
	int len = 0;
	xmlDocDumpMemoryEnc(doc, &buf, &len, "UTF-8");
	char *out = buf ? strndup((const char *)buf, (size_t)len) : NULL;
	xmlFree(buf);
	return out;
}

int saml_sp_metadata(const struct saml_sp *sp, char **xml)
{
	if (!ready())
		return -1;
	xmlDoc *doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNode *root = xmlNewNode(NULL, BAD_CAST "EntityDescriptor");
	xmlNs *md = xmlNewNs(root, BAD_CAST NS_MD, BAD_CAST "md");
	xmlSetNs(root, md);
	xmlDocSetRootElement(doc, root);
	xmlNewProp(root, BAD_CAST "entityID", BAD_CAST sp->entity_id);
	xmlNode *sso = xmlNewChild(root, md, BAD_CAST "SPSSODescriptor", NULL);
	xmlNewProp(sso, BAD_CAST "AuthnRequestsSigned", BAD_CAST "false");
	xmlNewProp(sso, BAD_CAST "WantAssertionsSigned", BAD_CAST "true");
	xmlNewProp(sso, BAD_CAST "protocolSupportEnumeration", BAD_CAST NS_PROTOCOL);
	xmlNewChild(sso, md, BAD_CAST "NameIDFormat", BAD_CAST NAMEID_EMAIL);
	xmlNode *acs = xmlNewChild(sso, md, BAD_CAST "AssertionConsumerService", NULL);
	xmlNewProp(acs, BAD_CAST "Binding", BAD_CAST BINDING_POST);
	xmlNewProp(acs, BAD_CAST "Location", BAD_CAST sp->acs_url);
	xmlNewProp(acs, BAD_CAST "index", BAD_CAST "0");
	xmlNewProp(acs, BAD_CAST "isDefault", BAD_CAST "true");
	*xml = serialise(doc);
	xmlFreeDoc(doc);
	return *xml ? 0 : -1;
}

/* The base64 body of each PEM certificate block of text, in order. */
static int each_certificate_body(const char *text, void (*fn)(void *ctx, const char *b64, size_t len), void *ctx)
{
	static const char begin[] = "-----BEGIN CERTIFICATE-----", end[] = "-----END CERTIFICATE-----";
	int n = 0;
	for (const char *p = strstr(text, begin); p; p = strstr(p, begin)) {
		p += sizeof begin - 1;
		const char *e = strstr(p, end);
		if (!e)
			break;
		fn(ctx, p, (size_t)(e - p));
		n++;
		p = e + sizeof end - 1;
	}
	return n;
}

struct key_descriptors {
	xmlNode *parent;
	xmlNs *md, *ds;
};

static void add_key_descriptor(void *ctx, const char *b64, size_t len)
{
	struct key_descriptors *k = ctx;
	char *body = malloc(len + 1);
	if (!body)
		return;
	size_t m = 0;
	for (size_t i = 0; i < len; i++)
		if (b64[i] != '\n' && b64[i] != '\r' && b64[i] != ' ' && b64[i] != '\t')
			body[m++] = b64[i];
	body[m] = 0;
	xmlNode *kd = xmlNewChild(k->parent, k->md, BAD_CAST "KeyDescriptor", NULL);
	xmlNewProp(kd, BAD_CAST "use", BAD_CAST "signing");
	xmlNode *info = xmlNewChild(kd, k->ds, BAD_CAST "KeyInfo", NULL);
	xmlNode *data = xmlNewChild(info, k->ds, BAD_CAST "X509Data", NULL);
	xmlNewTextChild(data, k->ds, BAD_CAST "X509Certificate", BAD_CAST body);
	free(body);
}

/* The identity provider as lasso takes it: metadata made from the three
 * fields of the dialog, one signing KeyDescriptor per certificate. */
static char *idp_metadata(const struct saml_idp *idp)
{
	xmlDoc *doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNode *root = xmlNewNode(NULL, BAD_CAST "EntityDescriptor");
	xmlNs *md = xmlNewNs(root, BAD_CAST NS_MD, BAD_CAST "md");
	xmlNs *ds = xmlNewNs(root, BAD_CAST NS_DS, BAD_CAST "ds");
	xmlSetNs(root, md);
	xmlDocSetRootElement(doc, root);
	xmlNewProp(root, BAD_CAST "entityID", BAD_CAST idp->entity_id);
	xmlNode *sso = xmlNewChild(root, md, BAD_CAST "IDPSSODescriptor", NULL);
	xmlNewProp(sso, BAD_CAST "protocolSupportEnumeration", BAD_CAST NS_PROTOCOL);
	struct key_descriptors k = {sso, md, ds};
	each_certificate_body(idp->certificates, add_key_descriptor, &k);
	xmlNode *svc = xmlNewChild(sso, md, BAD_CAST "SingleSignOnService", NULL);
	xmlNewProp(svc, BAD_CAST "Binding", BAD_CAST BINDING_REDIRECT);
	xmlNewProp(svc, BAD_CAST "Location", BAD_CAST idp->sign_in_url);
	char *out = serialise(doc);
	xmlFreeDoc(doc);
	return out;
}

/* A lasso server for one exchange: us (no key: our requests are not
 * signed) and the one identity provider we talk to. NULL on error. */
static LassoServer *server_for(const struct saml_sp *sp, const struct saml_idp *idp)
{
	if (!ready())
		return NULL;
	char *ours = NULL, *theirs = idp_metadata(idp);
	LassoServer *server = NULL;
	if (theirs && saml_sp_metadata(sp, &ours) == 0)
		server = lasso_server_new_from_buffers(ours, NULL, NULL, NULL);
	if (server && lasso_server_add_provider_from_buffer(server, LASSO_PROVIDER_ROLE_IDP, theirs, NULL, NULL) != 0) {
		lasso_server_destroy(server);
		server = NULL;
	}
	free(ours);
	free(theirs);
	return server;
}

int saml_authn_request(const struct saml_sp *sp, const struct saml_idp *idp, const char *relay_state, char **url,
		       char id[SAML_ID_MAX])
{
	*url = NULL;
	LassoServer *server = server_for(sp, idp);
	if (!server)
		return -1;
	LassoLogin *login = lasso_login_new(server);
	int rc = -1;
	if (!login)
		goto out;
	LassoProfile *profile = LASSO_PROFILE(login);
	/* We hold no key to sign with: the request goes unsigned. */
	lasso_profile_set_signature_hint(profile, LASSO_PROFILE_SIGNATURE_HINT_FORBID);
	if (lasso_login_init_authn_request(login, idp->entity_id, LASSO_HTTP_METHOD_REDIRECT) != 0)
		goto out;
	LassoSamlp2AuthnRequest *request = LASSO_SAMLP2_AUTHN_REQUEST(profile->request);
	/* The answer comes back by HTTP-POST to our one ACS. */
	g_free(request->ProtocolBinding);
	request->ProtocolBinding = g_strdup(BINDING_POST);
	g_free(request->AssertionConsumerServiceURL);
	request->AssertionConsumerServiceURL = g_strdup(sp->acs_url);
	request->AssertionConsumerServiceIndex = -1;
	request->NameIDPolicy->AllowCreate = TRUE;
	if (relay_state) {
		g_free(profile->msg_relayState);
		profile->msg_relayState = g_strdup(relay_state);
	}
	if (lasso_login_build_authn_request_msg(login) != 0 || !profile->msg_url)
		goto out;
	const char *request_id = LASSO_SAMLP2_REQUEST_ABSTRACT(request)->ID;
	if (!request_id || strlen(request_id) >= SAML_ID_MAX)
		goto out;
	snprintf(id, SAML_ID_MAX, "%s", request_id);
	*url = strdup(profile->msg_url);
	rc = *url ? 0 : -1;
out:
	if (login)
		lasso_login_destroy(login);
	lasso_server_destroy(server);
	return rc;
}

/* ---- the Response ---- */

const char *saml_failure_key(enum saml_failure f)
{
	static const char *const keys[SAML_FAILURE_COUNT] = {
		[SAML_OK] = "ok", [SAML_MALFORMED] = "malformed", [SAML_NOT_SUCCESS] = "not_success",
		[SAML_ASSERTION_COUNT] = "assertion_count", [SAML_SIGNATURE] = "signature", [SAML_ISSUER] = "issuer",
		[SAML_DESTINATION] = "destination", [SAML_AUDIENCE] = "audience", [SAML_SUBJECT] = "subject",
		[SAML_TIME] = "time", [SAML_IN_RESPONSE_TO] = "in_response_to", [SAML_UNSOLICITED] = "unsolicited",
		[SAML_UNKNOWN_REQUEST] = "unknown_request", [SAML_REPLAY] = "replay", [SAML_NO_USER] = "no_user",
		[SAML_NOT_CONFIGURED] = "not_configured",
	};
	return f >= 0 && f < SAML_FAILURE_COUNT && keys[f] ? keys[f] : "unknown";
}

static int element_is(const xmlNode *n, const char *ns, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href && strcmp((const char *)n->ns->href, ns) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

/* Assertions anywhere in the tree, plain and encrypted. */
static void count_assertions(const xmlNode *n, int *plain, int *encrypted)
{
	for (; n; n = n->next) {
		if (element_is(n, NS_ASSERTION, "Assertion"))
			(*plain)++;
		else if (element_is(n, NS_ASSERTION, "EncryptedAssertion"))
			(*encrypted)++;
		if (n->type == XML_ELEMENT_NODE)
			count_assertions(n->children, plain, encrypted);
	}
}

/* Signature wrapping hides a second assertion (the signed original, or a
 * forged one) somewhere lasso does not look; a Response here carries one
 * Assertion, a child of the Response, and nothing else that could be taken
 * for one. */
static enum saml_failure one_assertion(const char *response_b64)
{
	gsize len = 0;
	guchar *xml = g_base64_decode(response_b64, &len);
	if (!xml || len == 0 || len > 4 * 1024 * 1024) {
		g_free(xml);
		return SAML_MALFORMED;
	}
	xmlDoc *doc = xmlReadMemory((const char *)xml, (int)len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
				    XML_PARSE_NOWARNING);
	g_free(xml);
	if (!doc)
		return SAML_MALFORMED;
	enum saml_failure f = SAML_OK;
	xmlNode *root = xmlDocGetRootElement(doc);
	if (doc->intSubset || doc->extSubset || !root || !element_is(root, NS_PROTOCOL, "Response")) {
		f = SAML_MALFORMED;
	} else {
		int plain = 0, encrypted = 0, children = 0;
		count_assertions(root, &plain, &encrypted);
		for (xmlNode *c = root->children; c; c = c->next)
			children += element_is(c, NS_ASSERTION, "Assertion");
		if (plain != 1 || encrypted != 0 || children != 1)
			f = SAML_ASSERTION_COUNT;
	}
	xmlFreeDoc(doc);
	return f;
}

static enum saml_failure from_lasso(int rc)
{
	switch (rc) {
	case 0:
		return SAML_OK;
	case LASSO_DS_ERROR_SIGNATURE_NOT_FOUND:
	case LASSO_DS_ERROR_SIGNATURE_VERIFICATION_FAILED:
	case LASSO_DS_ERROR_INVALID_SIGNATURE:
	case LASSO_DS_ERROR_INVALID_REFERENCE_FOR_SAML:
	case LASSO_DS_ERROR_TOO_MUCH_REFERENCES:
	case LASSO_PROFILE_ERROR_CANNOT_VERIFY_SIGNATURE:
	case LASSO_LOGIN_ERROR_INVALID_SIGNATURE:
		return SAML_SIGNATURE;
	case LASSO_SERVER_ERROR_PROVIDER_NOT_FOUND:
	case LASSO_PROFILE_ERROR_INVALID_ISSUER:
	case LASSO_PROFILE_ERROR_MISSING_ISSUER:
		return SAML_ISSUER;
	case LASSO_LOGIN_ERROR_STATUS_NOT_SUCCESS:
	case LASSO_LOGIN_ERROR_REQUEST_DENIED:
	case LASSO_LOGIN_ERROR_FEDERATION_NOT_FOUND:
	case LASSO_LOGIN_ERROR_UNKNOWN_PRINCIPAL:
	case LASSO_PROFILE_ERROR_STATUS_NOT_SUCCESS:
	case LASSO_PROFILE_ERROR_REQUEST_DENIED:
	case LASSO_PROFILE_ERROR_MISSING_STATUS_CODE:
		return SAML_NOT_SUCCESS;
	case LASSO_PROFILE_ERROR_MISSING_ASSERTION:
		return SAML_ASSERTION_COUNT;
	case LASSO_PROFILE_ERROR_MISSING_SUBJECT:
	case LASSO_PROFILE_ERROR_MISSING_NAME_IDENTIFIER:
		return SAML_SUBJECT;
	default:
		return SAML_MALFORMED;
	}
}

/* xs:dateTime in UTC ("2026-05-01T10:00:00Z", fractions of a second
 * allowed, and dropped); -1 when it is not one. */
static time_t utc_time(const char *text)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	const char *rest = text ? strptime(text, "%Y-%m-%dT%H:%M:%S", &tm) : NULL;
	if (!rest)
		return -1;
	if (*rest == '.') {
		rest++;
		while (*rest >= '0' && *rest <= '9')
			rest++;
	}
	if (strcmp(rest, "Z") != 0)
		return -1;
	return timegm(&tm);
}

static int same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static void copy(char *out, size_t n, const char *text)
{
	snprintf(out, n, "%s", text ? text : "");
}

/* The text of an attribute's first value. */
static const char *attribute_text(LassoSaml2Attribute *a)
{
	for (GList *v = a->AttributeValue; v; v = v->next) {
		if (!LASSO_IS_SAML2_ATTRIBUTE_VALUE(v->data))
			continue;
		for (GList *n = LASSO_SAML2_ATTRIBUTE_VALUE(v->data)->any; n; n = n->next)
			if (LASSO_IS_MISC_TEXT_NODE(n->data) && LASSO_MISC_TEXT_NODE(n->data)->content)
				return LASSO_MISC_TEXT_NODE(n->data)->content;
	}
	return NULL;
}

/* The claims identity providers send under these names: the OASIS and
 * LDAP ones, Entra's (guide §3.2.2.2) and the usual short names. */
static const char *const EMAIL_NAMES[] = {
	"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "urn:oid:0.9.2342.19200300.100.1.3",
	"email", "mail", "emailaddress", "emailAddress", NULL};
static const char *const FIRST_NAMES[] = {
	"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", "urn:oid:2.5.4.42", "givenName",
	"givenname", "firstName", "first_name", NULL};
static const char *const LAST_NAMES[] = {
	"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname", "urn:oid:2.5.4.4", "surname", "sn",
	"lastName", "last_name", NULL};
static const char *const DISPLAY_NAMES[] = {
	"http://schemas.microsoft.com/identity/claims/displayname", "urn:oid:2.16.840.1.113730.3.1.241",
	"displayName", "displayname", "cn", NULL};

static int named(const char *name, const char *const *names)
{
	for (; *names; names++)
		if (strcmp(name, *names) == 0)
			return 1;
	return 0;
}

static void read_attributes(LassoSaml2Assertion *assertion, const struct saml_expect *expect,
			    struct saml_identity *out)
{
	for (GList *s = assertion->AttributeStatement; s; s = s->next) {
		if (!LASSO_IS_SAML2_ATTRIBUTE_STATEMENT(s->data))
			continue;
		for (GList *l = LASSO_SAML2_ATTRIBUTE_STATEMENT(s->data)->Attribute; l; l = l->next) {
			if (!LASSO_IS_SAML2_ATTRIBUTE(l->data))
				continue;
			LassoSaml2Attribute *a = LASSO_SAML2_ATTRIBUTE(l->data);
			const char *value = attribute_text(a);
			if (!a->Name || !value)
				continue;
			if (named(a->Name, EMAIL_NAMES) && !out->email[0])
				copy(out->email, sizeof out->email, value);
			else if (named(a->Name, FIRST_NAMES) && !out->first_name[0])
				copy(out->first_name, sizeof out->first_name, value);
			else if (named(a->Name, LAST_NAMES) && !out->last_name[0])
				copy(out->last_name, sizeof out->last_name, value);
			else if (named(a->Name, DISPLAY_NAMES) && !out->display_name[0])
				copy(out->display_name, sizeof out->display_name, value);
			if (same(a->Name, expect->organisation_attribute) && !out->organisation[0])
				copy(out->organisation, sizeof out->organisation, value);
			if (same(a->Name, expect->organisation_id_attribute) && !out->organisation_id[0])
				copy(out->organisation_id, sizeof out->organisation_id, value);
		}
	}
}

/* The text of element n, when it is nothing but text. */
static const char *text_of(const xmlNode *n)
{
	const xmlNode *t = n ? n->children : NULL;
	return t && !t->next && (t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content
		       ? (const char *)t->content : NULL;
}

static const xmlNode *child_element(const xmlNode *n, const char *ns, const char *name)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (element_is(c, ns, name))
			return c;
	return NULL;
}

static void claim_attributes(const xmlNode *assertion, const struct saml_expect *expect, struct saml_identity *out)
{
	for (const xmlNode *s = assertion->children; s; s = s->next) {
		if (!element_is(s, NS_ASSERTION, "AttributeStatement"))
			continue;
		for (const xmlNode *a = s->children; a; a = a->next) {
			if (!element_is(a, NS_ASSERTION, "Attribute"))
				continue;
			xmlChar *name = xmlGetProp(a, BAD_CAST "Name");
			const char *value = text_of(child_element(a, NS_ASSERTION, "AttributeValue"));
			if (name && value) {
				if (named((const char *)name, EMAIL_NAMES) && !out->email[0])
					copy(out->email, sizeof out->email, value);
				if (same((const char *)name, expect->organisation_attribute) && !out->organisation[0])
					copy(out->organisation, sizeof out->organisation, value);
				if (same((const char *)name, expect->organisation_id_attribute) && !out->organisation_id[0])
					copy(out->organisation_id, sizeof out->organisation_id, value);
			}
			xmlFree(name);
		}
	}
}

int saml_response_claims(const char *response_b64, const struct saml_expect *expect, struct saml_identity *out)
{
	memset(out, 0, sizeof *out);
	gsize len = 0;
	guchar *xml = response_b64 && *response_b64 ? g_base64_decode(response_b64, &len) : NULL;
	if (!xml || len == 0 || len > 4 * 1024 * 1024) {
		g_free(xml);
		return 0;
	}
	/* As one_assertion reads it: no network, no DTD. */
	xmlDoc *doc = xmlReadMemory((const char *)xml, (int)len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
				    XML_PARSE_NOWARNING);
	g_free(xml);
	if (!doc)
		return 0;
	xmlNode *root = xmlDocGetRootElement(doc);
	const xmlNode *assertion = NULL;
	if (!doc->intSubset && !doc->extSubset && root && element_is(root, NS_PROTOCOL, "Response"))
		assertion = child_element(root, NS_ASSERTION, "Assertion");
	if (assertion) {
		copy(out->name_id, sizeof out->name_id,
		     text_of(child_element(child_element(assertion, NS_ASSERTION, "Subject"), NS_ASSERTION, "NameID")));
		claim_attributes(assertion, expect, out);
	}
	xmlFreeDoc(doc);
	return assertion != NULL;
}

/* The rules lasso leaves to us, on the one Assertion it verified. */
static enum saml_failure assertion_rules(const struct saml_sp *sp, const struct saml_idp *idp,
					 LassoSamlp2StatusResponse *response, LassoSaml2Assertion *assertion,
					 const struct saml_expect *expect, struct saml_identity *out)
{
	time_t now = expect->now;
	int skew = expect->skew_seconds;
	if (!response->Issuer || !same(response->Issuer->content, idp->entity_id) || !assertion->Issuer ||
	    !same(assertion->Issuer->content, idp->entity_id))
		return SAML_ISSUER;
	if (!same(response->Destination, sp->acs_url))
		return SAML_DESTINATION;
	/* Audience: a restriction naming us, in Conditions within their window. */
	LassoSaml2Conditions *conditions = assertion->Conditions;
	if (!conditions || !conditions->AudienceRestriction ||
	    lasso_saml2_assertion_validate_audience(assertion, sp->entity_id) != LASSO_SAML2_ASSERTION_VALID)
		return SAML_AUDIENCE;
	if (lasso_saml2_assertion_validate_time_checks(assertion, (unsigned)skew, now) != LASSO_SAML2_ASSERTION_VALID)
		return SAML_TIME;
	/* A bearer confirmation for our ACS, with its own end. */
	LassoSaml2Subject *subject = assertion->Subject;
	if (!subject || !subject->NameID || !subject->NameID->content || !*subject->NameID->content)
		return SAML_SUBJECT;
	LassoSaml2SubjectConfirmation *confirmation = subject->SubjectConfirmation;
	LassoSaml2SubjectConfirmationData *data = confirmation ? confirmation->SubjectConfirmationData : NULL;
	if (!confirmation || !same(confirmation->Method, CONFIRMATION_BEARER) || !data ||
	    !same(data->Recipient, sp->acs_url))
		return SAML_SUBJECT;
	time_t end = utc_time(data->NotOnOrAfter);
	if (end < 0 || now >= end + skew)
		return SAML_TIME;
	if (data->NotBefore) {
		time_t start = utc_time(data->NotBefore);
		if (start < 0 || now < start - skew)
			return SAML_TIME;
	}
	if (!assertion->AuthnStatement)
		return SAML_SUBJECT;
	/* The Response and its confirmation answer the same request, or none. */
	const char *a = response->InResponseTo, *b = data->InResponseTo;
	if ((a && *a) || (b && *b)) {
		if (!same(a, b))
			return SAML_IN_RESPONSE_TO;
	}
	if (!assertion->ID || strlen(assertion->ID) >= SAML_ID_MAX || (a && strlen(a) >= SAML_ID_MAX))
		return SAML_MALFORMED;
	copy(out->in_response_to, sizeof out->in_response_to, a);
	copy(out->assertion_id, sizeof out->assertion_id, assertion->ID);
	copy(out->issuer, sizeof out->issuer, assertion->Issuer->content);
	time_t conditions_end = utc_time(conditions->NotOnOrAfter);
	out->expires = (conditions_end > end ? conditions_end : end) + skew;
	copy(out->name_id, sizeof out->name_id, subject->NameID->content);
	copy(out->name_id_format, sizeof out->name_id_format, subject->NameID->Format);
	read_attributes(assertion, expect, out);
	return SAML_OK;
}

enum saml_failure saml_response_check(const struct saml_sp *sp, const struct saml_idp *idp, const char *response_b64,
				      const struct saml_expect *expect, struct saml_identity *out)
{
	memset(out, 0, sizeof *out);
	if (!ready())
		return SAML_MALFORMED;
	enum saml_failure f = one_assertion(response_b64);
	if (f != SAML_OK)
		return f;
	LassoServer *server = server_for(sp, idp);
	if (!server)
		return SAML_MALFORMED;
	LassoLogin *login = lasso_login_new(server);
	if (!login) {
		lasso_server_destroy(server);
		return SAML_MALFORMED;
	}
	LassoProfile *profile = LASSO_PROFILE(login);
	/* The Response or its Assertion must carry a valid signature; one that
	 * is there and does not verify fails either way. */
	lasso_profile_set_signature_verify_hint(profile, LASSO_PROFILE_SIGNATURE_VERIFY_HINT_MAYBE);
	char *msg = strdup(response_b64);
	int rc = msg ? lasso_login_process_authn_response_msg(login, msg) : -1;
	free(msg);
	f = from_lasso(rc);
	if (f == SAML_OK) {
		LassoSamlp2StatusResponse *response =
			LASSO_IS_SAMLP2_STATUS_RESPONSE(profile->response) ? LASSO_SAMLP2_STATUS_RESPONSE(profile->response) : NULL;
		GList *assertions = response && LASSO_IS_SAMLP2_RESPONSE(response) ? LASSO_SAMLP2_RESPONSE(response)->Assertion : NULL;
		if (!assertions || assertions->next || !LASSO_IS_SAML2_ASSERTION(assertions->data))
			f = SAML_ASSERTION_COUNT;
		else
			f = assertion_rules(sp, idp, response, LASSO_SAML2_ASSERTION(assertions->data), expect, out);
	}
	lasso_login_destroy(login);
	lasso_server_destroy(server);
	return f;
}
