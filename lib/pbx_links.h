#ifndef SB_PBX_LINKS_H
#define SB_PBX_LINKS_H
/* PBX links (guide §3.1.1 Configure PBX, Connect; ch3 §2.2-2.4): a PBX an
 * account reaches through its CloudLink Gateway, the credentials the
 * gateway signs in to it with (sealed under Crypto.Key, never returned),
 * its sync schedule and the status of its last syncs. syncd
 * (syncd/scheduler.c) syncs each link on its own schedule; the console
 * asks for a sync with pbx_link_sync_now().
 *
 * For the wizard (UI):
 *   Configure PBX   pbx_link_check() for the messages, then pbx_link_create()
 *                   in the POST's transaction (toast "Successfully created PBX Link")
 *   Connect         pbx_link_connect(): the first sync is queued at once; the
 *                   Connect tab then polls pbx_link_find() until last_attempt
 *                   shows an outcome (connected, or last_error in words)
 *   PBX Sync Schedule (in minutes)
 *                   pbx_link_set_schedule()
 *   Sync Now        pbx_link_sync_now(); disabled while pbx_link_busy()
 *   irregularity lists
 *                   pbx_link_irregular_each()
 * Every function takes the account scope; none returns a secret. */
#include "lib/audit.h"
#include "lib/core/crypto.h"
#include "lib/core/db.h"
#include "lib/stored_message.h"

#define PBX_SYNC_MINUTES_DEFAULT 20
#define PBX_SYNC_MINUTES_MAX (7 * 24 * 60)

/* Configure PBX's fields (ch3 §2.2). The MBG and MiCollab pairs are for
 * MiVoice Business only; empty strings elsewhere. */
struct pbx_link_fields {
	const char *pbx_type;          /* lib/pbx_types.h key */
	const char *name;
	const char *host;              /* the PBX's LAN address as the gateway sees it: IPv4, IPv6 or FQDN */
	const char *port;              /* as typed: 1-65535 */
	const char *username;
	const char *password;
	const char *mbg_host, *mbg_password;
	const char *micollab_host, *micollab_password;
};

/* Field checks: calls bad(ctx, field, reason) for each bad field, where
 * field is a struct member name ("host", "port", ...) and reason one of
 * "required", "too_long", "invalid" (a lang key suffix for the wizard).
 * Returns the number of bad fields. */
int pbx_link_check(const struct pbx_link_fields *f, void (*bad)(void *ctx, const char *field, const char *reason),
		   void *ctx);
/* An IPv4 or IPv6 address, or a host name (FQDN): 1 when acceptable. */
int pbx_host_valid(const char *host);

/* Inside the caller's transaction: creates the account's link through its
 * gateway with the password sealed under key_hex (Crypto.Key), writes the
 * event (asset PBX, no secret in it) and moves onboarding to Connect the
 * PBX. The fields must have passed pbx_link_check. Returns the link id, 0
 * when the account has no claimed gateway, -1 on error. */
long long pbx_link_create(db *d, const struct actor *who, const char *account_id, const struct pbx_link_fields *f,
			  const char *key_hex);

/* A link as the console shows it. Times are "YYYY-MM-DD HH:MM:SS" UTC, ""
 * when never. */
struct pbx_link {
	long long id;
	char account_id[UUID_LEN];
	long long gateway_id;
	char pbx_type[17];
	char name[1024];
	char host[1024];
	int port;
	char username[1024];
	int has_mbg, has_micollab;     /* whether those were given (never the secrets) */
	char mbg_host[1024], micollab_host[1024];
	int sync_minutes;
	int connected;                 /* a sync has succeeded at least once */
	int failing;                   /* the last sync failed (the status line's error overlay) */
	int failures;                  /* failed syncs in a row */
	int syncs;                     /* successful syncs */
	int queued;                    /* a sync is due now (Sync Now, Connect) */
	int running;                   /* a syncd holds it */
	char last_attempt[20], last_success[20], due[20];
	char last_error[513];          /* in English words, "" after a success */
	char last_error_key[41];       /* the same as a key under pbx.errors (lib/stored_message.h); "" for a
					  failure recorded before errors had keys */
	char last_error_args[1100];    /* its arguments, a JSON array */
	int users_count, dids_count, no_email_count, dup_email_count;
	char pbx_version[65];
	char last_result[1024];        /* JSON: added, changed, removed, unlinked, writes, seconds, unchanged */
};

/* The account's link id (or its first link when id is 0): 1 found, 0 not, -1 error. */
int pbx_link_find(db *d, const char *account_id, long long id, struct pbx_link *out);

/* Connect (ch3 §2.2 step 4): the first sync is due now. Inside the caller's
 * transaction. 1 done, 0 refused (a sync is queued or running), -1 error. */
