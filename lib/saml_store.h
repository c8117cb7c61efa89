#ifndef SB_SAML_STORE_H
#define SB_SAML_STORE_H
/* Single sign-on's data (guide §1.2, §3.2.2; ch3 §6): a customer account's
 * identity provider, who signs in which way, the requests we sent and the
 * assertions we took (shared by every worker, so any of them can answer),
 * the status line of the integration, and the partner accounts the partner
 * identity provider's first sign-ins make. */
#include <ClearSilver.h>
#include <jansson.h>
#include <time.h>
#include "lib/core/crypto.h"
#include "lib/core/db.h"
#include "lib/saml.h"

/* ---- a customer account's identity provider ---- */

struct sso_config {
	char account_id[UUID_LEN];
	char idp_name[1024];
	char idp_entity_id[SAML_TEXT_MAX + 1];
	char sign_in_url[SAML_TEXT_MAX + 1];
	char certificates[SAML_CERTS_TEXT_MAX];
	time_t cert_expires_at;
	int mitel_credentials;
	char updated[20];                  /* "YYYY-MM-DD HH:MM", UTC */
	char updated_by_name[1024];
};

/* The account's configuration: 1 found, 0 none (no single sign-on), -1. */
int sso_config_load(db *d, const char *account_id, struct sso_config *out);

struct sso_config_fields {
	const char *idp_name, *idp_entity_id, *sign_in_url;
	const char *certificates;          /* checked PEM (saml_certs_check's canonical text) */
	time_t cert_expires_at;            /* the earliest certificate's end */
	int mitel_credentials;
	const char *by_name;
};

/* Creates or replaces it, inside the caller's transaction, recording what
 * changed into changes ({"field": {"from", "to"}}; certificates by their
 * fingerprints' count). 1 created, 0 changed, -1 error. */
int sso_config_save(db *d, const char *account_id, const struct sso_config_fields *f, json_t *changes);
/* Removes it: the account's users sign in with passwords again. 1 removed,
 * 0 there was none, -1. Its signature is the integrations' removal hook's. */
int sso_config_remove(db *d, const char *account_id);

/* ---- the integration's status line (ch3 §1.3, §6.1) ---- */

#define SSO_EXPIRY_WARNING_DAYS 30

struct sso_status {
	const char *level;                 /* "incomplete", "ok", "warn", "error" (integrations' status levels) */
	const char *text_key;              /* in the lang file: sso.status.<...>; "{n}" days, "{date}" */
	long days;                         /* until the earliest certificate expires (0 once it has) */
	char date[11];                     /* that day, "YYYY-MM-DD" */
};

/* Pure: the status of a configuration (NULL: not set up) at now. A
 * certificate expiring within SSO_EXPIRY_WARNING_DAYS days warns; an
 * expired one is an error (nobody can sign in through it). */
void sso_status_of(const struct sso_config *c, time_t now, struct sso_status *out);
/* The same for an account, read in one query by primary key. 0, or -1. */
int sso_status_line(db *d, const char *account_id, time_t now, struct sso_status *out);
/* The status's text from a lang tree (templates/lang), with {n} and {date}
 * (written language's way) filled in, into out. */
void sso_status_text(HDF *lang, const char *language, const struct sso_status *s, char *out, size_t size);

/* ---- who signs in, and how (guide §1.2, §3.2.2.1) ---- */

enum sso_way {
	SSO_WAY_PASSWORD = 0,              /* no single sign-on in the account */
	SSO_WAY_IDP,                       /* only through the identity provider */
	SSO_WAY_CHOICE,                    /* either: Mitel credentials are on, or an Account Admin */
};
/* Pure: administrators always keep their password; everyone else does
 * while the account offers Mitel credentials. */
enum sso_way sso_way_of(int has_sso, int mitel_credentials, const char *role);

struct sso_candidate {
	long long user_id;
	char account_id[UUID_LEN];
	enum sso_way way;
	char idp_name[256];
};
#define SSO_CANDIDATES_MAX 5

/* The users with this email in active accounts (only account_id's, when
 * not NULL), by id, at most max: how each signs in. The number, or -1. */
int sso_candidates(db *d, const char *email, const char *account_id, struct sso_candidate *out, int max);

/* The user an assertion names in a customer account: an active user whose
 * email is the NameID or, failing that, the email claim (ch3 §6.2: the
 * account's user and the identity provider's share the address). No user
 * is ever created here. 1 found, 0 not, -1. */
int sso_user_of(db *d, const char *account_id, const char *name_id, const char *email, long long *user_id);

/* ---- requests sent, assertions taken ---- */

/* Remembers an AuthnRequest of provider (an account id, or "partner") for
 * minutes; clears a few expired ones on the way. 0, or -1. */
int saml_request_remember(db *d, const char *provider, const char *request_id, int minutes);
/* Takes the request a Response answers: 1 it was open for that provider
 * (and now is not), 0 unknown, answered already or expired, -1. */
int saml_request_take(db *d, const char *provider, const char *request_id);
/* Records an accepted assertion until expires: 1 first time, 0 it was
 * seen before (a replay), -1. */
int saml_assertion_first_use(db *d, const char *issuer, const char *assertion_id, time_t expires);

/* ---- the partner identity provider (guide §1.2) ---- */

struct partner_person {
	const char *subject;               /* the NameID */
	const char *email, *first_name, *last_name, *display_name;
	const char *org_key, *org_name;    /* the organisation: its id (or name), and name */
};

/* The partner user this person signs in as: the one linked to their
 * subject; at their first sign-in, a partner administrator made for them
 * in their organisation's partner account, which the organisation's first
 * sign-in makes. Runs its own transactions, and again when two first
 * sign-ins race (the unique keys decide). *created: 1 when it made the
 * account, 2 the user only, 0 neither. 1 found (or made), 0 the person is
 * not usable (no email, no organisation, or a deactivated account), -1. */
int saml_partner_user(db *d, const struct partner_person *p, long long *user_id, char account_id[UUID_LEN],
		      int *created);

/* The partner account a sign-in of the partner identity provider is for,
 * as saml_partner_user would find it: the account of the partner user
 * linked to subject, else the account made for the organisation org_key
 * (either may be "" or NULL). 1 found, 0 none yet, -1. */
int saml_partner_account_of(db *d, const char *subject, const char *org_key, char account_id[UUID_LEN]);
#endif
