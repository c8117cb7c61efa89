/* Orders as the ordering system publishes them (ch2 §3.7): the document,
 * its checks, and the idempotent write by (partner, order number) with a
 * revision that only moves forward. */
#include "lib/orders.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <string.h>

int order_number_valid(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n > ORDER_NUMBER_MAX)
		return 0;
	static const char ok[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
	return strspn(s, ok) == n && s[0] != '-' && s[0] != '_' && s[0] != '.';
}

const char *order_status_key(enum order_status s)
{
	static const char *const keys[] = {"", "assign", "expiring_soon", "expired", "perpetual", "pending_activation"};
	return (unsigned)s < sizeof keys / sizeof keys[0] ? keys[s] : "";
}

enum order_status order_status_of(const char *expiry, int activated, int assigned, const char *today, const char *soon)
{
	int perpetual = !expiry || !*expiry;
	if (!perpetual && strcmp(expiry, today) < 0)
		return ORDER_EXPIRED;
	if (!activated)
		return ORDER_PENDING_ACTIVATION;
	if (perpetual)
		return ORDER_PERPETUAL;
	if (strcmp(expiry, soon) <= 0)
		return ORDER_EXPIRING_SOON;
	return assigned ? ORDER_NONE : ORDER_ASSIGN;
}

/* ---- the document ---- */

static void bad(json_t *errors, const char *field, const char *message)
{
	if (!json_object_get(errors, field))
		json_object_set_new(errors, field, json_string(message));
}

/* An optional text member: NULL when absent or null; a message when it is
 * not a string of at most max characters on one line. */
static const char *text(json_t *doc, const char *key, size_t max, int required, json_t *errors, const char *field)
{
	json_t *v = json_object_get(doc, key);
	if (!v || json_is_null(v)) {
		if (required)
			bad(errors, field, "is required");
		return NULL;
	}
	const char *s = json_string_value(v);
	if (!s || !valid_line(s, 0) || utf8_length(s) > max) {
		bad(errors, field, "must be text on one line, at most the allowed length");
		return NULL;
	}
	if (required && is_blank(s)) {
		bad(errors, field, "is required");
		return NULL;
	}
	return *s ? s : NULL;
}

static const char *date(json_t *doc, const char *key, json_t *errors)
{
	const char *s = text(doc, key, 10, 0, errors, key);
	if (s && !valid_calendar_date(s)) {
		bad(errors, key, "must be a date written YYYY-MM-DD");
		return NULL;
	}
	return s;
}

/* A timestamp "YYYY-MM-DDTHH:MM:SS" with an optional "Z" (UTC), or with a space. */
static int valid_timestamp(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n != 19 && !(n == 20 && s[19] == 'Z'))
		return 0;
	char day[11];
	memcpy(day, s, 10);
	day[10] = 0;
	if (!valid_calendar_date(day) || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
		return 0;
	for (int i = 11; i < 19; i++)
		if (i != 13 && i != 16 && (s[i] < '0' || s[i] > '9'))
			return 0;
	return (s[11] - '0') * 10 + (s[12] - '0') < 24 && s[14] < '6' && s[17] < '6';
}

static void read_lines(json_t *doc, struct order_doc *out, json_t *errors)
{
	json_t *lines = json_object_get(doc, "lines");
	if (!json_is_array(lines) || json_array_size(lines) == 0 || json_array_size(lines) > ORDER_LINES_MAX) {
		bad(errors, "lines", "must be a list of 1 to 50 product lines");
		return;
	}
	size_t i;
	json_t *l;
	json_array_foreach(lines, i, l) {
		char f[48];
		struct order_line *o = &out->lines[out->n_lines++];
		if (!json_is_object(l)) {
			snprintf(f, sizeof f, "lines[%zu]", i);
			bad(errors, f, "must be an object");
			continue;
		}
		snprintf(f, sizeof f, "lines[%zu].product", i);
		o->product = text(l, "product", 100, 1, errors, f);
		snprintf(f, sizeof f, "lines[%zu].plan", i);
		o->plan = text(l, "plan", 100, 0, errors, f);
		snprintf(f, sizeof f, "lines[%zu].planCode", i);
		o->plan_code = text(l, "planCode", 64, 0, errors, f);
		snprintf(f, sizeof f, "lines[%zu].planDetails", i);
		o->plan_details = text(l, "planDetails", 500, 0, errors, f);
		json_t *q = json_object_get(l, "quantity");
		snprintf(f, sizeof f, "lines[%zu].quantity", i);
		if (!json_is_integer(q) || json_integer_value(q) < 1 || json_integer_value(q) > 1000000)
			bad(errors, f, "must be a whole number from 1 to 1000000");
		else
			o->quantity = (int)json_integer_value(q);
	}
}

