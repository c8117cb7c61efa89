/* A partner's order file feed and the files it took (ch2 §3.7): each file
 * applied once, whole, through the API's checks and write. */
#include "lib/order_feed.h"
#include "lib/core/crypto.h"
#include "lib/notifications.h"
#include "lib/orders.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int order_feed_set(db *d, const char *partner_id, const char *source)
{
	long long partner;
	if (db_int(d, &partner, "SELECT COUNT(*) FROM accounts WHERE id = ? AND kind = 'partner'", "s", partner_id) != 1)
		return -1;
	if (!partner)
		return 0;
	if (!*source)
		return db_exec(d, "DELETE FROM order_feeds WHERE partner_id = ?", "s", partner_id) < 0 ? -1 : 1;
	return db_exec(d, "INSERT INTO order_feeds (partner_id, source, due_at) VALUES (?, ?, UTC_TIMESTAMP())"
			  " ON DUPLICATE KEY UPDATE source = VALUES(source), due_at = UTC_TIMESTAMP()",
		       "ss", partner_id, source) < 0 ? -1 : 1;
}

long long order_feeds_claim(db *d, const char *owner, int lease_seconds)
{
	return db_claim(d,
		"SELECT id FROM order_feeds WHERE due_at <= UTC_TIMESTAMP()"
		" AND (lease_until IS NULL OR lease_until < UTC_TIMESTAMP())"
		" ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED",
		"UPDATE order_feeds SET lease_owner = ?, lease_until = UTC_TIMESTAMP() + INTERVAL ? SECOND WHERE id = ?",
		owner, lease_seconds);
}

static int feed_row(void *ctx, const struct db_row *row)
{
	struct order_feed *f = ctx;
	f->id = row_int(row, "id");
	row_copy(row, "partner_id", f->partner_id, sizeof f->partner_id);
	row_copy(row, "source", f->source, sizeof f->source);
	return 0;
}

int order_feed_load(db *d, long long id, struct order_feed *out)
{
	return db_one(d, feed_row, out, "SELECT id, partner_id, source FROM order_feeds WHERE id = ?", "i", id);
}

int order_feed_checked(db *d, long long id, const char *owner, const char *error, int poll_minutes)
{
	return db_exec(d, "UPDATE order_feeds SET due_at = UTC_TIMESTAMP() + INTERVAL ? MINUTE, lease_owner = NULL,"
			  " lease_until = NULL, checked_at = UTC_TIMESTAMP(6), last_error = LEFT(?, 1000)"
			  " WHERE id = ? AND lease_owner = ?",
		       "isis", (long long)poll_minutes, error, id, owner) < 0 ? -1 : 0;
}

int order_feed_seen(db *d, const char *partner_id, const char *name, long long size, const char *sha256)
{
	long long n;
	if (db_int(d, &n, "SELECT COUNT(*) FROM order_feed_files WHERE partner_id = ? AND name = ? AND size = ? AND sha256 = ?",
		   "ssis", partner_id, name, size, sha256) != 1)
		return -1;
	return n > 0;
}

/* ---- one file ---- */

struct apply {
	db *d;
	const char *partner_id, *name;
	long long size;
	char sha[TOKEN_HEX];
	json_t *orders;
	struct order_doc *doc;
	struct order_feed_outcome *out;
};

/* The first bad order of the file, as "row 4 (A-S1): lines[0].quantity is required". */
static int check_orders(struct apply *a)
{
	size_t i;
	json_t *o;
	json_array_foreach(a->orders, i, o) {
		const char *at = json_string_value(json_object_get(o, "at"));
		const char *number = json_string_value(json_object_get(o, "orderNumber"));
		if (!order_number_valid(number)) {
			snprintf(a->out->error, sizeof a->out->error, "%s: orderNumber is missing or not an order number", at);
			return -1;
		}
		json_t *errors = json_object();
		if (order_parse(o, a->doc, errors) != 0) {
			const char *field = json_object_iter_key(json_object_iter(errors));
			snprintf(a->out->error, sizeof a->out->error, "%s (%s): %s %s", at, number, field,
				 json_string_value(json_object_get(errors, field)));
			json_decref(errors);
			return -1;
		}
		json_decref(errors);
	}
	return 0;
}

