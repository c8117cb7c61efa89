#include "lib/licenses.h"
#include "lib/integrations.h"
#include "lib/subscriptions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PRODUCTS_MAX 64

const char *license_state_key(enum license_state s)
{
	static const char *const keys[] = {"available", "not_available", "micollab", "no_integration"};
	return (unsigned)s < sizeof keys / sizeof keys[0] ? keys[s] : "";
}

#define MITEAM "MiTeam Meetings"

int license_is_miteam(const char *product)
{
	return product && strcmp(product, MITEAM) == 0;
}

enum license_state license_state_of(const char *product, long long total, long long holders, int held,
				    enum miteam_rule miteam)
{
	if (license_is_miteam(product) && miteam == MITEAM_MICOLLAB)
		return LICENSE_MICOLLAB;
	if (license_is_miteam(product) && miteam == MITEAM_OFF)
		return LICENSE_NO_INTEGRATION;
	if (held || holders < total)
		return LICENSE_AVAILABLE;
	return LICENSE_NOT_AVAILABLE;
}

int license_miteam_rule(db *d, const char *account_id)
{
	struct account_integrations *a = calloc(1, sizeof *a);
	if (!a)
		return -1;
	int rule = -1;
	if (account_integrations_load(d, account_id, 0, a) == 0) {
		const struct integration_entry *micollab = integration_entry_of(a, integration_kind("micollab"));
		const struct integration_entry *miteam = integration_entry_of(a, integration_kind("miteam"));
		rule = micollab && integration_switched_on(micollab->state) ? MITEAM_MICOLLAB
		       : miteam && miteam->state == INTEG_ENABLED       ? MITEAM_STANDALONE
									  : MITEAM_OFF;
	}
	free(a);
	return rule;
}

int license_pool(db *d, const char *account_id, const char *product, int for_update, long long *total, long long *holders)
{
	*holders = 0;
	if (for_update) {
		/* The pool's row exists before it is locked: a first licence of a product locks it too. */
		static const char *const lock =
			"SELECT holders FROM account_products WHERE account_id = ? AND product = ? FOR UPDATE";
		int found = db_int(d, holders, lock, "ss", account_id, product);
		if (found == 0 &&
		    (db_exec(d, "INSERT IGNORE INTO account_products (account_id, product, holders) VALUES (?, ?, 0)", "ss",
			     account_id, product) < 0 ||
		     (found = db_int(d, holders, lock, "ss", account_id, product)) != 1))
			return -1;
		if (found != 1)
			return -1;
	} else if (db_int(d, holders, "SELECT holders FROM account_products WHERE account_id = ? AND product = ?", "ss",
			  account_id, product) < 0) {
		return -1;
	}
	return db_int(d, total,
		      "SELECT COALESCE(SUM(quantity), 0) FROM subscriptions WHERE account_id = ? AND product = ?"
		      " AND (expiry_date IS NULL OR expiry_date >= UTC_DATE())",
		      "ss", account_id, product) == 1 ? 0 : -1;
}

int license_grant(db *d, const char *account_id, long long user_id, const char *product, long long *short_by)
{
	*short_by = 0;
	if (!subscription_per_user(product))
		return LICENSE_NO_PRODUCT;
	/* Only MiTeam Meetings is MiCollab's to assign, and only while its
	 * integration is on (guide §3.1.5.1). */
	int rule = license_is_miteam(product) ? license_miteam_rule(d, account_id) : MITEAM_STANDALONE;
	if (rule < 0)
		return -1;
	if (rule != MITEAM_STANDALONE)
		return rule == MITEAM_MICOLLAB ? LICENSE_UNDER_MICOLLAB : LICENSE_INTEGRATION_OFF;
	long long total, holders, held;
	if (license_pool(d, account_id, product, 1, &total, &holders) != 0)
		return -1;
	if (total == 0)
		return LICENSE_NO_PRODUCT;
	if (db_int(d, &held, "SELECT COUNT(*) FROM user_licenses WHERE user_id = ? AND product = ?", "is", user_id, product) != 1)
		return -1;
	if (held)
		return LICENSE_HELD;
	if (holders + 1 > total) {
		*short_by = holders + 1 - total;
		return LICENSE_SHORT;
	}
	return db_exec(d,
		       "INSERT INTO user_licenses (account_id, user_id, product)"
		       " SELECT account_id, id, ? FROM users WHERE id = ? AND account_id = ?",
		       "sis", product, user_id, account_id) == 1 ? LICENSE_GRANTED : -1;
}

