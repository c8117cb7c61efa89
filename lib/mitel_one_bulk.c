/* Bulk User Settings → Mitel One (guide §3.1.4.1): a tier (or Unassign all,
 * or Leave unchanged) and each feature enabled, disabled or left, for every
 * user of a job. Each user is one item of the runner's batch transaction;
 * the Mitel One pool row is locked for it, so a bulk job and administrators
 * at work on single users never over-assign a tier between them. */
#include "lib/licenses.h"
#include "lib/mitel_one.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int mitel_one_tier_fits(long long n, long long total, long long held, long long selected_held)
{
	long long free_now = total > held ? total - held : 0;
	return n <= free_now + selected_held;
}

static int held_row(void *ctx, const struct db_row *row)
{
	long long *out = ctx;
	int t = mitel_one_tier_from_key(row_str(row, "tier"));
	if (t != TIER_NONE)
		out[t] = row_int(row, "n");
	return 0;
}

int mitel_one_selected_held(db *d, const char *account_id, const long long *user_ids, int n, long long out[TIER_COUNT])
{
	memset(out, 0, sizeof(long long) * TIER_COUNT);
	json_t *list = json_array();
	for (int i = 0; list && i < n; i++)
		json_array_append_new(list, json_integer(user_ids[i]));
	char *text = list ? json_dumps(list, JSON_COMPACT) : NULL;
	json_decref(list);
	if (!text)
		return -1;
	int rc = db_each(d, held_row, out,
			 "SELECT m.tier, COUNT(*) AS n FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH '$')) j"
			 " JOIN user_mitel_one m ON m.user_id = j.id WHERE m.account_id = ? GROUP BY m.tier",
			 "ss", text, account_id);
	free(text);
	return rc < 0 ? -1 : 0;
}

static long long feature_value(int f)
{
	return f == FEATURE_ENABLE ? 1 : f == FEATURE_DISABLE ? 0 : -1;
}

int mitel_one_job_params(db *d, long long job_id, const struct mitel_one_bulk *b)
{
	const char *tier = b->tier == BULK_LEAVE ? "" : b->tier == BULK_UNASSIGN ? "none" : mitel_one_tier_key(b->tier);
	return db_exec(d, "INSERT INTO job_mitel_one (job_id, tier, chat, miteam, telephony) VALUES (?, ?, ?, ?, ?)", "isiii",
		       job_id, tier, feature_value(b->chat), feature_value(b->miteam), feature_value(b->telephony)) == 1
		       ? 0 : -1;
}

static int params_row(void *ctx, const struct db_row *row)
{
	struct mitel_one_bulk *b = ctx;
	const char *tier = row_str(row, "tier");
	b->tier = !*tier ? BULK_LEAVE : strcmp(tier, "none") == 0 ? BULK_UNASSIGN : mitel_one_tier_from_key(tier);
	b->chat = (int)row_int(row, "chat");
	b->miteam = (int)row_int(row, "miteam");
	b->telephony = (int)row_int(row, "telephony");
	return 0;
}

static unsigned apply_features(unsigned on, const struct mitel_one_bulk *b)
{
	const struct {
		int change;
		unsigned bit;
	} f[] = {{b->chat, FEATURE_CHAT}, {b->miteam, FEATURE_MITEAM}, {b->telephony, FEATURE_TELEPHONY}};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		on = f[i].change == FEATURE_ENABLE ? on | f[i].bit : f[i].change == FEATURE_DISABLE ? on & ~f[i].bit : on;
	return on;
}

static const char *on_off(int tier_none, unsigned features, unsigned bit)
{
	return tier_none ? "" : (features & bit) ? "on" : "off";
}

struct mitel_one_batch {
	const struct job_row *job;
	struct mitel_one_bulk params;
	struct mitel_one_pools pools;
	long long product_total, product_holders;   /* the Mitel One product's pool (every tier) */
	struct actor who;
};

struct mitel_one_batch *mitel_one_batch_begin(db *d, const struct job_row *job)
{
	struct mitel_one_batch *b = calloc(1, sizeof *b);
	if (!b)
		return NULL;
	b->job = job;
	b->who = (struct actor){job->created_by, job->created_by_name, job->created_by_email};
	if (db_one(d, params_row, &b->params, "SELECT tier, chat, miteam, telephony FROM job_mitel_one WHERE job_id = ?", "i",
		   job->id) != 1 ||
	    mitel_one_pools(d, job->account_id, 1, &b->pools) != 0 ||
	    license_pool(d, job->account_id, MITEL_ONE, 0, &b->product_total, &b->product_holders) != 0) {
		free(b);
		return NULL;
	}
	return b;
}

