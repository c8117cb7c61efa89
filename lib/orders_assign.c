/* Assigning an order to a customer account (guide §2.6, "Assigning an
 * Unassigned Order"; ch2 §3.3): once, never an expired order, only to an
 * active customer account within the assigner's reach. Its licences become
 * the account's subscriptions (guide §2.7) while the order is activated. */
#include "lib/orders.h"
#include "lib/subscriptions.h"

#include <stdio.h>
#include <string.h>

struct locked {
	long long id;
	int assigned, expired, activated;
	char partner_id[UUID_LEN], account_id[UUID_LEN], number[ORDER_NUMBER_MAX + 1];
	char start[11], expiry[11];
};

static int locked_row(void *ctx, const struct db_row *row)
{
	struct locked *o = ctx;
	o->id = row_int(row, "id");
	o->assigned = !row_null(row, "assigned_account_id");
	o->expired = row_int(row, "expired") != 0;
	o->activated = row_int(row, "activated") != 0;
	row_copy(row, "partner_id", o->partner_id, sizeof o->partner_id);
	row_copy(row, "assigned_account_id", o->account_id, sizeof o->account_id);
	row_copy(row, "order_number", o->number, sizeof o->number);
	row_copy(row, "start", o->start, sizeof o->start);
	row_copy(row, "expiry", o->expiry, sizeof o->expiry);
	return 0;
}

#define LOCKED_COLUMNS \
	"SELECT id, partner_id, order_number, assigned_account_id, activated," \
	" IFNULL(expiry_date < UTC_DATE(), 0) AS expired," \
	" DATE_FORMAT(IFNULL(start_date, DATE(received_at)), '%Y-%m-%d') AS start," \
	" DATE_FORMAT(expiry_date, '%Y-%m-%d') AS expiry FROM orders"

struct sync_ctx {
	db *d;
	const struct locked *o;
	int failed;
};

static int line_to_subscription(void *ctx, const struct order_line *l)
{
	struct sync_ctx *c = ctx;
	struct subscription_fields f = {
		.account_id = c->o->account_id, .partner_id = c->o->partner_id, .subscription_number = c->o->number,
		.product = l->product, .plan = l->plan, .plan_code = l->plan_code, .quantity = l->quantity,
		.start_date = c->o->start, .expiry_date = c->o->expiry[0] ? c->o->expiry : NULL, .source_ref = c->o->number,
	};
	/* An expiry before the start is refused at ingestion; a start after it (no start given, received
	 * after its end) counts from the expiry. */
	if (f.expiry_date && strcmp(f.expiry_date, f.start_date) < 0)
		f.start_date = f.expiry_date;
	if (subscription_insert(c->d, &f) < 0) {
		c->failed = 1;
		return 1;
	}
	return 0;
}

int order_subscriptions_sync(db *d, long long order_id)
{
	struct locked o = {0};
	if (db_one(d, locked_row, &o, LOCKED_COLUMNS " WHERE id = ? FOR UPDATE", "i", order_id) != 1)
		return -1;
	if (!o.assigned)
		return 0;
	if (subscriptions_delete_source(d, o.account_id, o.number) < 0)
		return -1;
	if (!o.activated)
		return 0;
	struct sync_ctx c = {d, &o, 0};
	return order_lines_each(d, order_id, line_to_subscription, &c) < 0 || c.failed ? -1 : 0;
}

int order_assign(db *d, const struct actor *who, const struct account_reach *reach, const char *partner_id,
		 const char *number, const char *account_id, struct account_ref *account)
{
	struct locked o = {0};
	/* The order's row stays locked to the end: two assignments at once take turns, and the second
	 * finds it assigned. */
	int rc = db_one(d, locked_row, &o, LOCKED_COLUMNS " WHERE partner_id = ? AND order_number = ? FOR UPDATE", "ss",
			partner_id, number);
	if (rc != 1)
		return rc < 0 ? -1 : ASSIGN_NO_ORDER;
	if (o.assigned)
		return ASSIGN_ALREADY;
	if (o.expired)
		return ASSIGN_EXPIRED;
	rc = account_find_in_reach(d, reach, account_id, account);
	if (rc < 0)
		return -1;
	if (rc == 0 || account->is_partner || !account->active)
		return ASSIGN_NO_ACCOUNT;
	if (db_exec(d, "UPDATE orders SET assigned_account_id = ?, assigned_at = UTC_TIMESTAMP(), assigned_by_name = ?,"
		       " updated_at = UTC_TIMESTAMP() WHERE id = ? AND partner_id = ? AND assigned_account_id IS NULL",
		    "ssis", account->id, who->name ? who->name : "", o.id, partner_id) != 1)
		return -1;
	if (order_subscriptions_sync(d, o.id) != 0)
		return -1;
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", o.id);
	json_t *core = json_pack("{s:{s:s,s:s},s:s}", "assignedAccount", "from", "", "to", account->name, "accountId",
				 account->id);
	int ok = core && audit_event(d, partner_id, who, "order.update", "Order", id_text, number, core) == 0 &&
		 audit_event(d, account->id, who, "order.update", "Order", id_text, number, core) == 0;
	json_decref(core);
	return ok ? ASSIGN_DONE : -1;
}
