#ifndef SB_SAML_COMMON_H
#define SB_SAML_COMMON_H
/* What the SAML endpoints of customer accounts (saml_*.c) and of the
 * partner identity provider (partner_saml_*.c) share (guide §1.2, §3.2.2;
 * ch3 §6): our service provider, the checks every Response goes through
 * and the one page any refusal gets. */
#include "cgi-bin/core/request.h"
#include "lib/saml.h"
#include "lib/saml_store.h"

/* Our service provider for a customer account's id, or "partner". */
void saml_sp_of(const char *name, struct saml_sp *out);

/* The provider the SAML paths name: a customer account with single
 * sign-on (its configuration into cfg), as an identity provider to talk
 * to (idp points into cfg). 1, 0 none, -1. */
int saml_account_idp(struct req *r, struct sso_config *cfg, struct saml_idp *idp);

/* Answers with our metadata (GET /saml2/...). */
int saml_metadata_reply(struct req *r, const char *name);

/* Sends the browser to idp with a new AuthnRequest, remembered for
 * provider (SSO.RequestMinutes, 10 by default). */
int saml_send_request(struct req *r, const char *provider, const struct saml_idp *idp);

/* The checks every Response gets (lib/saml.h), then its InResponseTo: a
 * request of provider still open, taken now - or none, where unsolicited
 * Responses are accepted (the partner provider only) - and the replay
 * cache. SAML_OK with *who filled, or why not. */
enum saml_failure saml_accept(struct req *r, const char *provider, const struct saml_idp *idp, int allow_unsolicited,
			      const struct saml_expect *expect, struct saml_identity *who);
/* The default expectations: now, SSO.SkewSeconds (180). */
struct saml_expect saml_expect_now(void);

/* Any refusal: the same page (403) whatever went wrong, the reason in the
 * log and, when it is known whose sign-in it was (account_id not NULL: a
 * customer account's provider, or the partner account a partner sign-in
 * was for), in that account's event history. who, when the signature
 * held, names whom it was for. */
int saml_refused(struct req *r, const char *account_id, enum saml_failure f, const struct saml_identity *who);
#endif
