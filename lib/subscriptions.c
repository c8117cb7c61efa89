#include "lib/subscriptions.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <string.h>

static int fits(const char *s, size_t max, int required)
{
	if (!s || !*s)
		return !required;
	return valid_line(s, 0) && utf8_length(s) <= max;
}

const char *subscription_fields_check(const struct subscription_fields *f)
{
	if (!f->account_id || !valid_uuid(f->account_id))
		return "account_id";
	if (!f->partner_id || !valid_uuid(f->partner_id))
		return "partner_id";
	if (!fits(f->subscription_number, 64, 1))
		return "subscription_number";
	if (!fits(f->product, 100, 1))
		return "product";
	if (!fits(f->plan, 100, 0))
		return "plan";
	if (!fits(f->plan_code, 64, 0))
		return "plan_code";
	if (f->quantity < 1 || f->quantity > 1000000)
		return "quantity";
	if (!valid_calendar_date(f->start_date))
		return "start_date";
	if (f->expiry_date && *f->expiry_date && (!valid_calendar_date(f->expiry_date) || strcmp(f->expiry_date, f->start_date) < 0))
		return "expiry_date";
	if (!fits(f->source_ref, 64, 0))
		return "source_ref";
	return NULL;
}

long long subscription_insert(db *d, const struct subscription_fields *f)
{
	if (subscription_fields_check(f))
		return -1;
	long long n = db_exec(d,
		"INSERT IGNORE INTO subscriptions (account_id, partner_id, subscription_number, product, plan, plan_code,"
		" quantity, start_date, expiry_date, source_ref, created_at)"
		" SELECT id, partner_id, ?, ?, ?, ?, ?, ?, NULLIF(?, ''), ?, UTC_TIMESTAMP() FROM accounts"
		" WHERE id = ? AND partner_id = ? AND kind = 'customer'",
		"ssssisssss", f->subscription_number, f->product, f->plan ? f->plan : "", f->plan_code ? f->plan_code : "",
		(long long)f->quantity, f->start_date, f->expiry_date ? f->expiry_date : "", f->source_ref ? f->source_ref : "",
		f->account_id, f->partner_id);
	if (n < 0)
		return -1;
	return n == 0 ? 0 : (long long)db_insert_id(d);
}

long long subscriptions_delete_source(db *d, const char *account_id, const char *source_ref)
{
	return db_exec(d, "DELETE FROM subscriptions WHERE account_id = ? AND source_ref = ?", "ss", account_id, source_ref);
}

struct each_call {
	subscription_fn fn;
	void *ctx;
};

static int subscription_row(void *ctx, const struct db_row *row)
{
	struct each_call *c = ctx;
	struct subscription s;
	memset(&s, 0, sizeof s);
	s.id = row_int(row, "id");
	row_copy(row, "subscription_number", s.subscription_number, sizeof s.subscription_number);
	row_copy(row, "product", s.product, sizeof s.product);
	row_copy(row, "plan", s.plan, sizeof s.plan);
	row_copy(row, "plan_code", s.plan_code, sizeof s.plan_code);
	s.quantity = (int)row_int(row, "quantity");
	row_copy(row, "start_date", s.start_date, sizeof s.start_date);
	row_copy(row, "expiry_date", s.expiry_date, sizeof s.expiry_date);
	s.active = row_int(row, "active") != 0;
	row_copy(row, "plan_details", s.plan_details, sizeof s.plan_details);
	return c->fn(c->ctx, &s);
}

int subscriptions_each(db *d, const char *account_id, int active_only, subscription_fn fn, void *ctx)
{
	struct each_call c = {fn, ctx};
	return db_each(d, subscription_row, &c,
		"SELECT s.id, s.subscription_number, s.product, s.plan, s.plan_code, s.quantity,"
		" DATE_FORMAT(s.start_date, '%Y-%m-%d') AS start_date, DATE_FORMAT(s.expiry_date, '%Y-%m-%d') AS expiry_date,"
		" (s.expiry_date IS NULL OR s.expiry_date >= UTC_DATE()) AS active,"
		" (SELECT l.plan_details FROM orders o JOIN order_lines l ON l.order_id = o.id"
		"   WHERE o.partner_id = s.partner_id AND o.order_number = s.source_ref AND l.product = s.product"
		"   AND l.plan_code = s.plan_code LIMIT 1) AS plan_details"
		" FROM subscriptions s WHERE s.account_id = ? AND (? = 0 OR s.expiry_date IS NULL OR s.expiry_date >= UTC_DATE())"
		" ORDER BY s.product, s.plan, s.start_date, s.id LIMIT 500",
		"si", account_id, (long long)(active_only != 0));
}

int subscription_per_user(const char *product)
{
	/* Workflow Studio's plans are the account's entitlements, not users' licences (guide §3.1.8). */
	return !(product && (strncmp(product, "Workflow Studio", 15) == 0 || strncmp(product, "WorkflowStudio", 14) == 0));
}

struct holders_call {
	holders_fn fn;
	void *ctx;
};

static int holders_row(void *ctx, const struct db_row *row)
{
	struct holders_call *c = ctx;
	return c->fn(c->ctx, row_str(row, "product"), row_int(row, "holders"));
}

int subscription_holders_each(db *d, const char *account_id, holders_fn fn, void *ctx)
{
	struct holders_call c = {fn, ctx};
	return db_each(d, holders_row, &c, "SELECT product, holders FROM account_products WHERE account_id = ? LIMIT 500", "s",
		       account_id);
}