int pbx_link_connect(db *d, const struct actor *who, const char *account_id, long long id);
/* Sync Now: the same for a connected link, with its event. 1 queued, 0
 * refused because a sync of it is queued or running (the button is
 * disabled then), -1 error. */
int pbx_link_sync_now(db *d, const struct actor *who, const char *account_id, long long id);
/* 1 while a sync of the link is queued or running (Sync Now disabled), 0 not, -1 error. */
int pbx_link_busy(db *d, const char *account_id, long long id);
/* PBX Sync Schedule (in minutes), 1 to PBX_SYNC_MINUTES_MAX; refused (0)
 * on an SMBC blade, whose schedule is fixed (guide §3.1.1). The next sync
 * moves to the last one's end plus the new interval. 1 done, 0 refused, -1 error. */
int pbx_link_set_schedule(db *d, const struct actor *who, const char *account_id, long long id, int minutes);

/* The users listed in the Connect tab's irregularity lists, state
 * "missing" (view list of users without email addresses) or "duplicate"
 * (view list of users that do not have a unique email address), by last
 * name, at most limit from offset. Returns how many, or -1. */
struct pbx_irregular {
	const char *pbx_id, *first_name, *last_name, *email, *extensions;
};
int pbx_link_irregular_each(db *d, const char *account_id, long long id, const char *state, int offset, int limit,
			    int (*fn)(void *ctx, const struct pbx_irregular *u), void *ctx);

/* ---- users synced from a PBX (guide §2.4 notes; ch3 §2.4) ---- */

/* The fields of the user form a PBX owns while the user is synced from
 * one: shown read-only (the users screens draw them so). 1 for
 * "first_name", "last_name", "email", "extension". */
int pbx_owned_field(const char *field);
/* 1 when the account's user id is synced from a PBX (its PBX-owned fields
 * are read-only, and Delete removes only its login), 0 not, -1 error. */
int pbx_user_synced(db *d, const char *account_id, long long user_id);
/* Delete User on a PBX-synced user (guide §2.4: it removes only the
 * CloudLink login; the user stays listed and a new welcome email gives the
 * login back): its password, registration, sessions and sign-up/reset
 * tokens go, with a "user.login_removed" event. Inside the caller's
 * transaction; the users screens call it instead of deleting the row when
 * pbx_user_synced() says 1. 1 done, 0 not a PBX-synced user of the
 * account, -1 error. */
int pbx_user_remove_login(db *d, const struct actor *who, const char *account_id, long long user_id);

/* Removing the gateway integration (ch3 §2.6): the user is no longer
 * synced from a PBX (pbx_user 0), with a "user.update" event. Inside the
 * caller's transaction. 1 done, 0 not a PBX-synced user of the account, -1 error. */
int pbx_user_unlink(db *d, const struct actor *who, const char *account_id, long long user_id);

/* The link's DIDs (DDI numbers) by number, at most limit (the Connect tab).
 * The number, or -1. */
struct pbx_did_row {
	const char *number, *target;
};
int pbx_link_dids_each(db *d, const char *account_id, long long id, int limit,
		       int (*fn)(void *ctx, const struct pbx_did_row *did), void *ctx);

/* ---- syncd's side (syncd/scheduler.c) ---- */

/* What syncd needs to sync a link, secrets opened. */
struct pbx_link_target {
	long long id;
	char account_id[UUID_LEN];
	char pbx_type[17];
	char host[256];
	int port;
	char username[256];
	char password[256];
	char etag[129];
	char relay_url[256];           /* the gateway's relay; "" when it never reported one */
	char relay_key[128];
	int gateway_online;            /* it reported within Gateway.OfflineSeconds */
};

/* In a transaction of its own: claims the next due link (or one whose
 * holder's lease expired) for owner. Its id, 0 when none is due, -1 error. */
long long pbx_links_claim(db *d, const char *owner, int lease_seconds);
/* Reads the claimed link with its secrets opened under key_hex. 1, 0 gone, -1 error. */
int pbx_link_target_load(db *d, long long id, const char *key_hex, struct pbx_link_target *out);
/* Keeps the lease while a long fetch runs: 1 still ours, 0 lost, -1 error. */
int pbx_link_lease_extend(db *d, long long id, const char *owner, int lease_seconds);
/* Inside the caller's transaction, locking the link: 1 while owner holds it. */
int pbx_link_lease_held(db *d, long long id, const char *owner);

/* A failed sync (nothing was written): records the error (its key and
 * arguments, and its English words), notifies the account's administrators
 * when the link starts failing (with the error's key and arguments), makes
 * it due again after retry_minutes (at most its schedule) and releases it.
 * Its own transaction; 0 or -1. */
int pbx_link_failed(db *d, long long id, const char *owner, const struct stored_message *error, const char *words,
		    int retry_minutes);
#endif
