#ifndef SB_AZURE_AD_SYNC_H
#define SB_AZURE_AD_SYNC_H
/* The Azure AD Sync integration (guide §3.2.6; ch3 §8.1): the keys Entra
 * provisions an account with — the Tenant URL, /scim/v2/<account>, and a
 * Secret Token that is a machine credential of kind scim bound to that
 * account, shown once and stored as a hash; generating keys again revokes
 * the pair before — and the Provisioning activity the account's SCIM
 * clients leave (ch3 §8.1, beyond the guide: counts for 24 hours and the
 * last errors), so silent drift shows. */
#include "lib/audit.h"
#include "lib/core/crypto.h"
#include "lib/core/db.h"
#include "lib/scim_users.h"

struct azure_ad_sync {
	char generated_at[20];         /* "YYYY-MM-DD HH:MM" UTC, "" before the first Generate keys */
	char generated_by[256];
	char last_request[20];         /* when the token was last used (to the minute), "" never */
};

/* 1 set up (keys generated), 0 not, -1 error. */
int azure_ad_sync_find(db *d, const char *account_id, struct azure_ad_sync *out);

/* Generate keys, inside the caller's transaction: revokes the account's
 * SCIM token, issues a new one into token (to show once), marks the
 * account's Azure AD Sync integration set up (adding it if need be) and
 * writes the event. 0 or -1. */
int azure_ad_sync_generate(db *d, const char *account_id, const struct actor *by, char token[TOKEN_HEX]);

/* Forgets the setup, inside the caller's transaction: the token is
 * revoked (users it provisioned stay, still source-owned). The removal of
 * the integration calls it (integrations_azure.c). 1 removed, 0 was not
 * set up, -1 error. */
int azure_ad_sync_remove(db *d, const char *account_id);

/* ---- Provisioning activity ---- */

/* Counts one change of a SCIM client, inside its transaction. 0 or -1. */
int scim_activity_count(db *d, const char *account_id, enum scim_change change);
/* Records a refused or failed request (its own statements, after the
 * request's transaction rolled back); keeps the last SCIM_ERRORS_KEPT. */
#define SCIM_ERRORS_KEPT 20
int scim_activity_failure(db *d, const char *account_id, const char *method, const char *path, int status,
			  const char *scim_type, const char *detail);

struct scim_activity {
	long long created, updated, deactivated, deleted, failed;   /* the last 24 hours */
};
int scim_activity_read(db *d, const char *account_id, struct scim_activity *out);

struct scim_error_row {
	const char *at, *method, *path, *scim_type, *detail;
	int status;
};
typedef int (*scim_error_fn)(void *ctx, const struct scim_error_row *e);
/* The account's last errors, newest first; the number, or -1. */
int scim_errors_each(db *d, const char *account_id, scim_error_fn fn, void *ctx);
#endif
