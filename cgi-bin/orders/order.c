/* One order (guide §2.6, "Viewing Order Details" and "Assigning an
 * Unassigned Order"; ch2 §3.3): its details (Subscription number, Start
 * date, Assigned account, Term, Subscription details with the plan details
 * on the info icon, Number of licenses) and its tracking details; for an
 * order that is unassigned and not expired, Company — a search of the
 * customer accounts within the user's reach — and Assign. An Add Order of
 * an account's Subscriptions panel fills Company in ("for", ch2 §3.4). */
#include "cgi-bin/core/request.h"
#include "cgi-bin/orders/order_view.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <string.h>

#define COMPANY_CHOICES 20

struct parts {
	struct req *r;
	int n;
};

static int line_fields(void *ctx, const struct order_line *l)
{
	struct parts *p = ctx;
	char key[48];
	int n = p->n++;
#define LINE(name, value)                                                   \
	do {                                                                \
		snprintf(key, sizeof key, "Order.Lines.%d." name, n);       \
		hdf_set_value(p->r->hdf, key, value);                       \
	} while (0)
	LINE("product", l->product);
	LINE("plan", l->plan);
	LINE("plan_code", l->plan_code);
	LINE("details", l->plan_details);
#undef LINE
	hdf_set_valuef(p->r->hdf, "Order.Lines.%d.quantity=%d", n, l->quantity);
	return 0;
}

static int tracking_fields(void *ctx, const struct order_event *e)
{
	struct parts *p = ctx;
	char key[48];
	int n = p->n++;
	snprintf(key, sizeof key, "Order.Tracking.%d.at", n);
	hdf_set_value(p->r->hdf, key, e->at);
	snprintf(key, sizeof key, "Order.Tracking.%d.stage", n);
	hdf_set_value(p->r->hdf, key, e->stage);
	snprintf(key, sizeof key, "Order.Tracking.%d.detail", n);
	hdf_set_value(p->r->hdf, key, e->detail);
	return 0;
}

/* Company: the accounts whose name starts with what was typed, or the
 * account an Add Order came from. */
static int company_choices(struct req *r)
{
	const char *q = form(r, "company");
	if (!valid_line(q, 0) || utf8_length(q) > 100)
		q = "";
	hdf_set_value(r->hdf, "Company.Q", q);
	struct account_reach reach = order_reach(r);
	struct account_ref found[COMPANY_CHOICES];
	int n = accounts_search(r->db, &reach, q, found, COMPANY_CHOICES);
	if (n < 0)
		return -1;
	const char *pre = hdf_get_value(r->hdf, "For.id", "");
	if (n == 0 && !*q && *pre) {
		snprintf(found[0].id, sizeof found[0].id, "%s", pre);
		snprintf(found[0].name, sizeof found[0].name, "%s", hdf_get_value(r->hdf, "For.name", ""));
		n = 1;
	}
	char key[48];
	for (int i = 0; i < n; i++) {
		snprintf(key, sizeof key, "Company.Rows.%d.id", i);
		hdf_set_value(r->hdf, key, found[i].id);
		snprintf(key, sizeof key, "Company.Rows.%d.name", i);
		hdf_set_value(r->hdf, key, found[i].name);
	}
	if (*pre)
		form_default(r, "account", pre);
	return 0;
}

int order_get(struct req *r)
{
	struct order_row o;
	int rc = order_load(r->db, r->me.partner_id, r->path_ref, order_soon_days(), &o);
	if (rc != 1)
		return rc < 0 ? SERVER_ERROR : NOT_FOUND;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "orders.order.title"));
	order_row_publish(r, "Order", &o);
	if (order_for_account(r) < 0)
		return SERVER_ERROR;
	struct parts lines = {r, 0}, tracking = {r, 0};
	if (order_lines_each(r->db, o.id, line_fields, &lines) < 0 ||
	    order_tracking_each(r->db, o.id, tracking_fields, &tracking) < 0)
		return SERVER_ERROR;
	int assignable = !o.assigned_account_id[0] && o.status != ORDER_EXPIRED;
	hdf_set_int_value(r->hdf, "Order.assignable", assignable);
	if (assignable && company_choices(r) < 0)
		return SERVER_ERROR;
	return DONE;
}

struct assign {
	const char *account_id;
	struct actor who;
	struct account_reach reach;
	struct account_ref account;
	int result;
};

static int apply(struct req *r, void *arg)
{
	struct assign *a = arg;
	a->result = order_assign(r->db, &a->who, &a->reach, r->me.partner_id, r->path_ref, a->account_id, &a->account);
	return a->result < 0 ? -1 : a->result;
}

int order_post(struct req *r)
{
	const char *account = in(r, "account");
	if (!valid_uuid(account))
		field_error(r, "account", "orders.order.errors.account");
	if (form_has_errors(r))
		return invalid(r);
	struct assign a = {.account_id = account, .who = me_actor(r), .reach = order_reach(r)};
	int rc = tx(r, apply, &a);
	if (rc < 0)
		return SERVER_ERROR;
	switch (a.result) {
	case ASSIGN_DONE:
		break;
	case ASSIGN_NO_ORDER:
	case ASSIGN_NO_ACCOUNT:
		return NOT_FOUND;
	case ASSIGN_ALREADY:
		field_error(r, "account", "orders.order.errors.already");
		return invalid(r);
	default:
		field_error(r, "account", "orders.order.errors.expired");
		return invalid(r);
	}
	/* From an account's Add Order, back to its Subscriptions (guide §2.7); from Orders, the success dialog. */
	if (strcmp(in(r, "for"), a.account.id) == 0)
		return done(r, "flash.order_assigned", "/a/%s/subscriptions", a.account.id);
	return done(r, NULL, "/orders/%s/assigned", r->path_ref);
}
