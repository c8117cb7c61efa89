/* The identity provider's side of the Single Sign-On dialog (ch3 §6.1):
 * its pasted signing certificates, read and checked with OpenSSL, and its
 * metadata document, read for the three fields it fills. */
#include "lib/saml.h"
#include "lib/core/config.h"
#include "lib/core/log.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NS_MD "urn:oasis:names:tc:SAML:2.0:metadata"
#define NS_DS "http://www.w3.org/2000/09/xmldsig#"
#define BINDING_REDIRECT "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"

/* ---- certificates ---- */

static void describe(X509 *x, struct saml_cert_info *info)
{
	memset(info, 0, sizeof *info);
	X509_NAME_oneline(X509_get_subject_name(x), info->subject, sizeof info->subject);
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	if (ASN1_TIME_to_tm(X509_get0_notAfter(x), &tm) == 1) {
		info->expires = timegm(&tm);
		strftime(info->not_after, sizeof info->not_after, "%Y-%m-%d %H:%M", &tm);
	}
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	if (X509_digest(x, EVP_sha256(), md, &len) == 1)
		for (unsigned i = 0; i < len && 3 * i + 3 <= sizeof info->sha256; i++)
			snprintf(info->sha256 + 3 * i, 4, i + 1 < len ? "%02X:" : "%02X", md[i]);
}

/* RSA of 2048 bits or more, or EC (ch3 §6.1). */
static int strong_key(X509 *x)
{
	EVP_PKEY *key = X509_get0_pubkey(x);
	if (!key)
		return 0;
	int type = EVP_PKEY_get_base_id(key);
	if (type == EVP_PKEY_RSA)
		return EVP_PKEY_get_bits(key) >= 2048;
	return type == EVP_PKEY_EC;
}

static int is_private_key(const char *name)
{
	size_t n = strlen(name), k = strlen("PRIVATE KEY");
	return n >= k && strcmp(name + n - k, "PRIVATE KEY") == 0;
}

/* Appends x's PEM to canonical (SAML_CERTS_TEXT_MAX bytes). 0, or -1 when full. */
static int append_pem(X509 *x, char *canonical)
{
	BIO *out = BIO_new(BIO_s_mem());
	if (!out || PEM_write_bio_X509(out, x) != 1) {
		BIO_free(out);
		return -1;
	}
	char *data = NULL;
	long len = BIO_get_mem_data(out, &data);
	size_t have = strlen(canonical);
	int rc = -1;
	if (len > 0 && have + (size_t)len < SAML_CERTS_TEXT_MAX) {
		memcpy(canonical + have, data, (size_t)len);
		canonical[have + (size_t)len] = 0;
		rc = 0;
	}
	BIO_free(out);
	return rc;
}

enum saml_cert_problem saml_certs_check(const char *text, time_t now, struct saml_cert_info *info, int max, int *n,
					char *canonical)
{
	*n = 0;
	if (canonical)
		canonical[0] = 0;
	BIO *in = BIO_new_mem_buf(text, -1);
	if (!in)
		return CERT_UNREADABLE;
	enum saml_cert_problem problem = CERT_OK;
	int blocks = 0;
	for (;;) {
		char *name = NULL, *header = NULL;
		unsigned char *data = NULL;
		long len = 0;
		if (PEM_read_bio(in, &name, &header, &data, &len) != 1)
			break;
		blocks++;
		if (is_private_key(name)) {
			problem = CERT_PRIVATE_KEY;
		} else if (strcmp(name, "CERTIFICATE") != 0 && strcmp(name, "X509 CERTIFICATE") != 0) {
			problem = problem ? problem : CERT_UNREADABLE;
		} else {
			const unsigned char *p = data;
			X509 *x = d2i_X509(NULL, &p, len);
			if (!x || p != data + len)
				problem = problem ? problem : CERT_UNREADABLE;
			else if (!strong_key(x))
				problem = problem ? problem : CERT_WEAK_KEY;
			else if (X509_cmp_time(X509_get0_notAfter(x), &now) <= 0)
				problem = problem ? problem : CERT_EXPIRED;
			else if (*n >= max || (canonical && append_pem(x, canonical) != 0))
				problem = problem ? problem : CERT_TOO_MANY;
			else
				describe(x, &info[(*n)++]);
			X509_free(x);
		}
		OPENSSL_free(name);
		OPENSSL_free(header);
		OPENSSL_free(data);
		/* A pasted private key is the message to give, whatever else is wrong. */
		if (problem == CERT_PRIVATE_KEY)
			break;
	}
	BIO_free(in);
	if (problem == CERT_OK && blocks == 0)
		problem = CERT_NONE;
	return problem;
}

/* ---- metadata ---- */

