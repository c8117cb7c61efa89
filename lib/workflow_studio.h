#ifndef SB_WORKFLOW_STUDIO_H
#define SB_WORKFLOW_STUDIO_H
/* Mitel Workflow Studio entitlements (guide §3.1.8, Tables 2 and 3; ch3
 * §4.6): what an account may run, computed from its active Workflow Studio
 * subscriptions by their SKU (the plan code): each licence of a tier's SKU
 * is 100 interactions of that tier; the Base Kit brings 500 Essential and
 * 500 Premier executions a billing period. Nothing is stored: upgrades,
 * downgrades and term changes show as soon as the subscriptions change. */
#include "lib/core/db.h"

enum wfs_tier { WFS_ESSENTIAL = 0, WFS_PREMIER, WFS_TIERS };

struct wfs_sku {
	const char *code;              /* "54014777" */
	const char *term;              /* "Monthly", "12-month", ... "N/A" */
	const char *tier;              /* as Table 3 names it: "Premier", "Essential - free", ... */
	int essential, premier;        /* interactions (executions) per licence */
};
/* The SKU of a plan code, or NULL. Pure. */
const struct wfs_sku *wfs_sku_of(const char *plan_code);

struct wfs_entitlements {
	long long interactions[WFS_TIERS];
	int subscriptions;             /* Workflow Studio subscriptions counted */
};
/* The account's entitlements from its active subscriptions: 0, or -1. */
int wfs_entitlements(db *d, const char *account_id, struct wfs_entitlements *out);
#endif