/* What one user gets, with the counts kept: 1 written, 0 skipped (*reason), -1 error. */
static int set_tier(db *d, struct mitel_one_batch *b, long long user_id, const struct mitel_one_user *before,
		    enum mitel_one_tier tier, unsigned on, const char **reason)
{
	if (before->tier != tier && b->pools.held[tier] + 1 > b->pools.total[tier]) {
		*reason = "no_license";
		return 0;
	}
	if (!before->licensed) {
		if (b->product_holders + 1 > b->product_total) {
			*reason = "no_license";
			return 0;
		}
		if (db_exec(d, "INSERT INTO user_licenses (account_id, user_id, product) VALUES (?, ?, 'Mitel One')", "si",
			    b->job->account_id, user_id) != 1)
			return -1;
		b->product_holders++;
	}
	if (db_exec(d,
		    "INSERT INTO user_mitel_one (user_id, account_id, tier, chat, miteam, telephony, updated_at)"
		    " VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE tier = VALUES(tier),"
		    " chat = VALUES(chat), miteam = VALUES(miteam), telephony = VALUES(telephony), updated_at = VALUES(updated_at)",
		    "issiii", user_id, b->job->account_id, mitel_one_tier_key(tier), (long long)((on & FEATURE_CHAT) != 0),
		    (long long)((on & FEATURE_MITEAM) != 0), (long long)((on & FEATURE_TELEPHONY) != 0)) < 0)
		return -1;
	if (before->tier != TIER_NONE)
		b->pools.held[before->tier]--;
	if (before->tier != tier || before->tier == TIER_NONE)
		b->pools.held[tier]++;
	return 1;
}

int mitel_one_batch_item(db *d, struct mitel_one_batch *b, long long user_id, const char *name, const char **reason)
{
	struct mitel_one_user before;
	if (mitel_one_user_load(d, b->job->account_id, user_id, &before) != 0)
		return -1;
	json_t *changes = json_object();
	if (!changes)
		return -1;
	int rc = 0;
	if (b->params.tier == BULK_UNASSIGN) {
		int removed = mitel_one_remove(d, b->job->account_id, user_id);
		if (removed < 0) {
			rc = -1;
		} else if (removed == 0) {
			*reason = "no_mitel_one";
		} else {
			if (before.tier != TIER_NONE)
				b->pools.held[before.tier]--;
			if (before.licensed)
				b->product_holders--;
		}
		audit_change(changes, "mitelOneTier", mitel_one_tier_name(before.tier), "");
	} else {
		enum mitel_one_tier tier = b->params.tier == BULK_LEAVE ? before.tier : (enum mitel_one_tier)b->params.tier;
		if (tier == TIER_NONE) {
			*reason = "no_mitel_one";
		} else {
			/* A tier new to the user starts with all its features, then the asked changes. */
			unsigned start = before.tier == tier ? before.features : mitel_one_tier_features(tier);
			unsigned on = apply_features(start, &b->params) & mitel_one_tier_features(tier);
			if (before.licensed && before.tier == tier && before.features == on)
				*reason = NULL;   /* nothing to change: done, without an event */
			else if (set_tier(d, b, user_id, &before, tier, on, reason) < 0)
				rc = -1;
			int none = before.tier == TIER_NONE;
			audit_change(changes, "mitelOneTier", mitel_one_tier_name(before.tier), mitel_one_tier_name(tier));
			audit_change(changes, "chat", on_off(none, before.features, FEATURE_CHAT), on_off(0, on, FEATURE_CHAT));
			audit_change(changes, "miteam", on_off(none, before.features, FEATURE_MITEAM), on_off(0, on, FEATURE_MITEAM));
			audit_change(changes, "telephony", on_off(none, before.features, FEATURE_TELEPHONY),
				     on_off(0, on, FEATURE_TELEPHONY));
		}
	}
	if (rc == 0 && !*reason && json_object_size(changes) > 0) {
		char id[24];
		snprintf(id, sizeof id, "%lld", user_id);
		rc = audit_event(d, b->job->account_id, &b->who, "user.update", "user", id, name, changes);
	}
	json_decref(changes);
	return rc;
}
