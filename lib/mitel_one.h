#ifndef SB_MITEL_ONE_H
#define SB_MITEL_ONE_H
/* Mitel One licences (guide §3.1.4, §3.1.4.1; ch3 §4.2): a user holding the
 * account's Mitel One product has a tier — Essential, Premier or Elite —
 * taken from that tier's pool (the account's active Mitel One
 * subscriptions whose plan is of the tier), and the features the tier
 * includes (a table: tier → Chat, MiTeam Meetings, Telephony), each on or
 * off. Every change locks the account's Mitel One pool row first
 * (lib/licenses.h), so tiers are never over-assigned either. */
#include "lib/core/db.h"
#include "lib/jobs.h"

#define MITEL_ONE "Mitel One"

enum mitel_one_tier { TIER_NONE = -1, TIER_ESSENTIAL = 0, TIER_PREMIER, TIER_ELITE, TIER_COUNT };
const char *mitel_one_tier_key(enum mitel_one_tier t);      /* "essential", "premier", "elite" */
const char *mitel_one_tier_name(enum mitel_one_tier t);     /* "Essential", ... */
int mitel_one_tier_from_key(const char *key);               /* TIER_NONE when unknown */
/* The tier of a subscription's plan ("Premier", "MiVoice Office 400 UCC
 * Premier"; a bundle's Entry is Essential), TIER_NONE when it names none. Pure. */
enum mitel_one_tier mitel_one_tier_of_plan(const char *plan);

/* Features, as bits. */
#define FEATURE_CHAT      (1u << 0)
#define FEATURE_MITEAM    (1u << 1)
#define FEATURE_TELEPHONY (1u << 2)
/* What a tier includes (ch3 §4.2's table: Essential Chat; Premier Chat and
 * MiTeam Meetings; Elite all three). Pure. */
unsigned mitel_one_tier_features(enum mitel_one_tier t);

struct mitel_one_pools {
	long long total[TIER_COUNT];    /* licences of each tier in the active subscriptions */
	long long held[TIER_COUNT];     /* users holding each tier */
};
/* The account's pools; for_update locks its Mitel One pool row (inside the
 * caller's transaction). 0, or -1. */
int mitel_one_pools(db *d, const char *account_id, int for_update, struct mitel_one_pools *out);

struct mitel_one_user {
	int licensed;                   /* holds the Mitel One product */
	enum mitel_one_tier tier;       /* TIER_NONE: setup not completed */
	unsigned features;              /* those switched on */
};
/* 0, or -1. */
int mitel_one_user_load(db *d, const char *account_id, long long user_id, struct mitel_one_user *out);

enum mitel_one_result {
	MITEL_ONE_DONE = 0,
	MITEL_ONE_SHORT = 1,            /* the tier's pool is used up (*short_by more needed); nothing written */
	MITEL_ONE_NO_PRODUCT,           /* the account has no Mitel One licence left for the user */
	MITEL_ONE_UNCHANGED,
};
/* Gives user_id tier with the features asked for (those the tier lacks are
 * off), and the Mitel One product if the user lacks it, inside the caller's
 * transaction with the pool row locked. before gets what the user had. The
 * result, or -1. */
int mitel_one_set(db *d, const char *account_id, long long user_id, enum mitel_one_tier tier, unsigned features,
		  struct mitel_one_user *before, long long *short_by);
/* Takes Mitel One from the user (tier and product). 1 done, 0 nothing to take, -1. */
int mitel_one_remove(db *d, const char *account_id, long long user_id);

/* ---- Bulk User Settings → Mitel One (guide §3.1.4.1, as a job) ---- */

enum bulk_tier { BULK_LEAVE = -2, BULK_UNASSIGN = -1 };   /* or a tier */
enum bulk_feature { FEATURE_LEAVE = -1, FEATURE_DISABLE = 0, FEATURE_ENABLE = 1 };
struct mitel_one_bulk {
	int tier;                       /* BULK_LEAVE, BULK_UNASSIGN or an enum mitel_one_tier */
	int chat, miteam, telephony;    /* enum bulk_feature */
};
/* Whether a tier may be offered for n selected users holding selected_held
 * of it already: n <= the pool's free licences + selected_held (guide
 * §3.1.4.1's rule). Pure. */
int mitel_one_tier_fits(long long n, long long total, long long held, long long selected_held);
/* How many of the given users (of account_id) hold each tier. 0, or -1. */
int mitel_one_selected_held(db *d, const char *account_id, const long long *user_ids, int n, long long out[TIER_COUNT]);
/* Records what job_id does, inside the caller's transaction. 0, or -1. */
int mitel_one_job_params(db *d, long long job_id, const struct mitel_one_bulk *b);
/* A batch of the job (lib/jobs.c), in the runner's transaction: begin reads
 * the job's settings, locks the account's Mitel One pool row and reads the
 * pools once (malloc'd; NULL on error); each item then sets one user's tier
 * and features with its event, keeping the pools' counts as it goes, or
 * says in *reason why the user was skipped ("no_license", "no_mitel_one").
 * 0, or -1. */
struct mitel_one_batch;
struct mitel_one_batch *mitel_one_batch_begin(db *d, const struct job_row *job);
int mitel_one_batch_item(db *d, struct mitel_one_batch *b, long long user_id, const char *name, const char **reason);
#endif
