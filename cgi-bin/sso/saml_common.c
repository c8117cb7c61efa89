/* The SAML endpoints' shared steps (saml_common.h). */
#include "cgi-bin/sso/saml_common.h"
#include "lib/accounts.h"
#include "lib/core/config.h"
#include "lib/core/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void saml_sp_of(const char *name, struct saml_sp *out)
{
	saml_sp_for(cfg_str("Site.BaseURL", ""), name, out);
}

int saml_account_idp(struct req *r, struct sso_config *cfg, struct saml_idp *idp)
{
	int found = sso_config_load(r->db, r->acct.id, cfg);
	if (found == 1) {
		idp->entity_id = cfg->idp_entity_id;
		idp->sign_in_url = cfg->sign_in_url;
		idp->certificates = cfg->certificates;
	}
	return found;
}

int saml_metadata_reply(struct req *r, const char *name)
{
	struct saml_sp sp;
	saml_sp_of(name, &sp);
	char *xml = NULL;
	if (saml_sp_metadata(&sp, &xml) != 0)
		return SERVER_ERROR;
	r->body = xml;
	r->body_len = strlen(xml);
	r->content_type = "application/samlmetadata+xml";
	if (*form(r, "download"))
		r->download_name = "switchboard-sp-metadata.xml";
	r->status = 200;
	return DONE;
}

int saml_send_request(struct req *r, const char *provider, const struct saml_idp *idp)
{
	struct saml_sp sp;
	saml_sp_of(provider, &sp);
	char *url = NULL, id[SAML_ID_MAX];
	if (saml_authn_request(&sp, idp, NULL, &url, id) != 0) {
		log_error("saml %s: no AuthnRequest could be made for %s", provider, idp->entity_id);
		return SERVER_ERROR;
	}
	int rc = saml_request_remember(r->db, provider, id, cfg_int("SSO.RequestMinutes", 10)) == 0 &&
		 redirect_away(r, url) == 0 ? DONE : SERVER_ERROR;
	free(url);
	return rc;
}

struct saml_expect saml_expect_now(void)
{
	struct saml_expect e = {.now = time(NULL), .skew_seconds = cfg_int("SSO.SkewSeconds", 180)};
	return e;
}

struct first_use {
	const char *provider;
	const struct saml_identity *who;
	enum saml_failure f;
};

/* The replay cache first: a Response sent twice is a replay, whichever
 * console and database node see it the second time. One transaction with
 * the request it answers: its BEGIN waits until this node has applied the
 * cluster's commits (a POST's reads are causal), so an assertion or request
 * recorded a moment ago through another node is seen; of two uses at once
 * on two nodes, certification lets one commit and the other, run again,
 * finds the assertion used (ARCHITECTURE §10). */
static int first_use(struct req *r, void *arg)
{
	struct first_use *u = arg;
	u->f = SAML_OK;
	int first = saml_assertion_first_use(r->db, u->who->issuer, u->who->assertion_id, u->who->expires);
	if (first < 0)
		return -1;
	if (first == 0) {
		u->f = SAML_REPLAY;
		return 0;
	}
	if (u->who->in_response_to[0]) {
		int open = saml_request_take(r->db, u->provider, u->who->in_response_to);
		if (open < 0)
			return -1;
		u->f = open ? SAML_OK : SAML_UNKNOWN_REQUEST;
	}
	return 0;
}

enum saml_failure saml_accept(struct req *r, const char *provider, const struct saml_idp *idp, int allow_unsolicited,
			      const struct saml_expect *expect, struct saml_identity *who)
{
	/* Read as sent: the front line declares no input for it, since a
	 * Response is no form of ours (anything wrong with it is a refusal). */
	const char *response = form(r, "SAMLResponse");
	if (!*response)
		return SAML_MALFORMED;
	struct saml_sp sp;
	saml_sp_of(provider, &sp);
	enum saml_failure f = saml_response_check(&sp, idp, response, expect, who);
	if (f != SAML_OK)
		return f;
	if (!who->in_response_to[0] && !allow_unsolicited)
		return SAML_UNSOLICITED;
	struct first_use u = {provider, who, SAML_OK};
	return tx(r, first_use, &u) != 0 ? SAML_FAILURE_COUNT : u.f;
}

int saml_refused(struct req *r, const char *account_id, enum saml_failure f, const struct saml_identity *who)
{
	if (f == SAML_FAILURE_COUNT)
		return SERVER_ERROR;
	const char *addr = hdf_get_value(r->hdf, "CGI.RemoteAddress", "");
	const char *name_id = who && who->name_id[0] ? who->name_id : "";
	log_info("saml %s: sign-in refused (%s)%s%s from %s", account_id ? account_id : "partner", saml_failure_key(f),
		 *name_id ? " for " : "", name_id, addr);
	if (account_id) {
		struct actor system = {0, lang(r, "sso.refused.actor"), ""};
		json_t *details = json_pack("{s:s,s:s}", "reason", saml_failure_key(f), "client", addr);
		if (*name_id)
			json_object_set_new(details, "name_id", json_string(name_id));
		int rc = audit_event(r->db, account_id, &system, "sso.sign_in_refused", "account", account_id, "", details);
		json_decref(details);
		if (rc != 0)
			return SERVER_ERROR;
	}
	hdf_set_value(r->hdf, "Page.Title", lang(r, "sso.refused.title"));
	r->template = "sso/refused.cs";
	r->status = 403;
	return DONE;
}