int license_revoke(db *d, const char *account_id, long long user_id, const char *product)
{
	long long n = db_exec(d, "DELETE FROM user_licenses WHERE user_id = ? AND account_id = ? AND product = ?", "iss",
			      user_id, account_id, product);
	return n < 0 ? -1 : n > 0;
}

int license_revocable(db *d, const char *account_id, const char *product)
{
	int rule = license_is_miteam(product) ? license_miteam_rule(d, account_id) : MITEAM_STANDALONE;
	return rule < 0 ? -1 : rule == MITEAM_MICOLLAB ? LICENSE_UNDER_MICOLLAB : LICENSE_GRANTED;
}

long long license_miteam_switched_off(db *d, const char *account_id, int micollab)
{
	if (micollab)
		return 0;
	return db_exec(d, "DELETE FROM user_licenses WHERE account_id = ? AND product = '" MITEAM "'", "s", account_id);
}

/* ---- the user's products ---- */

struct catalogue {
	int n;
	struct license_product p[PRODUCTS_MAX];
};

static struct license_product *entry(struct catalogue *c, const char *product)
{
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->p[i].product, product) == 0)
			return &c->p[i];
	if (c->n == PRODUCTS_MAX)
		return NULL;
	struct license_product *e = &c->p[c->n++];
	memset(e, 0, sizeof *e);
	snprintf(e->product, sizeof e->product, "%s", product);
	return e;
}

static int subscribed(void *ctx, const struct subscription *s)
{
	struct license_product *e;
	if (subscription_per_user(s->product) && (e = entry(ctx, s->product)))
		e->total += s->quantity;
	return 0;
}

static int holder(void *ctx, const char *product, long long holders)
{
	struct catalogue *c = ctx;
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->p[i].product, product) == 0)
			c->p[i].holders = holders;
	return 0;
}

static int held(void *ctx, const struct db_row *row)
{
	struct license_product *e = entry(ctx, row_str(row, "product"));
	if (e)
		e->held = 1;
	return 0;
}

static int by_product(const void *a, const void *b)
{
	return strcmp(((const struct license_product *)a)->product, ((const struct license_product *)b)->product);
}

int license_products_each(db *d, const char *account_id, long long user_id, license_product_fn fn, void *ctx)
{
	struct catalogue *c = calloc(1, sizeof *c);
	if (!c)
		return -1;
	int miteam = license_miteam_rule(d, account_id);
	int rc = miteam < 0 || subscriptions_each(d, account_id, 1, subscribed, c) < 0 ||
			 db_each(d, held, c, "SELECT product FROM user_licenses WHERE user_id = ? AND account_id = ? LIMIT 64",
				 "is", user_id, account_id) < 0 ||
			 subscription_holders_each(d, account_id, holder, c) < 0
		 ? -1
		 : 0;
	if (rc == 0) {
		qsort(c->p, (size_t)c->n, sizeof c->p[0], by_product);
		for (int i = 0; i < c->n && rc == 0; i++) {
			c->p[i].state = license_state_of(c->p[i].product, c->p[i].total, c->p[i].holders, c->p[i].held,
						       (enum miteam_rule)miteam);
			if (fn(ctx, &c->p[i]) != 0)
				rc = -1;
		}
	}
	int n = c->n;
	free(c);
	return rc == 0 ? n : -1;
}
