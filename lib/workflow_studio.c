#include "lib/workflow_studio.h"
#include "lib/subscriptions.h"

#include <string.h>

#define UNIT 100     /* interactions per licence of a tier (guide §3.1.8 Table 2) */
#define BASE 500     /* executions of each tier in the Base Kit, per billing period */

static const struct wfs_sku skus[] = {
	{"54014777", "Monthly", "Premier", 0, UNIT},
	{"54014776", "Monthly", "Essential", UNIT, 0},
	{"54014772", "12-month", "Premier", 0, UNIT},
	{"54014773", "36-month", "Premier", 0, UNIT},
	{"54014774", "60-month", "Premier", 0, UNIT},
	{"54019078", "12-month", "Essential - free", UNIT, 0},
	{"54019079", "36-month", "Essential - free", UNIT, 0},
	{"54019080", "60-month", "Essential - free", UNIT, 0},
	{"54019081", "12-month", "Premier - free", 0, UNIT},
	{"54019082", "36-month", "Premier - free", 0, UNIT},
	{"54019083", "60-month", "Premier - free", 0, UNIT},
	{"54014769", "12-month", "Essential", UNIT, 0},
	{"54014770", "36-month", "Essential", UNIT, 0},
	{"54014771", "60-month", "Essential", UNIT, 0},
	{"54014775", "N/A", "Workflow Studio Base Kit - NC", BASE, BASE},
};

const struct wfs_sku *wfs_sku_of(const char *plan_code)
{
	for (size_t i = 0; plan_code && i < sizeof skus / sizeof skus[0]; i++)
		if (strcmp(skus[i].code, plan_code) == 0)
			return &skus[i];
	return NULL;
}

static int counted(void *ctx, const struct subscription *s)
{
	struct wfs_entitlements *e = ctx;
	const struct wfs_sku *k = subscription_per_user(s->product) ? NULL : wfs_sku_of(s->plan_code);
	if (k) {
		e->interactions[WFS_ESSENTIAL] += (long long)k->essential * s->quantity;
		e->interactions[WFS_PREMIER] += (long long)k->premier * s->quantity;
		e->subscriptions++;
	}
	return 0;
}

int wfs_entitlements(db *d, const char *account_id, struct wfs_entitlements *out)
{
	memset(out, 0, sizeof *out);
	return subscriptions_each(d, account_id, 1, counted, out) < 0 ? -1 : 0;
}
