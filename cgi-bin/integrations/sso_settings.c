/* The Single Sign-On dialog of a customer account (guide §3.2.2.1; ch3
 * §6.1): the identity provider's name (Step 1), our entity id, reply URL
 * and metadata to copy into the identity provider (Step 2), and what comes
 * back from it (Step 3): its sign-in URL, entity id and signing
 * certificates - typed in, or read from its metadata file - and whether
 * users may still sign in with Mitel credentials. Renewing a certificate
 * is saving the dialog with the new one (guide §3.2.2.2). */
#include "cgi-bin/core/request.h"
#include "cgi-bin/core/render.h"
#include "lib/core/config.h"
#include "lib/core/validate.h"
#include "lib/saml.h"
#include "lib/integrations.h"
#include "lib/saml_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define METADATA_MAX (1024 * 1024)

/* What Step 2 offers to copy. */
static void publish_ours(struct req *r)
{
	struct saml_sp sp;
	saml_sp_for(cfg_str("Site.BaseURL", ""), r->acct.id, &sp);
	hdf_set_value(r->hdf, "SSO.EntityID", sp.entity_id);
	hdf_set_value(r->hdf, "SSO.ReplyURL", sp.acs_url);
	hdf_set_valuef(r->hdf, "SSO.MetadataPath=/saml2/%s?download=1", r->acct.id);
}

/* The saved certificates, and the status line the integration shows. */
static void publish_saved(struct req *r, const struct sso_config *c)
{
	struct saml_cert_info info[SAML_CERTS_MAX];
	int n = 0;
	saml_certs_check(c->certificates, 0, info, SAML_CERTS_MAX, &n, NULL);
	for (int i = 0; i < n; i++) {
		HDF *h;
		char key[32];
		snprintf(key, sizeof key, "SSO.Certificates.%d", i);
		if (hdf_get_node(r->hdf, key, &h) != STATUS_OK)
			return;
		hdf_set_value(h, "subject", info[i].subject);
		hdf_set_value(h, "not_after", info[i].not_after);
		hdf_set_value(h, "sha256", info[i].sha256);
	}
	hdf_set_value(r->hdf, "SSO.Configured", "1");
	hdf_set_value(r->hdf, "SSO.Updated", c->updated);
	hdf_set_value(r->hdf, "SSO.UpdatedBy", c->updated_by_name);
}

static void publish_status(struct req *r, const struct sso_config *c)
{
	struct sso_status s;
	char text[1024];
	sso_status_of(c, time(NULL), &s);
	sso_status_text(render_lang(), r->language, &s, text, sizeof text);
	hdf_set_value(r->hdf, "SSO.Status.Level", s.level);
	hdf_set_value(r->hdf, "SSO.Status.Text", text);
}

int sso_settings_get(struct req *r)
{
	struct sso_config *c = malloc(sizeof *c);
	if (!c)
		return SERVER_ERROR;
	int found = sso_config_load(r->db, r->acct.id, c);
	if (found < 0) {
		free(c);
		return SERVER_ERROR;
	}
	hdf_set_value(r->hdf, "Page.Title", lang(r, "integrations.sso_settings.title"));
	publish_ours(r);
	publish_status(r, found ? c : NULL);
	if (found)
		publish_saved(r, c);
	form_default(r, "idp_name", found ? c->idp_name : "");
	form_default(r, "sign_in_url", found ? c->sign_in_url : "");
	form_default(r, "idp_entity_id", found ? c->idp_entity_id : "");
	form_default(r, "certificates", found ? c->certificates : "");
	form_default(r, "mitel_credentials", found && c->mitel_credentials ? "1" : "");
	free(c);
	return DONE;
}

/* ---- Save ---- */

/* The value a field has now: what was typed, or what the metadata file put there. */
static const char *value(struct req *r, const char *name)
{
	char key[64];
	snprintf(key, sizeof key, "Form.Values.%s", name);
	return hdf_get_value(r->hdf, key, "");
}

static void set_value(struct req *r, const char *name, const char *v)
{
	char key[64];
	snprintf(key, sizeof key, "Form.Values.%s", name);
	hdf_set_value(r->hdf, key, v);
}

/* An uploaded metadata file fills the three fields (ch3 §6.1). */
static int read_metadata(struct req *r)
{
	FILE *f = *in(r, "metadata") ? cgi_filehandle(r->cgi, "metadata") : NULL;
	if (!f)
		return 0;
	char *xml = malloc(METADATA_MAX + 1);
	struct saml_idp_fields *m = malloc(sizeof *m);
	if (!xml || !m) {
		free(xml);
		free(m);
		return -1;
	}
	rewind(f);
	size_t len = fread(xml, 1, METADATA_MAX + 1, f);
	if (len > METADATA_MAX || saml_idp_metadata_read(xml, len, m) != 1) {
		field_error(r, "metadata", "integrations.sso_settings.errors.metadata");
	} else {
		set_value(r, "idp_entity_id", m->entity_id);
		set_value(r, "sign_in_url", m->sign_in_url);
		set_value(r, "certificates", m->certificates);
	}
	free(xml);
	free(m);
	return 0;
}