static const struct actor feed_actor = {0, "Order feed", ""};

#define TAKEN_BEFORE 1
#define REJECTED 2             /* a bad order or an unknown billing account: nothing of the file kept */

/* Every order of the file and the file's record, in one transaction. */
static int apply_body(void *ctx)
{
	struct apply *a = ctx;
	a->out->orders = 0;
	long long n = db_exec(a->d, "INSERT IGNORE INTO order_feed_files (partner_id, name, size, sha256, outcome, taken_at)"
				    " VALUES (?, ?, ?, ?, 'applied', UTC_TIMESTAMP())",
			      "ssis", a->partner_id, a->name, a->size, a->sha);
	if (n <= 0)
		return n < 0 ? -1 : TAKEN_BEFORE;
	long long file_id = (long long)db_insert_id(a->d);
	char actor_ref[40];
	snprintf(actor_ref, sizeof actor_ref, "order-feed:%lld", file_id);
	size_t i;
	json_t *o;
	json_array_foreach(a->orders, i, o) {
		const char *number = json_string_value(json_object_get(o, "orderNumber"));
		json_t *errors = json_object();
		int parsed = order_parse(o, a->doc, errors);
		json_decref(errors);
		long long id;
		int rc = parsed == 0 ? order_put(a->d, &feed_actor, actor_ref, a->partner_id, number, a->doc, &id) : -1;
		if (rc < 0)
			return -1;
		if (rc == ORDER_UNKNOWN_PARTNER) {
			snprintf(a->out->error, sizeof a->out->error,
				 "%s (%s): partnerBillingId is not the billing account of this partner",
				 json_string_value(json_object_get(o, "at")), number);
			return REJECTED;
		}
		a->out->orders += rc == ORDER_CREATED || rc == ORDER_UPDATED;
	}
	return db_exec(a->d, "UPDATE order_feed_files SET orders = ? WHERE id = ?", "ii", a->out->orders, file_id) == 1 ? 0 : -1;
}

/* The notification's text: "name: error", cut to the bell's 255 characters
 * on a character boundary. */
static void subject_of(const struct apply *a, char *out, size_t size)
{
	snprintf(out, size, "%s: %s", a->name, a->out->error);
	size_t n = strlen(out), chars = 0, i = 0;
	for (; i < n; i++)
		if (((unsigned char)out[i] & 0xc0) != 0x80 && ++chars > 255)
			break;
	out[i] = 0;
}

/* The rejected file's record and its notification, in one transaction. */
static int reject_body(void *ctx)
{
	struct apply *a = ctx;
	long long n = db_exec(a->d, "INSERT IGNORE INTO order_feed_files (partner_id, name, size, sha256, outcome, error, taken_at)"
				    " VALUES (?, ?, ?, ?, 'rejected', LEFT(?, 1000), UTC_TIMESTAMP())",
			      "ssiss", a->partner_id, a->name, a->size, a->sha, a->out->error);
	if (n <= 0)
		return n < 0 ? -1 : TAKEN_BEFORE;
	char subject[1100];
	subject_of(a, subject, sizeof subject);
	return notifications_for_admins(a->d, a->partner_id, "order_feed_rejected", subject, NULL, NULL) < 0 ? -1 : 0;
}

int order_feed_apply(db *d, const char *partner_id, const char *name, const char *data, size_t len, const char *refused,
		     struct order_feed_outcome *out)
{
	memset(out, 0, sizeof *out);
	struct apply a = {d, partner_id, name, (long long)len, "", NULL, NULL, out};
	sha256_hex_of(data, len, a.sha);
	a.doc = malloc(sizeof *a.doc);
	if (!a.doc)
		return -1;
	if (refused)
		snprintf(out->error, sizeof out->error, "%s", refused);
	else
		a.orders = order_feed_parse(name, data, len, out->error, sizeof out->error);
	int rc = a.orders && check_orders(&a) == 0 ? db_tx(d, apply_body, &a) : REJECTED;
	if (rc == REJECTED) {
		out->rejected = 1;
		out->orders = 0;
		rc = db_tx(d, reject_body, &a);
	}
	out->taken = rc == 0;
	json_decref(a.orders);
	free(a.doc);
	return rc < 0 ? -1 : 0;
}