static void read_tracking(json_t *doc, struct order_doc *out, json_t *errors)
{
	json_t *list = json_object_get(doc, "tracking");
	if (!list || json_is_null(list))
		return;
	if (!json_is_array(list) || json_array_size(list) > ORDER_TRACKING_MAX) {
		bad(errors, "tracking", "must be a list of at most 50 events");
		return;
	}
	size_t i;
	json_t *e;
	json_array_foreach(list, i, e) {
		char f[48];
		struct order_event *t = &out->tracking[out->n_tracking++];
		snprintf(f, sizeof f, "tracking[%zu].at", i);
		t->at = text(e, "at", 20, 1, errors, f);
		if (t->at && !valid_timestamp(t->at))
			bad(errors, f, "must be a UTC time written YYYY-MM-DDTHH:MM:SSZ");
		snprintf(f, sizeof f, "tracking[%zu].stage", i);
		t->stage = text(e, "stage", 100, 1, errors, f);
		snprintf(f, sizeof f, "tracking[%zu].detail", i);
		t->detail = text(e, "detail", 500, 0, errors, f);
	}
}

int order_parse(json_t *doc, struct order_doc *out, json_t *errors)
{
	memset(out, 0, sizeof *out);
	if (!json_is_object(doc)) {
		bad(errors, "body", "must be a JSON object");
		return -1;
	}
	out->partner_billing_id = text(doc, "partnerBillingId", 64, 1, errors, "partnerBillingId");
	out->sap_order_number = text(doc, "sapOrderNumber", 64, 0, errors, "sapOrderNumber");
	out->reseller_po = text(doc, "resellerPo", 100, 0, errors, "resellerPo");
	out->customer_po = text(doc, "customerPo", 100, 0, errors, "customerPo");
	out->end_customer_sap = text(doc, "endCustomerSap", 64, 0, errors, "endCustomerSap");
	out->tracking_id = text(doc, "trackingId", 64, 0, errors, "trackingId");
	out->start_date = date(doc, "startDate", errors);
	out->expiry_date = date(doc, "expiryDate", errors);
	if (out->start_date && out->expiry_date && strcmp(out->expiry_date, out->start_date) < 0)
		bad(errors, "expiryDate", "must not be before the start date");
	json_t *term = json_object_get(doc, "termMonths");
	if (term && !json_is_null(term)) {
		if (!json_is_integer(term) || json_integer_value(term) < 1 || json_integer_value(term) > 1200)
			bad(errors, "termMonths", "must be a whole number of months from 1 to 1200");
		else
			out->term_months = (int)json_integer_value(term);
	}
	json_t *act = json_object_get(doc, "activated");
	if (act && !json_is_boolean(act))
		bad(errors, "activated", "must be true or false");
	out->activated = !act || json_is_true(act);
	json_t *rev = json_object_get(doc, "revision");
	if (!json_is_integer(rev) || json_integer_value(rev) < 0)
		bad(errors, "revision", "must be a whole number, 0 or more");
	else
		out->revision = json_integer_value(rev);
	read_lines(doc, out, errors);
	read_tracking(doc, out, errors);
	return json_object_size(errors) ? -1 : 0;
}

/* ---- the write ---- */

static const char *or_empty(const char *s) { return s ? s : ""; }

static long long licenses_of(const struct order_doc *o)
{
	long long n = 0;
	for (int i = 0; i < o->n_lines; i++)
		n += o->lines[i].quantity;
	return n;
}