/* https, or http to this machine (a local identity provider) (ch3 §6.1). */
static int valid_sign_in_url(const char *url)
{
	const char *host;
	if (strncmp(url, "https://", 8) == 0)
		host = url + 8;
	else if (strncmp(url, "http://", 7) == 0)
		host = url + 7;
	else
		return 0;
	size_t hl = strcspn(host, "/?#");
	if (hl == 0 || strcspn(url, " \t\r\n\"<>") != strlen(url))
		return 0;
	if (url[4] == 's')
		return 1;
	static const char *const loopback[] = {"127.", "localhost:", "localhost/", "[::1]"};
	for (size_t i = 0; i < sizeof loopback / sizeof loopback[0]; i++)
		if (strncmp(host, loopback[i], strlen(loopback[i])) == 0)
			return 1;
	return hl == strlen("localhost") && strncmp(host, "localhost", hl) == 0;
}

static const char *certificate_problem_key(enum saml_cert_problem p)
{
	switch (p) {
	case CERT_NONE: return "errors.required";
	case CERT_PRIVATE_KEY: return "integrations.sso_settings.errors.private_key";
	case CERT_WEAK_KEY: return "integrations.sso_settings.errors.weak_key";
	case CERT_EXPIRED: return "integrations.sso_settings.errors.expired";
	case CERT_TOO_MANY: return "integrations.sso_settings.errors.too_many";
	default: return "integrations.sso_settings.errors.certificate";
	}
}

struct save {
	struct sso_config_fields f;
	char *certificates;            /* canonical PEM */
};

/* The three fields from the identity provider: each message next to its field. */
static void check(struct req *r, struct save *s)
{
	const char *url = value(r, "sign_in_url"), *entity = value(r, "idp_entity_id");
	if (!*url)
		field_error(r, "sign_in_url", "errors.required");
	else if (strlen(url) > SAML_TEXT_MAX || !valid_sign_in_url(url))
		field_error(r, "sign_in_url", "integrations.sso_settings.errors.sign_in_url");
	if (!*entity)
		field_error(r, "idp_entity_id", "errors.required");
	else if (strlen(entity) > SAML_TEXT_MAX || !valid_line(entity, 0))
		field_error(r, "idp_entity_id", "integrations.sso_settings.errors.entity_id");
	struct saml_cert_info info[SAML_CERTS_MAX];
	int n = 0;
	enum saml_cert_problem p = saml_certs_check(value(r, "certificates"), time(NULL), info, SAML_CERTS_MAX, &n,
						    s->certificates);
	if (p != CERT_OK)
		field_error(r, "certificates", certificate_problem_key(p));
	/* A private key pasted by mistake is not sent back to the browser. */
	if (p == CERT_PRIVATE_KEY)
		set_value(r, "certificates", "");
	s->f.cert_expires_at = 0;
	for (int i = 0; i < n; i++)
		if (!s->f.cert_expires_at || info[i].expires < s->f.cert_expires_at)
			s->f.cert_expires_at = info[i].expires;
	s->f.idp_name = in(r, "idp_name");
	s->f.idp_entity_id = entity;
	s->f.sign_in_url = url;
	s->f.certificates = s->certificates;
	s->f.mitel_credentials = in_checked(r, "mitel_credentials");
	s->f.by_name = r->me.name;
}

static int save_config(struct req *r, void *arg)
{
	struct save *s = arg;
	json_t *changes = json_object();
	if (!changes)
		return -1;
	struct actor me = me_actor(r);
	int created = sso_config_save(r->db, r->acct.id, &s->f, changes);
	/* Saved, the integration is set up: its row in the panel says so. */
	if (created >= 0 && integration_set_up(r->db, &me, r->acct.id, integration_kind("sso"), changes) != 0)
		created = -1;
	json_object_set_new(changes, "property", json_string("integrations.sso"));
	int rc = created < 0 ? -1
		: event(r, r->acct.id, created ? "sso.create" : "sso.update", "account", r->acct.id, r->acct.name, changes);
	json_decref(changes);
	return rc;
}

int sso_settings_post(struct req *r)
{
	if (read_metadata(r) != 0)
		return SERVER_ERROR;
	struct save s;
	memset(&s, 0, sizeof s);
	s.certificates = malloc(SAML_CERTS_TEXT_MAX);
	if (!s.certificates)
		return SERVER_ERROR;
	check(r, &s);
	int rc;
	if (form_has_errors(r))
		rc = invalid(r);
	else if (strcmp(in(r, "action"), "read") == 0)
		rc = sso_settings_get(r);   /* the metadata's values, to look at before saving */
	else if (tx(r, save_config, &s) != 0)
		rc = SERVER_ERROR;
	else
		rc = done(r, "flash.sso_saved", "/a/%s/integrations/sso", r->acct.id);
	free(s.certificates);
	return rc;
}
