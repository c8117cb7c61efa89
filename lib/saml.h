#ifndef SB_SAML_H
#define SB_SAML_H
/* SAML 2.0 Web Browser SSO as a service provider (guide §3.2.2; ch3 §6),
 * done by lasso: our metadata, the AuthnRequest (HTTP-Redirect binding) and
 * the check of a Response (HTTP-POST binding). Each call builds what it
 * needs from its arguments and keeps nothing: any worker can take the next
 * step, and what must outlive a request (request ids, assertions seen)
 * lives in the database (lib/saml_store.h). No database here.
 *
 * Also the identity provider's side of the dialog: the pasted signing
 * certificates, checked with OpenSSL, and an uploaded IdP metadata file. */
#include <stddef.h>
#include <time.h>

#define SAML_TEXT_MAX 1024         /* an entity id or a URL we accept */
#define SAML_ID_MAX 256            /* a request, response or assertion ID */
#define SAML_CERTS_MAX 8           /* signing certificates of one identity provider */
#define SAML_CERTS_TEXT_MAX 65536  /* their PEM text */

/* Us, as one service provider: <base>/saml2/<name> is the entity id (and
 * serves the metadata), <base>/saml2/<name>/acs the Assertion Consumer
 * Service. name is a customer account's id, or "partner" for the partner
 * identity provider. */
struct saml_sp {
	char entity_id[SAML_TEXT_MAX + 64];
	char acs_url[SAML_TEXT_MAX + 68];
};
void saml_sp_for(const char *base_url, const char *name, struct saml_sp *out);

/* An identity provider as the dialog has it: its entity id, where its
 * sign-in page takes AuthnRequests (HTTP-Redirect), and the PEM blocks of
 * the certificates its signatures may be made with. */
struct saml_idp {
	const char *entity_id;
	const char *sign_in_url;
	const char *certificates;
};

/* Our metadata (an EntityDescriptor with one SPSSODescriptor), malloc'd
 * into *xml. 0, or -1. */
int saml_sp_metadata(const struct saml_sp *sp, char **xml);

/* A new AuthnRequest from sp to idp: the URL the browser is sent to
 * (malloc'd into *url) and the request's ID, which a Response must name
 * in InResponseTo. relay_state may be NULL. 0, or -1. */
int saml_authn_request(const struct saml_sp *sp, const struct saml_idp *idp, const char *relay_state, char **url,
		       char id[SAML_ID_MAX]);

/* Why a Response is refused: recorded in the event, never shown. */
enum saml_failure {
	SAML_OK = 0,
	SAML_MALFORMED,          /* not a SAML Response we can read, or a DTD in it */
	SAML_NOT_SUCCESS,        /* the identity provider says the sign-in failed */
	SAML_ASSERTION_COUNT,    /* not exactly one Assertion, or an encrypted one */
	SAML_SIGNATURE,          /* neither the Response nor the Assertion is validly signed by a configured certificate */
	SAML_ISSUER,             /* Response or Assertion from another entity */
	SAML_DESTINATION,        /* the Response is addressed to another URL */
	SAML_AUDIENCE,           /* the Assertion is not meant for us */
	SAML_SUBJECT,            /* no bearer confirmation for our ACS, or no NameID */
	SAML_TIME,               /* outside its validity window (with the allowed skew) */
	SAML_IN_RESPONSE_TO,     /* the Response and its Assertion name different requests */
	SAML_UNSOLICITED,        /* no request named, where one is required */
	SAML_UNKNOWN_REQUEST,    /* names no request of ours that is still open (or it was answered) */
	SAML_REPLAY,             /* this Assertion was accepted before */
	SAML_NO_USER,            /* nobody of the account goes by that NameID or email */
	SAML_NOT_CONFIGURED,     /* the account has no single sign-on */
	SAML_FAILURE_COUNT
};
const char *saml_failure_key(enum saml_failure f);   /* "signature", "audience", ... */

/* Who the identity provider vouches for, from a Response that passed. */
struct saml_identity {
	char in_response_to[SAML_ID_MAX];       /* "" when unsolicited */
	char assertion_id[SAML_ID_MAX];
	char issuer[SAML_TEXT_MAX + 1];
	time_t expires;                         /* when the Assertion stops being acceptable (skew included) */
	char name_id[512];
	char name_id_format[256];
	char email[256];                        /* the email claim, if any */
	char first_name[101], last_name[101], display_name[201];
	char organisation[256];                 /* the organisation attribute named by the caller, if any */
	char organisation_id[256];
};