static int element_is(const xmlNode *n, const char *ns, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href && strcmp((const char *)n->ns->href, ns) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

static xmlNode *child(xmlNode *parent, const char *ns, const char *name)
{
	for (xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
		if (element_is(c, ns, name))
			return c;
	return NULL;
}

/* The first EntityDescriptor at or under n that has an IDPSSODescriptor. */
static xmlNode *idp_entity(xmlNode *n)
{
	for (; n; n = n->next) {
		if (element_is(n, NS_MD, "EntityDescriptor") && child(n, NS_MD, "IDPSSODescriptor"))
			return n;
		if (element_is(n, NS_MD, "EntitiesDescriptor")) {
			xmlNode *found = idp_entity(n->children);
			if (found)
				return found;
		}
	}
	return NULL;
}

/* Copies an attribute that fits, or leaves out empty. */
static void attribute(xmlNode *n, const char *name, char *out, size_t size)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	out[0] = 0;
	if (v && strlen((const char *)v) < size)
		snprintf(out, size, "%s", (const char *)v);
	xmlFree(v);
}

/* The X509Certificate of a KeyDescriptor as a PEM block, appended. */
static void append_certificate(xmlNode *kd, char *pem, size_t size)
{
	xmlNode *info = child(kd, NS_DS, "KeyInfo");
	xmlNode *data = child(info, NS_DS, "X509Data");
	xmlNode *cert = child(data, NS_DS, "X509Certificate");
	xmlChar *b64 = cert ? xmlNodeGetContent(cert) : NULL;
	if (!b64)
		return;
	size_t have = strlen(pem), col = 0;
	const char *begin = "-----BEGIN CERTIFICATE-----\n", *end = "\n-----END CERTIFICATE-----\n";
	if (have + strlen(begin) + strlen((const char *)b64) * 2 + strlen(end) + 1 >= size) {
		xmlFree(b64);
		return;
	}
	strcat(pem, begin);
	have = strlen(pem);
	for (const xmlChar *p = b64; *p; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
			continue;
		if (col == 64) {
			pem[have++] = '\n';
			col = 0;
		}
		pem[have++] = (char)*p;
		col++;
	}
	pem[have] = 0;
	strcat(pem, end);
	xmlFree(b64);
}

int saml_idp_metadata_read(const char *xml, size_t len, struct saml_idp_fields *out)
{
	memset(out, 0, sizeof *out);
	if (len == 0 || len > 1024 * 1024)
		return 0;
	xmlDoc *doc = xmlReadMemory(xml, (int)len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc)
		return 0;
	int found = 0;
	xmlNode *entity = doc->intSubset ? NULL : idp_entity(xmlDocGetRootElement(doc));
	xmlNode *sso = child(entity, NS_MD, "IDPSSODescriptor");
	if (sso) {
		attribute(entity, "entityID", out->entity_id, sizeof out->entity_id);
		for (xmlNode *c = sso->children; c; c = c->next) {
			if (element_is(c, NS_MD, "SingleSignOnService") && !out->sign_in_url[0]) {
				char binding[128];
				attribute(c, "Binding", binding, sizeof binding);
				if (strcmp(binding, BINDING_REDIRECT) == 0)
					attribute(c, "Location", out->sign_in_url, sizeof out->sign_in_url);
			} else if (element_is(c, NS_MD, "KeyDescriptor")) {
				char use[16];
				attribute(c, "use", use, sizeof use);
				if (!use[0] || strcmp(use, "signing") == 0)
					append_certificate(c, out->certificates, sizeof out->certificates);
			}
		}
		found = out->entity_id[0] != 0;
	}
	xmlFreeDoc(doc);
	return found;
}

/* ---- the partner identity provider ---- */

static char *read_file(const char *path, size_t max, size_t *len)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	char *buf = malloc(max + 1);
	*len = buf ? fread(buf, 1, max + 1, f) : 0;
	fclose(f);
	if (!buf || *len > max) {
		free(buf);
		return NULL;
	}
	buf[*len] = 0;
	return buf;
}

int saml_partner_idp(struct saml_partner_idp *out)
{
	memset(out, 0, sizeof *out);
	snprintf(out->name, sizeof out->name, "%s", cfg_str("PartnerIdP.Name", "MiAccess"));
	snprintf(out->organisation_attribute, sizeof out->organisation_attribute, "%s",
		 cfg_str("PartnerIdP.OrganisationAttribute", "organization"));
	snprintf(out->organisation_id_attribute, sizeof out->organisation_id_attribute, "%s",
		 cfg_str("PartnerIdP.OrganisationIdAttribute", ""));
	const char *file = cfg_str("PartnerIdP.MetadataFile", "");
	if (*file) {
		size_t len = 0;
		char *xml = read_file(file, 1024 * 1024, &len);
		int found = xml ? saml_idp_metadata_read(xml, len, &out->fields) : 0;
		free(xml);
		if (found != 1 || !out->fields.sign_in_url[0] || !out->fields.certificates[0]) {
			log_error("PartnerIdP.MetadataFile %s: no identity provider with a redirect sign-in and a certificate", file);
			return -1;
		}
		return 1;
	}
	snprintf(out->fields.entity_id, sizeof out->fields.entity_id, "%s", cfg_str("PartnerIdP.EntityID", ""));
	snprintf(out->fields.sign_in_url, sizeof out->fields.sign_in_url, "%s", cfg_str("PartnerIdP.SignInURL", ""));
	snprintf(out->fields.certificates, sizeof out->fields.certificates, "%s", cfg_str("PartnerIdP.Certificate", ""));
	return out->fields.entity_id[0] && out->fields.sign_in_url[0] && out->fields.certificates[0];
}
