/* MiVoice Business Numbers (guide §3.1.2 Numbers): extension ranges and
 * the rules of DID numbers. */
#include "lib/mivb/numbers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int digits(const char *s, size_t min, size_t max)
{
	size_t n = strlen(s);
	if (n < min || n > max)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int mivb_dn_valid(const char *dn)
{
	return dn && digits(dn, 1, MIVB_DN_MAX);
}

int mivb_did_valid(const char *number)
{
	return number && digits(number + (number[0] == '+'), 3, MIVB_DID_MAX - 1);
}

static struct mivb_fault fault(const char *field, const char *reason)
{
	return (struct mivb_fault){field, reason};
}

struct mivb_fault mivb_range_check(const char *start, const char *end)
{
	if (!*start)
		return fault("start", "required");
	if (!mivb_dn_valid(start))
		return fault("start", "invalid");
	if (!*end)
		return fault("end", "required");
	if (!mivb_dn_valid(end))
		return fault("end", "invalid");
	if (strlen(start) != strlen(end))
		return fault("end", "length");
	if (strcmp(start, end) > 0)
		return fault("end", "order");
	if (strtoll(end, NULL, 10) - strtoll(start, NULL, 10) + 1 > MIVB_RANGE_MAX_DNS)
		return fault("end", "too_many");
	return fault(NULL, NULL);
}

int mivb_did_range(const char *start, const char *end, char (*out)[MIVB_DID_MAX + 1], int max,
		   struct mivb_fault *f)
{
	*f = fault(NULL, NULL);
	if (!mivb_did_valid(start)) {
		*f = fault("range_start", *start ? "invalid" : "required");
		return 0;
	}
	if (!mivb_did_valid(end)) {
		*f = fault("range_end", *end ? "invalid" : "required");
		return 0;
	}
	if (strlen(start) != strlen(end) || (start[0] == '+') != (end[0] == '+')) {
		*f = fault("range_end", "length");
		return 0;
	}
	size_t plus = start[0] == '+';
	/* 15 digits fit a long long; the numbers keep their leading zeros */
	long long a = strtoll(start + plus, NULL, 10), b = strtoll(end + plus, NULL, 10);
	if (a > b) {
		*f = fault("range_end", "order");
		return 0;
	}
	if (b - a + 1 > MIVB_DID_RANGE_MAX || b - a + 1 > max) {
		*f = fault("range_end", "too_many");
		return 0;
	}
	int width = (int)(strlen(start) - plus);
	for (long long n = a; out && n <= b; n++)
		snprintf(out[n - a], MIVB_DID_MAX + 1, "%s%0*lld", plus ? "+" : "", width, n);
	return (int)(b - a + 1);
}

/* ---- extension ranges ---- */

static int range_from_row(void *ctx, const struct db_row *row)
{
	struct mivb_range *r = ctx;
	r->id = row_int(row, "id");
	row_copy(row, "start_dn", r->start, sizeof r->start);
	row_copy(row, "end_dn", r->end, sizeof r->end);
	return 0;
}

struct each_ctx {
	int (*fn)(void *ctx, const struct mivb_range *r);
	void *ctx;
};

static int each_row(void *ctx, const struct db_row *row)
{
	struct each_ctx *c = ctx;
	struct mivb_range r;
	range_from_row(&r, row);
	return c->fn(c->ctx, &r);
}

int mivb_ranges_each(db *d, const char *account_id, int (*fn)(void *ctx, const struct mivb_range *r), void *ctx)
{
	struct each_ctx c = {fn, ctx};
	return db_each(d, each_row, &c,
		       "SELECT id, start_dn, end_dn FROM mivb_ranges WHERE account_id = ? ORDER BY start_dn, id", "s",
		       account_id);
}

int mivb_range_find(db *d, const char *account_id, long long id, struct mivb_range *out)
{
	return db_one(d, range_from_row, out, "SELECT id, start_dn, end_dn FROM mivb_ranges WHERE account_id = ? AND id = ?",
		      "si", account_id, id);
}

int mivb_range_clash(db *d, const char *account_id, long long except_id, const char *start, const char *end,
		     struct mivb_range *clash)
{
	/* the account's row orders concurrent range writes */
	long long one;
	if (db_int(d, &one, "SELECT 1 FROM accounts WHERE id = ? FOR UPDATE", "s", account_id) != 1)
		return -1;
	/* same-length digit strings compare as their numbers */
	return db_one(d, range_from_row, clash,
		      "SELECT id, start_dn, end_dn FROM mivb_ranges WHERE account_id = ? AND id <> ?"
		      " AND CHAR_LENGTH(start_dn) = CHAR_LENGTH(?) AND start_dn <= ? AND end_dn >= ?"
		      " ORDER BY start_dn LIMIT 1",
		      "sisss", account_id, except_id, start, end, start);
}

long long mivb_range_insert(db *d, const char *account_id, const char *start, const char *end)
{
	if (db_exec(d, "INSERT INTO mivb_ranges (account_id, start_dn, end_dn, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP())",
		    "sss", account_id, start, end) != 1)
		return -1;
	return (long long)db_insert_id(d);
}

int mivb_range_update(db *d, const char *account_id, long long id, const char *start, const char *end)
{
	struct mivb_range r;
	int found = mivb_range_find(d, account_id, id, &r);
	if (found <= 0)
		return found;
	return db_exec(d, "UPDATE mivb_ranges SET start_dn = ?, end_dn = ? WHERE account_id = ? AND id = ?", "sssi", start,
		       end, account_id, id) < 0 ? -1 : 1;
}

int mivb_range_delete(db *d, const char *account_id, long long id)
{
	long long n = db_exec(d, "DELETE FROM mivb_ranges WHERE account_id = ? AND id = ?", "si", account_id, id);
	return n < 0 ? -1 : n > 0;
}

struct query_ctx {
	char *out;
	size_t size, used;
};

static int add_to_query(void *ctx, const struct mivb_range *r)
{
	struct query_ctx *q = ctx;
	int n = snprintf(q->out + q->used, q->size - q->used, "%s%s-%s", q->used ? "," : "", r->start, r->end);
	if (n > 0 && (size_t)n < q->size - q->used)
		q->used += (size_t)n;
	else
		q->out[q->used] = 0;
	return 0;
}

int mivb_ranges_query(db *d, const char *account_id, char *out, size_t size)
{
	struct query_ctx q = {out, size, 0};
	out[0] = 0;
	return mivb_ranges_each(d, account_id, add_to_query, &q);
}
