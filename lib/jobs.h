#ifndef SB_JOBS_H
#define SB_JOBS_H
/* Jobs (ARCHITECTURE §7): long work the console hands to syncd. A job is a
 * row in `jobs` with its kind, the users it applies to (`job_items`), its
 * progress and its result; syncd claims it with SELECT ... FOR UPDATE SKIP
 * LOCKED and a lease, works through the items in batches (each batch one
 * transaction that also marks its items done, so no item is done twice),
 * and notifies the user who started it when it ends.
 *
 * The enqueue functions run inside the caller's transaction, so a job
 * exists exactly when the change that asked for it commits. The Account
 * Managers kinds run in the partner account, over its partner users. */
#include "lib/audit.h"
#include "lib/core/crypto.h"
#include "lib/core/db.h"

enum job_kind {
	JOB_WELCOME = 0,      /* send the welcome email (unregistered users) */
	JOB_RESET,            /* send a password reset email (registered users) */
	JOB_DELETE,           /* delete users (partner users and the starter are skipped) */
	JOB_CONVERT,          /* partner administrators become account managers */
	JOB_UPGRADE,          /* account managers become administrators again */
	JOB_ASSIGN,           /* the job's accounts (job_accounts) given to its account managers */
	JOB_UNASSIGN,         /* ... or taken from them */
	JOB_GATEWAY_RESET,    /* the CloudLink Gateway integration removed (ch3 §2.6): its PBX users unlinked,
				 then gateway_integration_remove (lib/gateways.h) */
	JOB_IMPORT,           /* a large import's Upload: the valid rows of batch subject_id added, a chunk at a time */
	JOB_EXPORT_EVENTS,    /* a CSV file of the events a filter matches (lib/events_export.h); no items */
	JOB_MITEL_ONE,        /* Bulk User Settings → Mitel One: a tier and features for each user (lib/mitel_one.h) */
	JOB_MICOLLAB_SYNC,    /* Sync MiVoice Business to MiCollab (lib/mivb/micollab_sync.h): its items are
				 the PBX's ring groups (mivb_sync_items), not users */
	JOB_KIND_COUNT
};

const char *job_kind_key(enum job_kind k);           /* "welcome", "reset", "delete", "convert", ... */
int job_kind_from_key(const char *key);              /* -1 when unknown */

/* Queues a job over the given users of the account (ids of other accounts
 * are ignored) and returns its id, or -1. */
long long jobs_enqueue(db *d, const struct actor *who, const char *account_id, enum job_kind kind,
		       const long long *user_ids, int n);

/* Adds a customer account of the job's partner to an assign or unassign
 * job. Inside the caller's transaction; 0, or -1. */
int job_add_account(db *d, long long job_id, const char *account_id);

/* The same in steps, for a job over every user a filter matches: create the
 * job, fill job_items with one INSERT ... SELECT of the caller's own (columns
 * job_id, account_id, user_id), then seal it, which records its size. */
long long job_create(db *d, const struct actor *who, const char *account_id, enum job_kind kind);

/* A large import's Upload as a job over the rows batch_id has to add
 * (rows: how many), inside the caller's transaction. The job's id, or -1. */
long long jobs_enqueue_import(db *d, const struct actor *who, const char *account_id, long long batch_id, long long rows);
int job_seal(db *d, long long job_id);

/* Where the job was started (a local path with its query, at most
 * JOB_RETURN_MAX characters): the job page's Close goes back there (guide
 * §2.15.1). Inside the caller's transaction; 0, or -1. */
#define JOB_RETURN_MAX 2048
int job_return_to(db *d, long long job_id, const char *path);

/* After a bulk import (guide §2.8): queues the welcome emails of those
 * users and notifies `who` when they are sent. Inside the caller's
 * transaction. Returns 0, or -1 (the caller rolls back). */
int jobs_enqueue_welcome(db *d, const struct actor *who, const char *account_id, const long long *user_ids, int n);

/* ---- running them (syncd, and the console for a handful of users) ---- */

/* A job of up to this many items is done inside the request that starts
 * it; anything more runs in syncd. */
#define JOBS_INLINE_MAX 5

struct job_row {
	long long id;
	char account_id[UUID_LEN];
	enum job_kind kind;
	char state[16];
	int total, processed, attempts;
	int skipped;
	long long created_by;                /* 0: the system */
	char created_by_name[256];
	char created_by_email[256];
	char last_error[513];
	char created[20], finished[20];      /* "YYYY-MM-DD HH:MM" UTC; finished "" while it runs */
	long long subject_id;                /* JOB_IMPORT: the import batch */
	char return_to[JOB_RETURN_MAX + 1];  /* job_return_to's path, "" when none was recorded */
};

/* 1 found, 0 not, -1 error. for_update locks the row for the caller's transaction. */
int job_load(db *d, long long job_id, int for_update, struct job_row *job);
/* What became of the emails a job queued. */
struct job_mail {
	long long pending, sent, failed;
};
int job_mail_counts(db *d, long long job_id, struct job_mail *out);   /* 0 or -1 */

/* The users a job skipped, and why (job_work's reasons), by user id. */
struct job_skipped {
	long long user_id;
	const char *reason;
	const char *display_name;      /* "" when the user is gone */
	const char *email;
};
typedef int (*job_skipped_fn)(void *ctx, const struct job_skipped *s);
/* Calls fn for at most limit of them; the number, or -1. */
int job_skipped_each(db *d, const char *account_id, long long job_id, int limit, job_skipped_fn fn, void *ctx);

/* The job job_id of account_id: 1 found, 0 not (or another account's), -1 error. */
int jobs_find(db *d, const char *account_id, long long job_id, struct job_row *job);

/* Inside the caller's transaction: does up to max_items pending items (a
 * welcome or reset email queued, the user deleted, converted, upgraded, or
 * given or relieved of the job's accounts; an item that does not apply is
 * skipped with its reason: gone, registered, unregistered, partner, self,
 * last_admin, yourself, not_admin, not_manager, not_pbx), and when none remain marks
 * the job done and notifies its starter. Returns the number of items done,
 * or -1. */
int job_work(db *d, const struct job_row *job, int max_items);

/* Inside the caller's transaction: a job of up to JOBS_INLINE_MAX items is
 * done at once (the rest are left to syncd). 0, or -1. */
int job_run_if_small(db *d, long long id);

/* ---- syncd's claims (ARCHITECTURE §7) ---- */

/* In a transaction of its own: claims the next due job (or one whose
 * holder's lease expired) for owner, counting an attempt. Its id, 0 when
 * none is due, -1 on error. */
long long jobs_claim(db *d, const char *owner, int lease_seconds);
/* Inside the caller's transaction, locking the job: 1 while owner holds
 * its lease and it runs, 0 not, -1 error. */
int job_lease_held(db *d, long long id, const char *owner);
int job_lease_extend(db *d, long long id, int lease_seconds);   /* 0 or -1 */
/* Inside the caller's transaction, after a failed batch: the job waits
 * wait_seconds to be tried again, or fails for good (give_up) and its
 * starter is told. Only while owner holds it. 0, or -1. */
int job_release(db *d, const struct job_row *job, const char *owner, int give_up, long wait_seconds, const char *error);

/* Inside the caller's transaction: the job is done, and its starter is
 * notified. 0, or -1. */
int job_finish(db *d, const struct job_row *job);

/* A notification of the job's end for the user who started it. */
int job_notify(db *d, const struct job_row *job);
#endif
