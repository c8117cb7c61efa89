#ifndef SB_INVENTORY_H
#define SB_INVENTORY_H
/* System Inventory (guide §2.17; ch2 §9): what CloudLink Daemons on
 * customer sites report. An administrator makes a single-use link code in
 * the console; a daemon trades it (with its host and platform id) for a
 * machine credential of kind inventory-daemon bound to the account, then
 * reports its platform and applications with it, the whole snapshot each
 * time. A report that changes nothing writes nothing but its time; each
 * change is an event. A platform that stops reporting stays, shown as
 * stale after three missed reports. Launch mints a single-use, short-lived
 * link that the daemon's tunnel checks before it serves. */
#include "lib/audit.h"
#include "lib/core/crypto.h"
#include "lib/core/db.h"
#include "lib/inventory_report.h"
#include "lib/inventory_swa.h"

/* ---- linking ---- */

#define LINK_CODE_MINUTES 15
/* "K7QD-9XWM": 8 characters of an alphabet without 0/O and 1/I, 40 bits. */
#define LINK_CODE_SIZE 10

/* Inside the caller's transaction: a new link code for the account, made
 * by who, and when it expires ("YYYY-MM-DD HH:MM" UTC). 0, or -1. */
int inventory_link_code_create(db *d, const struct actor *who, const char *account_id, char code[LINK_CODE_SIZE],
			       char expires[20]);

/* Whether account_id is an active customer account, which a daemon may be
 * linked to: 1, 0, -1. */
int inventory_account_linkable(db *d, const char *account_id);

struct daemon_link {
	long long daemon_id;
	char account_id[UUID_LEN];
	char token[TOKEN_HEX];         /* the daemon's credential, shown to it once */
};
/* Inside the caller's transaction: trades a live, unused code for a
 * daemon, its credential, and a Link event. A platform linked before is
 * linked again (its previous daemon unlinked). 1 linked, 0 the code is not
 * valid (unknown, used or expired), -1 error. */
int inventory_daemon_link(db *d, const char *code, const char *host, const char *platform_uid,
			  struct daemon_link *out);

struct daemon {
	long long id;
	char account_id[UUID_LEN];
	char partner_id[UUID_LEN];
	long long credential_id;
	char host[256];
	char platform_uid[129];
	char linked_at[20];
	char linked_by_name[256];
	char last_report[20];          /* "" before the first */
	char next_report[20];
	int interval;
	int stale;                     /* three reports missed */
	int unlinked;
};
/* The daemon a credential belongs to: 1, 0 none (or unlinked), -1 error. */
int inventory_daemon_of_credential(db *d, long long credential_id, int for_update, struct daemon *out);
/* A daemon of the account: 1, 0, -1. */
int inventory_daemon_find(db *d, const char *account_id, long long id, struct daemon *out);
typedef int (*daemon_fn)(void *ctx, const struct daemon *dm);
int inventory_daemons_each(db *d, const char *account_id, daemon_fn fn, void *ctx);
/* Inside the caller's transaction: revokes its credential, with an Unlink
 * event by who. Its platforms stay (they go stale). 0, or -1. */
int inventory_daemon_unlink(db *d, const struct actor *who, const struct daemon *dm);

/* ---- reports ---- */

/* Inside the caller's transaction (which it locks the daemon in): applies a
 * report of the daemon. Returns the number of changes (events written), or
 * -1 on error, or -2 when the report is of another platform than the one
 * the daemon was linked on. */
int inventory_report_apply(db *d, const struct daemon *dm, const struct inventory_report *rep, long long *platform_id);

/* ---- reading ---- */

/* Whose inventory a list shows: one account (customer view), or every
 * customer account of a partner (partner view; manager_id restricts it to
 * an account manager's assigned accounts, 0 for all). */
struct inventory_scope {
	const char *account_id;        /* "" for the partner view */
	const char *partner_id;
	long long manager_id;
};

