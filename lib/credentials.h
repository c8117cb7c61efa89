#ifndef SB_CREDENTIALS_H
#define SB_CREDENTIALS_H
/* Machine credentials (ARCHITECTURE §7a): how outside systems — ordering
 * systems, apps, gateways, daemons, registered applications — sign in to
 * the /api/v1 front. A credential is a random 256-bit bearer token shown
 * once and stored only as its hash, owned by a partner and optionally bound
 * to one of its accounts, and of a kind that bounds what it may call. */
#include "lib/accounts.h"
#include "lib/core/crypto.h"
#include "lib/core/db.h"

/* Kinds, as bits so a route can accept several. */
enum credential_kind {
	CRED_BILLING_FEED = 1 << 0,    /* an ordering system publishing orders */
	CRED_APP = 1 << 1,             /* a CloudLink app reading its account's policy */
	CRED_GATEWAY = 1 << 2,         /* a gateway appliance */
	CRED_INVENTORY = 1 << 3,       /* a CloudLink Daemon reporting inventory */
	CRED_APP_REPORT = 1 << 4,      /* an app posting support logs for its user */
	CRED_OAUTH = 1 << 5,           /* a registered application's access token for one account */
	CRED_SCIM = 1 << 6,            /* a SCIM client provisioning one account (Azure AD Sync's Secret Token) */
};
#define CRED_ANY 0xff

const char *credential_kind_key(enum credential_kind k);     /* "billing-feed", ... */
int credential_kind_from_key(const char *key);               /* 0 when unknown */

struct credential {
	long long id;
	enum credential_kind kind;
	char partner_id[UUID_LEN];
	char account_id[UUID_LEN];     /* "" when it reaches every account of the partner */
	long long application_id;
	long long user_id;             /* an app's token for one user (app-report); 0 otherwise */
	char label[1024];
	long idle_seconds;             /* since it was last used (never used: as long as can be) */
};

/* Issues a credential, writing the token to show once into token. Inside
 * the caller's transaction or alone. account_id NULL or "": partner-wide
 * (not for CRED_SCIM, which is bound to one account);
 * lifetime_seconds 0: until revoked. Returns the id, or -1. */
long long credential_issue(db *d, enum credential_kind kind, const char *partner_id, const char *account_id,
			   long long application_id, const char *label, const char *created_by_name,
			   long lifetime_seconds, char token[TOKEN_HEX]);

/* An app's token for one user of account_id (kind app-report): it acts as
 * that user, for lifetime_seconds, and goes when the user does. Returns the
 * id, or -1. */
long long credential_issue_for_user(db *d, enum credential_kind kind, const char *partner_id, const char *account_id,
				    long long user_id, const char *label, long lifetime_seconds, char token[TOKEN_HEX]);
/* Deletes up to max credentials that expired more than a day ago (short-lived
 * app tokens pile up otherwise). Returns how many, or -1. */
int credentials_purge_expired(db *d, int max);

/* The live credential (not revoked, not expired, its partner active) whose
 * token is raw: 1 found, 0 not, -1 error. */
int credential_find(db *d, const char *raw, struct credential *out);
/* The same, together with the account account_id if the credential
 * reaches it (bound to one account: that account; else its partner's
 * account and every customer account of that partner), in one query: the
 * API front's request to an account costs one lookup, not two. reached->id
 * is "" when the account is out of reach (or does not exist). */
int credential_find_reaching(db *d, const char *raw, const char *account_id, struct credential *out,
			     struct account_ref *reached);
/* For a route that reads the account it names in the credential's own
 * lookup, one query instead of two (the API front: routes.h's
 * signing_in): the columns credential_reaching_row reads (those of
 * credential_find's own query, and the account's), the tables -
 * the account as `a`, its columns NULL when out of reach, which the route's
 * own joins may follow - and the condition that the credential is live (not
 * revoked, not expired, its partner active). Parameters: the account id,
 * then the token's hash (credential_hash). */
#define CREDENTIAL_COLUMNS \
	"c.id, c.kind, c.partner_id, c.account_id, c.application_id, c.user_id, c.label," \
	" COALESCE(TIMESTAMPDIFF(SECOND, c.last_used_at, UTC_TIMESTAMP()), 2147483647) AS idle"
#define CREDENTIAL_REACHING_COLUMNS \
	CREDENTIAL_COLUMNS ", a.id AS reached_id, a.name AS reached_name, a.kind AS reached_kind, a.status AS reached_status"
#define CREDENTIAL_REACHING_FROM \
	"machine_credentials c JOIN accounts p ON p.id = c.partner_id" \
	" LEFT JOIN accounts a ON a.id = ?" \
	"  AND (a.id = COALESCE(c.account_id, c.partner_id) OR (c.account_id IS NULL AND a.partner_id = c.partner_id))"
#define CREDENTIAL_WHERE \
	" WHERE c.token_hash = ? AND c.revoked_at IS NULL" \
	" AND (c.expires_at IS NULL OR c.expires_at > UTC_TIMESTAMP()) AND p.status = 'active'"
/* raw's hash into hash: 1, or 0 when raw is no token of ours (nothing to look up). */
int credential_hash(const char *raw, char hash[TOKEN_HEX]);
/* A row of such a query into c and reached (reached->id "" when out of
 * reach): 1, or 0 when the credential's kind is unknown (not signed in). */
int credential_reaching_row(const struct db_row *row, struct credential *c, struct account_ref *reached);
/* Records a use; callers do it at most once a minute. */
int credential_touch(db *d, long long id);
/* A credential as an operator lists it (console list-credentials): never
 * its token, which is not kept. Times "YYYY-MM-DD HH:MM:SS" UTC, "" for
 * never. */
struct credential_listing {
	long long id;
	char kind[33];
	char account_id[UUID_LEN];     /* "" when it reaches every account of the partner */
	char label[1024];
	char created_at[20], last_used_at[20], expires_at[20], revoked_at[20];
};
typedef int (*credential_listing_fn)(void *ctx, const struct credential_listing *c);
/* The partner's credentials that have not expired, revoked ones included,
 * newest first; fn returns 0 to go on. The number listed, or -1. */
int credentials_each(db *d, const char *partner_id, credential_listing_fn fn, void *ctx);

/* Revokes the partner's credential id (or every credential of application
 * application_id when id is 0). 1 done, 0 none, -1 error. */
int credential_revoke(db *d, const char *partner_id, long long id, long long application_id);
/* Revokes the credentials of application application_id bound to
 * account_id (the application was unassigned from it). 0, or -1. */
int credential_revoke_for_account(db *d, const char *partner_id, long long application_id, const char *account_id);
/* Deletes application application_id's tokens for account_id that expired
 * more than a day ago (a few at a time), so short-lived tokens do not pile
 * up. 0, or -1. */
int credential_purge_expired(db *d, long long application_id, const char *account_id);
#endif
