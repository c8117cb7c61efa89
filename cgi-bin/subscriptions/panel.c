#include "cgi-bin/subscriptions/panel.h"
#include "lib/orders.h"
#include "lib/subscriptions.h"
#include "lib/workflow_studio.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PRODUCTS_MAX 64

struct holders {
	int n;
	struct {
		char product[101];
		long long holders;
	} p[PRODUCTS_MAX];
};

static int holder_seen(void *ctx, const char *product, long long holders)
{
	struct holders *h = ctx;
	if (h->n < PRODUCTS_MAX) {
		snprintf(h->p[h->n].product, sizeof h->p[0].product, "%s", product);
		h->p[h->n++].holders = holders;
	}
	return 0;
}

static long long holders_of(const struct holders *h, const char *product)
{
	for (int i = 0; i < h->n; i++)
		if (strcmp(h->p[i].product, product) == 0)
			return h->p[i].holders;
	return 0;
}

/* Groups per product, nested per plan, in the rows' order (product, plan). */
struct groups {
	struct req *r;
	const struct holders *h;
	int g, p, row;                  /* the current group, plan and row (-1: none yet) */
	char product[101], plan[101];
	long long group_total, plan_total;
};

static void set(struct req *r, const char *key, const char *value)
{
	hdf_set_value(r->hdf, key, value);
}

static void close_plan(struct groups *s)
{
	if (s->p >= 0)
		hdf_set_valuef(s->r->hdf, "Subscriptions.Groups.%d.Plans.%d.total=%lld", s->g, s->p, s->plan_total);
}

static void close_group(struct groups *s)
{
	if (s->g < 0)
		return;
	close_plan(s);
	long long assigned = holders_of(s->h, s->product);
	hdf_set_valuef(s->r->hdf, "Subscriptions.Groups.%d.total=%lld", s->g, s->group_total);
	hdf_set_valuef(s->r->hdf, "Subscriptions.Groups.%d.assigned=%lld", s->g, assigned);
	/* Licences stay with their users when an order expires: the group says it is over-assigned (ch2 §4.3). */
	hdf_set_valuef(s->r->hdf, "Subscriptions.Groups.%d.over=%d", s->g, assigned > s->group_total);
	hdf_set_valuef(s->r->hdf, "Subscriptions.Groups.%d.remaining=%lld", s->g,
		       s->group_total > assigned ? s->group_total - assigned : 0);
}

static int subscription_row(void *ctx, const struct subscription *sub)
{
	struct groups *s = ctx;
	char key[96];
	if (s->g < 0 || strcmp(s->product, sub->product) != 0) {
		close_group(s);
		s->g++;
		s->p = -1;
		s->plan[0] = 0;
		s->group_total = 0;
		snprintf(s->product, sizeof s->product, "%s", sub->product);
		snprintf(key, sizeof key, "Subscriptions.Groups.%d.product", s->g);
		set(s->r, key, sub->product);
		hdf_set_valuef(s->r->hdf, "Subscriptions.Groups.%d.per_user=%d", s->g, subscription_per_user(sub->product));
	}
	if (s->p < 0 || strcmp(s->plan, sub->plan) != 0) {
		close_plan(s);
		s->p++;
		s->row = 0;
		s->plan_total = 0;
		snprintf(s->plan, sizeof s->plan, "%s", sub->plan);
		snprintf(key, sizeof key, "Subscriptions.Groups.%d.Plans.%d.plan", s->g, s->p);
		set(s->r, key, sub->plan);
	}
	char prefix[64];
	snprintf(prefix, sizeof prefix, "Subscriptions.Groups.%d.Plans.%d.Rows.%d", s->g, s->p, s->row++);
#define FIELD(name, value)                                                  \
	do {                                                                \
		snprintf(key, sizeof key, "%s." name, prefix);              \
		set(s->r, key, value);                                      \
	} while (0)
	FIELD("number", sub->subscription_number);
	FIELD("product", sub->product);
	FIELD("plan_code", sub->plan_code);
	FIELD("plan_details", sub->plan_details);
	FIELD("start", sub->start_date);
	FIELD("expiry", sub->expiry_date);
#undef FIELD
	hdf_set_valuef(s->r->hdf, "%s.licenses=%d", prefix, sub->quantity);
	s->plan_total += sub->quantity;
	s->group_total += sub->quantity;
	return 0;
}

int subscriptions_panel_publish(struct req *r)
{
	if (!can(r, FEAT_SUBSCRIPTIONS, VERB_VIEW) || r->acct.is_partner)
		return DONE;
	/* Not for a partner without a billing account, nor a Prime Partner (guide §2.7). */
	if (!r->me.subscriptions)
		return DONE;
	hdf_set_int_value(r->hdf, "Subscriptions.shown", 1);
	/* Add Order: a partner's, with Subscriptions Add (guide §2.14.7) and Orders View to reach the orders. */
	hdf_set_int_value(r->hdf, "Subscriptions.add_order",
			  (r->me.role == ROLE_PARTNER_ADMIN || r->me.role == ROLE_ACCOUNT_MANAGER) && can(r, FEAT_SUBSCRIPTIONS, VERB_ADD) &&
				  can(r, FEAT_ORDERS, VERB_VIEW));
	struct holders *h = calloc(1, sizeof *h);
	if (!h)
		return SERVER_ERROR;
	struct groups s = {r, h, -1, -1, 0, "", "", 0, 0};
	int rc = subscription_holders_each(r->db, r->acct.id, holder_seen, h) < 0 ||
			 subscriptions_each(r->db, r->acct.id, 1, subscription_row, &s) < 0
		 ? SERVER_ERROR
		 : DONE;
	if (rc == DONE)
		close_group(&s);
	free(h);
	/* Workflow Studio's entitlements, counted from its plans (guide §3.1.8). */
	struct wfs_entitlements e;
	if (rc == DONE && wfs_entitlements(r->db, r->acct.id, &e) != 0)
		rc = SERVER_ERROR;
	if (rc == DONE && e.subscriptions > 0) {
		hdf_set_int_value(r->hdf, "Subscriptions.Workflow.shown", 1);
		hdf_set_valuef(r->hdf, "Subscriptions.Workflow.essential=%lld", e.interactions[WFS_ESSENTIAL]);
		hdf_set_valuef(r->hdf, "Subscriptions.Workflow.premier=%lld", e.interactions[WFS_PREMIER]);
	}
	return rc;
}