struct platform_filter {
	char account_id[UUID_LEN];     /* the partner view's Accounts filter */
	char platform_type[33];
	char system_family[33];
	char app_type[65];
	char license_type[16];
	char swa_status[16];
	char q[101];                   /* search: host, platform name, licence, platform id, account name */
};

struct platform {
	long long id;
	char account_id[UUID_LEN];
	char account_name[256];
	long long daemon_id;
	char platform_uid[129];
	char host[256];
	char platform_type[33];
	char platform_name[256];
	char system_family[33];
	char version[65];
	char licence_id[65];
	enum licence_type license_type;
	char swa_expiry[11];
	enum swa_status swa;
	char app_types[513];
	char launch_tunnel[33];
	char launch_state[8];          /* none, started, stopped */
	char first_seen[20], reported[20];
	int stale;
	int unlinked;                  /* its daemon was unlinked */
};
typedef int (*platform_fn)(void *ctx, const struct platform *p);

/* A page of platforms in HOST order after (host, id) (after_host NULL: the
 * first), at most limit to fn; *more says whether any follow. */
int inventory_platforms_page(db *d, const struct inventory_scope *s, const struct platform_filter *f,
			     const char *after_host, long long after_id, int limit, platform_fn fn, void *ctx, int *more);
/* Where a page after platform id starts (its host), within the partner's
 * inventory: 1, 0 none, -1 error. Likewise for an application (its host
 * and type). */
int inventory_platform_position(db *d, const char *partner_id, long long id, char host[256]);
int inventory_application_position(db *d, const char *partner_id, long long id, char host[256], char type[65]);
/* A platform of the account: 1, 0, -1. */
int inventory_platform_find(db *d, const char *account_id, long long id, struct platform *out);

struct installed_application {
	long long id;
	long long platform_id;
	char account_id[UUID_LEN];
	char account_name[256];
	char host[256];
	char app_type[65];
	char app_name[256];
	char version[65];
	char tunnels[1024];            /* JSON */
	char launch_tunnel[33];
	char launch_state[8];
};
typedef int (*installed_application_fn)(void *ctx, const struct installed_application *a);

struct application_filter {
	char account_id[UUID_LEN];
	char app_type[65];
	char q[101];                   /* search: name (host), application name, version */
};
int inventory_applications_page(db *d, const struct inventory_scope *s, const struct application_filter *f,
				const char *after_host, const char *after_type, long long after_id, int limit,
				installed_application_fn fn, void *ctx, int *more);
/* The applications of a platform, by type. */
int inventory_applications_of(db *d, long long platform_id, installed_application_fn fn, void *ctx);

/* The accounts within the scope that have platforms (the Accounts filter). */
typedef int (*inventory_account_fn)(void *ctx, const char *id, const char *name);
int inventory_accounts_each(db *d, const struct inventory_scope *s, inventory_account_fn fn, void *ctx);

/* The application types the scope's platforms have (the filters' options). */
typedef int (*inventory_key_fn)(void *ctx, const char *key);
int inventory_app_types_each(db *d, const struct inventory_scope *s, inventory_key_fn fn, void *ctx);

/* ---- Launch ---- */

#define LAUNCH_SECONDS 60
enum launch_refusal { LAUNCH_OK = 0, LAUNCH_NO_CONSOLE, LAUNCH_STOPPED, LAUNCH_UNLINKED };
/* Inside the caller's transaction: a single-use token for who to open the
 * platform's console (app_type "") or one application's, and a Launch
 * event. Returns LAUNCH_OK with token set, a refusal, or -1. */
int inventory_launch_create(db *d, const struct actor *who, const struct platform *p, const char *app_type,
			    char token[TOKEN_HEX]);
struct launch_grant {
	char platform_uid[129];
	char app_type[65];
	char user_name[256];
};
/* Inside the caller's transaction: the daemon checks a token it was shown;
 * a valid one (its own, unused, not expired) is used up. 1, 0, -1. */
int inventory_launch_verify(db *d, const struct daemon *dm, const char *token, struct launch_grant *out);
#endif
