#include "lib/mitel_one.h"
#include "lib/licenses.h"

#include <string.h>

static const char *const keys[TIER_COUNT] = {"essential", "premier", "elite"};
static const char *const names[TIER_COUNT] = {"Essential", "Premier", "Elite"};

/* The tier → features table (ch3 §4.2: the guide gives none; this is the decided one). */
static const unsigned features[TIER_COUNT] = {
	[TIER_ESSENTIAL] = FEATURE_CHAT,
	[TIER_PREMIER] = FEATURE_CHAT | FEATURE_MITEAM,
	[TIER_ELITE] = FEATURE_CHAT | FEATURE_MITEAM | FEATURE_TELEPHONY,
};

const char *mitel_one_tier_key(enum mitel_one_tier t)
{
	return t >= 0 && t < TIER_COUNT ? keys[t] : "";
}

const char *mitel_one_tier_name(enum mitel_one_tier t)
{
	return t >= 0 && t < TIER_COUNT ? names[t] : "";
}

int mitel_one_tier_from_key(const char *key)
{
	for (int i = 0; i < TIER_COUNT; i++)
		if (key && strcmp(key, keys[i]) == 0)
			return i;
	return TIER_NONE;
}

enum mitel_one_tier mitel_one_tier_of_plan(const char *plan)
{
	if (!plan)
		return TIER_NONE;
	if (strcasestr(plan, "Elite"))
		return TIER_ELITE;
	if (strcasestr(plan, "Premier"))
		return TIER_PREMIER;
	if (strcasestr(plan, "Essential") || strcasestr(plan, "Entry"))
		return TIER_ESSENTIAL;
	return TIER_NONE;
}

unsigned mitel_one_tier_features(enum mitel_one_tier t)
{
	return t >= 0 && t < TIER_COUNT ? features[t] : 0;
}

/* A row of the pools: a plan's licences, or a tier's holders. */
static int add_pool(void *ctx, const struct db_row *row)
{
	struct mitel_one_pools *p = ctx;
	int holders = row_int(row, "holders") != 0;
	int t = holders ? mitel_one_tier_from_key(row_str(row, "name")) : (int)mitel_one_tier_of_plan(row_str(row, "name"));
	if (t == TIER_NONE)
		return 0;
	if (holders)
		p->held[t] = row_int(row, "n");
	else
		p->total[t] += row_int(row, "n");
	return 0;
}

int mitel_one_pools(db *d, const char *account_id, int for_update, struct mitel_one_pools *out)
{
	memset(out, 0, sizeof *out);
	long long holders;
	if (for_update &&
	    db_int(d, &holders, "SELECT holders FROM account_products WHERE account_id = ? AND product = 'Mitel One' FOR UPDATE",
		   "s", account_id) == 0) {
		long long total;
		if (license_pool(d, account_id, MITEL_ONE, 1, &total, &holders) != 0)
			return -1;
	}
	/* One query: the active subscriptions' licences by plan (ix_subscriptions_account),
	 * and the holders of each tier from their counters (account_mitel_one_tiers, by primary key). */
	return db_each(d, add_pool, out,
		       "SELECT 0 AS holders, plan AS name, SUM(quantity) AS n FROM subscriptions WHERE account_id = ?"
		       " AND product = 'Mitel One' AND (expiry_date IS NULL OR expiry_date >= UTC_DATE()) GROUP BY plan"
		       " UNION ALL SELECT 1, tier, holders FROM account_mitel_one_tiers WHERE account_id = ?",
		       "ss", account_id, account_id) < 0 ? -1 : 0;
}

static int user_row(void *ctx, const struct db_row *row)
{
	struct mitel_one_user *u = ctx;
	u->licensed = row_int(row, "licensed") != 0;
	u->tier = row_null(row, "tier") ? TIER_NONE : (enum mitel_one_tier)mitel_one_tier_from_key(row_str(row, "tier"));
	u->features = (row_int(row, "chat") ? FEATURE_CHAT : 0) | (row_int(row, "miteam") ? FEATURE_MITEAM : 0) |
		      (row_int(row, "telephony") ? FEATURE_TELEPHONY : 0);
	return 0;
}

int mitel_one_user_load(db *d, const char *account_id, long long user_id, struct mitel_one_user *out)
{
	memset(out, 0, sizeof *out);
	out->tier = TIER_NONE;
	return db_one(d, user_row, out,
		      "SELECT (SELECT COUNT(*) FROM user_licenses l WHERE l.user_id = u.id AND l.product = 'Mitel One') AS licensed,"
		      " m.tier, m.chat, m.miteam, m.telephony FROM users u LEFT JOIN user_mitel_one m ON m.user_id = u.id"
		      " WHERE u.id = ? AND u.account_id = ?",
		      "is", user_id, account_id) < 0 ? -1 : 0;
}

int mitel_one_set(db *d, const char *account_id, long long user_id, enum mitel_one_tier tier, unsigned wanted,
		  struct mitel_one_user *before, long long *short_by)
{
	*short_by = 0;
	struct mitel_one_pools p;
	if (tier < 0 || tier >= TIER_COUNT || mitel_one_pools(d, account_id, 1, &p) != 0 ||
	    mitel_one_user_load(d, account_id, user_id, before) != 0)
		return -1;
	unsigned on = wanted & mitel_one_tier_features(tier);
	if (before->licensed && before->tier == tier && before->features == on)
		return MITEL_ONE_UNCHANGED;
	if (before->tier != tier && p.held[tier] + 1 > p.total[tier]) {
		*short_by = p.held[tier] + 1 - p.total[tier];
		return MITEL_ONE_SHORT;
	}
	if (!before->licensed) {
		long long short_product;
		int g = license_grant(d, account_id, user_id, MITEL_ONE, &short_product);
		if (g == LICENSE_SHORT || g == LICENSE_NO_PRODUCT)
			return MITEL_ONE_NO_PRODUCT;
		if (g != LICENSE_GRANTED && g != LICENSE_HELD)
			return -1;
	}
	return db_exec(d,
		       "INSERT INTO user_mitel_one (user_id, account_id, tier, chat, miteam, telephony, updated_at)"
		       " VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE tier = VALUES(tier),"
		       " chat = VALUES(chat), miteam = VALUES(miteam), telephony = VALUES(telephony), updated_at = VALUES(updated_at)",
		       "issiii", user_id, account_id, mitel_one_tier_key(tier), (long long)((on & FEATURE_CHAT) != 0),
		       (long long)((on & FEATURE_MITEAM) != 0), (long long)((on & FEATURE_TELEPHONY) != 0)) < 0
		       ? -1 : MITEL_ONE_DONE;
}

int mitel_one_remove(db *d, const char *account_id, long long user_id)
{
	long long n = db_exec(d, "DELETE FROM user_mitel_one WHERE user_id = ? AND account_id = ?", "is", user_id, account_id);
	int r = n < 0 ? -1 : license_revoke(d, account_id, user_id, MITEL_ONE);
	return n < 0 || r < 0 ? -1 : (n > 0 || r > 0);
}