/* What a Response is checked against besides the identity provider. */
struct saml_expect {
	time_t now;
	int skew_seconds;                       /* allowed clock difference either way */
	const char *organisation_attribute;     /* attribute names read into the identity; NULL: none */
	const char *organisation_id_attribute;
};

/* Checks a base64 Response (the SAMLResponse field) meant for sp from idp:
 * exactly one Assertion, signed (the Response or the Assertion) by one of
 * idp's certificates, both issued by idp, the Response's Destination our
 * ACS, the Assertion's audience us, a bearer confirmation for our ACS, the
 * validity windows, and InResponseTo the same on the Response and the
 * Assertion (the caller checks it names an open request of its own, and
 * the replay cache). Fills *out when it passes. */
enum saml_failure saml_response_check(const struct saml_sp *sp, const struct saml_idp *idp, const char *response_b64,
				      const struct saml_expect *expect, struct saml_identity *out);

/* Whom a Response says it is for, read without any check - its signature
 * may be missing or forged: only to tell whose Event History records its
 * refusal, never to sign anyone in. The NameID, the email claim and the
 * organisation attributes of expect, from the Response's first Assertion
 * into out (emptied first). 1 when an Assertion was read, 0 not. */
int saml_response_claims(const char *response_b64, const struct saml_expect *expect, struct saml_identity *out);

/* ---- the identity provider's signing certificates (ch3 §6.1) ---- */

enum saml_cert_problem {
	CERT_OK = 0,
	CERT_NONE,               /* no PEM block */
	CERT_PRIVATE_KEY,        /* a private key was pasted */
	CERT_UNREADABLE,         /* a block that is not an X.509 certificate */
	CERT_WEAK_KEY,           /* not RSA of 2048 bits or more, nor EC */
	CERT_EXPIRED,
	CERT_TOO_MANY,
};

struct saml_cert_info {
	char subject[256];
	char not_after[20];                     /* "YYYY-MM-DD HH:MM", UTC */
	time_t expires;
	char sha256[96];                        /* fingerprint, "AB:CD:..." */
};

/* Reads every PEM block of text: each must be an X.509 certificate with an
 * RSA key of 2048 bits or more or an EC key, valid at now. Up to max of
 * them go to info (*n of them). canonical (size SAML_CERTS_TEXT_MAX), when
 * not NULL, gets the certificates re-encoded one after the other: what is
 * stored. The first problem found, or CERT_OK. */
enum saml_cert_problem saml_certs_check(const char *text, time_t now, struct saml_cert_info *info, int max, int *n,
					char *canonical);

/* ---- an identity provider's metadata (the dialog's upload) ---- */

struct saml_idp_fields {
	char entity_id[SAML_TEXT_MAX + 1];
	char sign_in_url[SAML_TEXT_MAX + 1];
	char certificates[SAML_CERTS_TEXT_MAX];  /* PEM blocks of its signing keys */
};

/* The partner identity provider (guide §1.2), from the configuration:
 * PartnerIdP.MetadataFile, or PartnerIdP.EntityID, .SignInURL and
 * .Certificate (PEM; a multi-line HDF value); PartnerIdP.Name labels its
 * button; PartnerIdP.OrganisationAttribute (default "organization") and
 * .OrganisationIdAttribute name the attributes its organisation comes in. */
struct saml_partner_idp {
	char name[128];
	struct saml_idp_fields fields;
	char organisation_attribute[128], organisation_id_attribute[128];
};
/* 1 configured, 0 not, -1 its metadata file cannot be read. */
int saml_partner_idp(struct saml_partner_idp *out);

/* Reads the first identity provider of a metadata document (an
 * EntityDescriptor, or an EntitiesDescriptor holding one): its entity id,
 * its HTTP-Redirect sign-in service and its signing certificates. 1 read,
 * 0 not such a document, -1 error. */
int saml_idp_metadata_read(const char *xml, size_t len, struct saml_idp_fields *out);
#endif