static int write_parts(db *d, long long id, const struct order_doc *o)
{
	if (db_exec(d, "DELETE FROM order_lines WHERE order_id = ?", "i", id) < 0 ||
	    db_exec(d, "DELETE FROM order_tracking WHERE order_id = ?", "i", id) < 0)
		return -1;
	for (int i = 0; i < o->n_lines; i++) {
		const struct order_line *l = &o->lines[i];
		if (db_exec(d, "INSERT INTO order_lines (order_id, line_no, product, plan, plan_code, plan_details, quantity)"
			       " VALUES (?, ?, ?, ?, ?, ?, ?)",
			    "iissssi", id, (long long)i, l->product, or_empty(l->plan), or_empty(l->plan_code),
			    or_empty(l->plan_details), (long long)l->quantity) != 1)
			return -1;
	}
	for (int i = 0; i < o->n_tracking; i++) {
		const struct order_event *t = &o->tracking[i];
		char at[20];
		snprintf(at, sizeof at, "%.10s %.8s", t->at, t->at + 11);
		if (db_exec(d, "INSERT INTO order_tracking (order_id, seq, at, stage, detail) VALUES (?, ?, ?, ?, ?)",
			    "iisss", id, (long long)i, at, t->stage, or_empty(t->detail)) != 1)
			return -1;
	}
	return 0;
}

struct stored {
	long long id, revision, licenses;
	int activated, assigned;
	char expiry[11];
};

static int stored_row(void *ctx, const struct db_row *row)
{
	struct stored *s = ctx;
	s->id = row_int(row, "id");
	s->revision = row_int(row, "revision");
	s->licenses = row_int(row, "licenses");
	s->activated = row_int(row, "activated") != 0;
	s->assigned = !row_null(row, "assigned_account_id");
	row_copy(row, "expiry", s->expiry, sizeof s->expiry);
	return 0;
}

static int load_stored(db *d, const char *partner_id, const char *number, struct stored *s)
{
	return db_one(d, stored_row, s,
		"SELECT id, revision, licenses, activated, assigned_account_id, DATE_FORMAT(expiry_date, '%Y-%m-%d') AS expiry"
		" FROM orders WHERE partner_id = ? AND order_number = ? FOR UPDATE",
		"ss", partner_id, number);
}

static int order_event(db *d, const struct actor *who, const char *actor_ref, const char *partner_id, const char *action,
		       long long id, const char *number, json_t *core)
{
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", id);
	struct event_record e = {
		.account_id = partner_id, .who = who, .actor_ref = actor_ref, .action = action,
		.asset_type = "Order", .asset_id = id_text, .asset_name = number, .core = core,
	};
	return audit_record(d, &e);
}

static int insert_order(db *d, const char *partner_id, const char *number, const struct order_doc *o)
{
	return (int)db_exec(d,
		"INSERT IGNORE INTO orders (partner_id, order_number, sap_order_number, reseller_po, customer_po, end_customer_sap,"
		" tracking_id, start_date, term_months, expiry_date, activated, licenses, revision, received_at, updated_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0), ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
		"ssssssssisiii", partner_id, number, or_empty(o->sap_order_number), or_empty(o->reseller_po),
		or_empty(o->customer_po), or_empty(o->end_customer_sap), or_empty(o->tracking_id), o->start_date,
		(long long)o->term_months, o->expiry_date, (long long)o->activated, licenses_of(o), o->revision);
}

static int update_order(db *d, long long id, const struct order_doc *o)
{
	return db_exec(d,
		"UPDATE orders SET sap_order_number = ?, reseller_po = ?, customer_po = ?, end_customer_sap = ?, tracking_id = ?,"
		" start_date = ?, term_months = NULLIF(?, 0), expiry_date = ?, activated = ?, licenses = ?, revision = ?,"
		" updated_at = UTC_TIMESTAMP() WHERE id = ?",
		"ssssssisiiii", or_empty(o->sap_order_number), or_empty(o->reseller_po), or_empty(o->customer_po),
		or_empty(o->end_customer_sap), or_empty(o->tracking_id), o->start_date, (long long)o->term_months,
		o->expiry_date, (long long)o->activated, licenses_of(o), o->revision, id) == 1 ? 0 : -1;
}

int order_put(db *d, const struct actor *who, const char *actor_ref, const char *partner_id, const char *number,
	      const struct order_doc *o, long long *id)
{
	long long found;
	int rc = db_int(d, &found,
		"SELECT COUNT(*) FROM accounts WHERE id = ? AND kind = 'partner' AND status = 'active' AND billing_id = ?",
		"ss", partner_id, o->partner_billing_id);
	if (rc != 1)
		return -1;
	if (found == 0)
		return ORDER_UNKNOWN_PARTNER;
	struct stored s = {0};
	rc = load_stored(d, partner_id, number, &s);
	if (rc == 0) {
		/* Two first publications at once: the loser finds the winner's row. */
		int n = insert_order(d, partner_id, number, o);
		if (n < 0)
			return -1;
		if (n == 1) {
			*id = (long long)db_insert_id(d);
			json_t *core = json_pack("{s:I,s:I,s:b}", "revision", (json_int_t)o->revision, "licenses",
						 (json_int_t)licenses_of(o), "activated", o->activated);
			int ok = write_parts(d, *id, o) == 0 &&
				 order_event(d, who, actor_ref, partner_id, "order.create", *id, number, core) == 0;
			json_decref(core);
			return ok ? ORDER_CREATED : -1;
		}
		rc = load_stored(d, partner_id, number, &s);
	}
	if (rc != 1)
		return -1;
	*id = s.id;
	if (o->revision < s.revision)
		return ORDER_STALE;
	if (o->revision == s.revision)
		return ORDER_UNCHANGED;
	json_t *core = json_object();
	char from[24], to[24];
	snprintf(from, sizeof from, "%lld", s.revision);
	snprintf(to, sizeof to, "%lld", o->revision);
	audit_change(core, "revision", from, to);
	audit_change(core, "activated", s.activated ? "true" : "false", o->activated ? "true" : "false");
	audit_change(core, "expiryDate", s.expiry, or_empty(o->expiry_date));
	snprintf(from, sizeof from, "%lld", s.licenses);
	snprintf(to, sizeof to, "%lld", licenses_of(o));
	audit_change(core, "licenses", from, to);
	int ok = update_order(d, s.id, o) == 0 && write_parts(d, s.id, o) == 0 &&
		 (!s.assigned || order_subscriptions_sync(d, s.id) == 0) &&
		 order_event(d, who, actor_ref, partner_id, "order.update", s.id, number, core) == 0;
	json_decref(core);
	return ok ? ORDER_UPDATED : -1;
}

int partner_set_billing_id(db *d, const char *partner_id, const char *billing_id)
{
	long long n = db_exec(d, "UPDATE accounts SET billing_id = NULLIF(?, ''), updated_at = UTC_TIMESTAMP()"
				 " WHERE id = ? AND kind = 'partner'",
			      "ss", billing_id, partner_id);
	if (n < 0)
		return db_errno(d) == 1062 ? -2 : -1;
	if (n == 1)
		return 1;
	long long exists;
	if (db_int(d, &exists, "SELECT COUNT(*) FROM accounts WHERE id = ? AND kind = 'partner'", "s", partner_id) != 1)
		return -1;
	return exists ? 1 : 0;
}

int partner_has_billing(db *d, const char *partner_id)
{
	long long n;
	if (db_int(d, &n, "SELECT COUNT(*) FROM accounts WHERE id = ? AND kind = 'partner' AND billing_id IS NOT NULL",
		   "s", partner_id) != 1)
		return -1;
	return n > 0;
}

int partner_set_prime(db *d, const char *partner_id, int prime)
{
	long long n;
	if (db_exec(d, "UPDATE accounts SET prime_partner = ?, updated_at = UTC_TIMESTAMP() WHERE id = ? AND kind = 'partner'",
		    "is", (long long)(prime != 0), partner_id) < 0 ||
	    db_int(d, &n, "SELECT COUNT(*) FROM accounts WHERE id = ? AND kind = 'partner'", "s", partner_id) != 1)
		return -1;
	return n > 0;
}
