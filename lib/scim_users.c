#include "lib/scim_users.h"
#include "lib/core/config.h"
#include "lib/core/crypto.h"
#include "lib/scim/json_util.h"
#include "lib/scim/resource.h"
#include "lib/sessions.h"
#include "lib/users.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

const struct actor scim_actor = {0, "SCIM", ""};

void scim_base_url(const char *account_id, char *out, size_t size)
{
	const char *site = cfg_str("Site.BaseURL", "");
	size_t n = strlen(site);
	while (n > 0 && site[n - 1] == '/')
		n--;
	snprintf(out, size, "%.*s/scim/v2/%s", (int)n, site, account_id);
}

/* ---- reading ---- */

/* Every column a resource is made of: the user, its SCIM document, its
 * groups (one indexed subquery per user of the page, in the same
 * statement: "id:name" pairs, separated by the unit separator, which no
 * group name holds; GROUP_CONCAT, because a JSON aggregate in a subquery
 * costs the server several times more per row). */
#define USER_COLS \
	"u.id, u.first_name, u.last_name, u.name, u.display_name, u.email, u.mobile, u.active," \
	" DATE_FORMAT(u.created_at, '%Y-%m-%d %H:%i:%s') AS created," \
	" DATE_FORMAT(u.updated_at, '%Y-%m-%d %H:%i:%s') AS modified," \
	" s.user_name, s.external_id, s.doc," \
	" (SELECT GROUP_CONCAT(g.id, ':', g.display_name ORDER BY g.display_name, g.id SEPARATOR '\x1f')" \
	"  FROM user_group_members m JOIN user_groups g ON g.id = m.group_id WHERE m.user_id = u.id) AS user_groups"
#define FROM_USERS " FROM users u LEFT JOIN scim_users s ON s.user_id = u.id"

static json_t *resource_of(const struct db_row *row, const char *base)
{
	struct scim_user_view v = {
		.id = row_int(row, "id"),
		.user_name = row_str(row, "user_name"),
		.external_id = row_str(row, "external_id"),
		.first_name = row_str(row, "first_name"),
		.last_name = row_str(row, "last_name"),
		.name = row_str(row, "name"),
		.display_name = row_str(row, "display_name"),
		.email = row_str(row, "email"),
		.mobile = row_str(row, "mobile"),
		.active = (int)row_int(row, "active"),
		.created = row_str(row, "created"),
		.modified = row_str(row, "modified"),
	};
	json_t *doc = row_null(row, "doc") ? NULL : json_loads(row_str(row, "doc"), 0, NULL);
	json_t *groups = NULL;
	for (const char *p = row_str(row, "user_groups"); *p;) {
		size_t len = strcspn(p, "\x1f"), idlen = strcspn(p, ":");
		if (idlen < len && idlen < 24) {
			char id[24], ref[1200];
			snprintf(id, sizeof id, "%.*s", (int)idlen, p);
			snprintf(ref, sizeof ref, "%s/Groups/%s", base, id);
			if (!groups)
				groups = json_array();
			json_array_append_new(groups, json_pack("{s:s,s:s%,s:s,s:s}", "value", id, "display", p + idlen + 1,
								len - idlen - 1, "$ref", ref, "type", "direct"));
		}
		p += len + (p[len] != 0);
	}
	json_t *res = scim_user_resource(&v, doc, groups, base);
	json_decref(doc);
	json_decref(groups);
	return res;
}

struct one {
	const char *base;
	json_t *res;
};

static int one_row(void *ctx, const struct db_row *row)
{
	struct one *o = ctx;
	o->res = resource_of(row, o->base);
	return o->res ? 0 : -1;
}

int scim_user_read(db *d, const char *account_id, long long id, int for_update, const char *base, json_t **out)
{
	struct one o = {base, NULL};
	int rc = for_update
		? db_one(d, one_row, &o, "SELECT " USER_COLS FROM_USERS " WHERE u.account_id = ? AND u.id = ? FOR UPDATE",
			 "si", account_id, id)
		: db_one(d, one_row, &o, "SELECT " USER_COLS FROM_USERS " WHERE u.account_id = ? AND u.id = ?", "si",
			 account_id, id);
	*out = rc == 1 ? o.res : NULL;
	if (rc != 1)
		json_decref(o.res);
	return rc;
}

/* ---- lists ---- */

/* The users a list reads, each once. */
struct candidates {
	const char *base;
	json_t *res[SCIM_CANDIDATES_MAX + 2];
	long long ids[SCIM_CANDIDATES_MAX + 2];
	int n;
	int overflow;
};

static int candidate_row(void *ctx, const struct db_row *row)
{
	struct candidates *c = ctx;
	long long id = row_int(row, "id");
	for (int i = 0; i < c->n; i++)
		if (c->ids[i] == id)
			return 0;
	if (c->n >= SCIM_CANDIDATES_MAX) {
		c->overflow = 1;
		return 0;
	}
	json_t *r = resource_of(row, c->base);
	if (!r)
		return -1;
	c->ids[c->n] = id;
	c->res[c->n++] = r;
	return 0;
}

static void candidates_clear(struct candidates *c)
{
	for (int i = 0; i < c->n; i++)
		json_decref(c->res[i]);
	c->n = 0;
	c->overflow = 0;
}

/* What an index can look up. */
enum lookup_kind {
	LK_ID, LK_EXTERNAL, LK_USERNAME, LK_EMAIL, LK_PHONE, LK_GROUP, LK_USERNAME_PREFIX, LK_EMAIL_PREFIX,
	LK_DISPLAY, LK_FAMILY, LK_DISPLAY_PREFIX, LK_FAMILY_PREFIX, LK_MODIFIED,
};

struct lookup {
	enum lookup_kind kind;
	char value[1024];             /* the text looked up (a LIKE pattern for prefixes) */
	long long id;
	char lo[24], hi[24];          /* LK_MODIFIED: inclusive bounds, "YYYY-MM-DD HH:MM:SS" */
};

#define LOOKUPS_MAX 16

static void like_prefix(const char *text, char *out, size_t size)
{
	size_t n = 0;
	for (const char *p = text; *p && n + 3 < size; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			out[n++] = '\\';
		out[n++] = *p;
	}
	out[n++] = '%';
	out[n] = 0;
}

static void sql_time(double t, char out[24])
{
	if (t < 0)
		t = 0;
	if (t > 253402300799.0)
		t = 253402300799.0;
	time_t s = (time_t)t;
	struct tm tm;
	gmtime_r(&s, &tm);
	strftime(out, 24, "%Y-%m-%d %H:%M:%S", &tm);
}

/* The lookup one comparison allows: 1, or 0 when no index serves it. */
static int lookup_of(const struct scim_path *p, const char *sub, enum scim_op op, const struct scim_filter *lit,
		     struct lookup *l)
{
	if (p->urn[0] || lit->lit != SCIM_LIT_STRING)
		return 0;
	const char *a = p->attr;
	int eq = op == SCIM_EQ, sw = op == SCIM_SW;
	int value_sub = !*sub || strcmp(sub, "value") == 0;
	memset(l, 0, sizeof *l);
	if (strcmp(a, "id") == 0 && eq && valid_id(lit->str)) {
		l->kind = LK_ID;
		l->id = strtoll(lit->str, NULL, 10);
	} else if (strcmp(a, "externalId") == 0 && eq) {
		l->kind = LK_EXTERNAL;
	} else if (strcmp(a, "userName") == 0 && (eq || sw)) {
		l->kind = eq ? LK_USERNAME : LK_USERNAME_PREFIX;
	} else if (strcmp(a, "emails") == 0 && value_sub && (eq || sw)) {
		l->kind = eq ? LK_EMAIL : LK_EMAIL_PREFIX;
	} else if (strcmp(a, "phoneNumbers") == 0 && value_sub && eq) {
		l->kind = LK_PHONE;
		char number[PHONE_MAX + 1];
		snprintf(l->value, sizeof l->value, "%s", phone_normalise(lit->str, number) ? number : lit->str);
		return 1;
	} else if (strcmp(a, "groups") == 0 && value_sub && eq && valid_id(lit->str)) {
		l->kind = LK_GROUP;
		l->id = strtoll(lit->str, NULL, 10);
	} else if (strcmp(a, "displayName") == 0 && (eq || sw)) {
		l->kind = eq ? LK_DISPLAY : LK_DISPLAY_PREFIX;
	} else if (strcmp(a, "name") == 0 && strcmp(sub, "familyName") == 0 && (eq || sw)) {
		l->kind = eq ? LK_FAMILY : LK_FAMILY_PREFIX;
	} else if (strcmp(a, "meta") == 0 && strcmp(sub, "lastModified") == 0 && op != SCIM_NE && op <= SCIM_LE &&
		   op != SCIM_CO && op != SCIM_SW && op != SCIM_EW) {
		double t;
		if (!scim_datetime(lit->str, &t))
			return 0;
		l->kind = LK_MODIFIED;
		/* second-precision bounds around the instant: a superset, the filter decides */
		sql_time(op == SCIM_LT || op == SCIM_LE ? 0 : floor(t), l->lo);
		sql_time(op == SCIM_GT || op == SCIM_GE ? 253402300799.0 : ceil(t), l->hi);
		return 1;
	} else {
		return 0;
	}
	if (sw)
		like_prefix(lit->str, l->value, sizeof l->value);
	else
		snprintf(l->value, sizeof l->value, "%s", lit->str);
	return 1;
}

/* An "eq" on "value" among the and-ed tests of a value filter. */
static const struct scim_filter *value_test(const struct scim_filter *f)
{
	if (f->kind == SCIM_AND) {
		const struct scim_filter *l = value_test(f->left);
		return l ? l : value_test(f->right);
	}
	if (f->kind == SCIM_CMP && (f->op == SCIM_EQ || f->op == SCIM_SW) && strcmp(f->path.attr, "value") == 0 &&
	    !f->path.sub[0])
		return f;
	return NULL;
}

/* Lookups whose union holds every user the filter matches: 1 planned, 0
 * when some part of it no index serves. */
static int plan(const struct scim_filter *f, struct lookup *out, int *n)
{
	switch (f->kind) {
	case SCIM_OR: {
		int before = *n;
		if (plan(f->left, out, n) && plan(f->right, out, n))
			return 1;
		*n = before;
		return 0;
	}
	case SCIM_AND: {
		/* either side is enough: take the one whose lookups are the most selective */
		struct lookup a[LOOKUPS_MAX], b[LOOKUPS_MAX];
		int na = 0, nb = 0;
		int ok_a = plan(f->left, a, &na), ok_b = plan(f->right, b, &nb);
		if (!ok_a && !ok_b)
			return 0;
		int worst_a = 0, worst_b = 0;
		for (int i = 0; i < na; i++)
			worst_a = (int)a[i].kind > worst_a ? (int)a[i].kind : worst_a;
		for (int i = 0; i < nb; i++)
			worst_b = (int)b[i].kind > worst_b ? (int)b[i].kind : worst_b;
		int take_a = ok_a && (!ok_b || worst_a < worst_b || (worst_a == worst_b && na <= nb));
		const struct lookup *src = take_a ? a : b;
		int k = take_a ? na : nb;
		if (*n + k > LOOKUPS_MAX)
			return 0;
		memcpy(out + *n, src, (size_t)k * sizeof *src);
		*n += k;
		return 1;
	}
	case SCIM_NOT:
		return 0;
	case SCIM_CMP:
		if (*n == LOOKUPS_MAX || !lookup_of(&f->path, f->path.sub, f->op, f, &out[*n]))
			return 0;
		(*n)++;
		return 1;
	case SCIM_VALUE_PATH: {
		const struct scim_filter *t = f->compares ? f : value_test(f->inner);
		if (!t || *n == LOOKUPS_MAX)
			return 0;
		struct scim_path p = f->path;
		if (!lookup_of(&p, f->compares ? f->path.sub : "value", t->op, t, &out[*n]))
			return 0;
		(*n)++;
		return 1;
	}
	}
	return 0;
}

#define LIMIT " LIMIT ?"

/* Runs one lookup into c. 0, or -1. */
static int run_lookup(db *d, const char *acct, const struct lookup *l, struct candidates *c)
{
	long long cap = SCIM_CANDIDATES_MAX + 1;
	switch (l->kind) {
	case LK_ID:
		return db_each(d, candidate_row, c, "SELECT " USER_COLS FROM_USERS " WHERE u.account_id = ? AND u.id = ?",
			       "si", acct, l->id) < 0 ? -1 : 0;
	case LK_EXTERNAL:
		return db_each(d, candidate_row, c,
			       "SELECT " USER_COLS " FROM scim_users s JOIN users u ON u.id = s.user_id"
			       " WHERE s.account_id = ? AND s.external_id = ?" LIMIT, "ssi", acct, l->value, cap) < 0 ? -1 : 0;
	/* Lookups of two indexes are two statements: a UNION would build a
	 * temporary table for every lookup. The candidate set drops repeats. */
	case LK_USERNAME:
		/* a SCIM user's userName, or a console user's email: each a unique
		 * key, looked up once (a constant), then read by id, in one
		 * statement. By id only: weighing every index of the account's
		 * users for two ids costs the optimizer more than the reads. */
		return db_each(d, candidate_row, c,
			       "SELECT " USER_COLS " FROM users u FORCE INDEX (PRIMARY) LEFT JOIN scim_users s ON s.user_id = u.id"
			       " WHERE u.account_id = ? AND u.id IN ("
			       " (SELECT user_id FROM scim_users WHERE account_id = ? AND user_name = ?),"
			       " (SELECT u2.id FROM users u2 LEFT JOIN scim_users s2 ON s2.user_id = u2.id"
			       "  WHERE u2.account_id = ? AND u2.email = ? AND s2.user_id IS NULL))",
			       "sssss", acct, acct, l->value, acct, l->value) < 0 ? -1 : 0;
	case LK_USERNAME_PREFIX:
		return db_each(d, candidate_row, c,
			       "SELECT " USER_COLS " FROM scim_users s JOIN users u ON u.id = s.user_id"
			       " WHERE s.account_id = ? AND s.user_name LIKE ?" LIMIT, "ssi", acct, l->value, cap) < 0 ||
		       db_each(d, candidate_row, c,
			       "SELECT " USER_COLS FROM_USERS " WHERE u.account_id = ? AND u.email LIKE ? AND s.user_id IS NULL" LIMIT,
			       "ssi", acct, l->value, cap) < 0 ? -1 : 0;
	case LK_EMAIL:
		return db_each(d, candidate_row, c, "SELECT " USER_COLS FROM_USERS " WHERE u.account_id = ? AND u.email = ?",
			       "ss", acct, l->value) < 0 ||
		       db_each(d, candidate_row, c,
			       "SELECT " USER_COLS " FROM scim_user_values v JOIN users u ON u.id = v.user_id"
			       " LEFT JOIN scim_users s ON s.user_id = u.id"
			       " WHERE v.account_id = ? AND v.kind = 'email' AND v.value = ?" LIMIT, "ssi", acct, l->value, cap) < 0
			       ? -1 : 0;
	case LK_EMAIL_PREFIX:
		return db_each(d, candidate_row, c,
			       "SELECT " USER_COLS FROM_USERS " WHERE u.account_id = ? AND u.email LIKE ?" LIMIT, "ssi", acct,
			       l->value, cap) < 0 ||
		       db_each(d, candidate_row, c,
			       "SELECT " USER_COLS " FROM scim_user_values v JOIN users u ON u.id = v.user_id"
			       " LEFT JOIN scim_users s ON s.user_id = u.id"
			       " WHERE v.account_id = ? AND v.kind = 'email' AND v.value LIKE ?" LIMIT, "ssi", acct, l->value, cap) < 0
			       ? -1 : 0;
	case LK_PHONE:
		return db_each(d, candidate_row, c,
			       "SELECT " USER_COLS FROM_USERS " WHERE u.account_id = ? AND u.mobile = ?" LIMIT, "ssi", acct, l->value,
			       cap) < 0 ||
		       db_each(d, candidate_row, c,
			       "SELECT " USER_COLS " FROM scim_user_values v JOIN users u ON u.id = v.user_id"
			       " LEFT JOIN scim_users s ON s.user_id = u.id"
			       " WHERE v.account_id = ? AND v.kind = 'phone' AND v.value = ?" LIMIT, "ssi", acct, l->value, cap) < 0
			       ? -1 : 0;
	case LK_GROUP:
		return db_each(d, candidate_row, c,
			       "SELECT " USER_COLS " FROM user_group_members gm JOIN users u ON u.id = gm.user_id"
			       " LEFT JOIN scim_users s ON s.user_id = u.id"
			       " WHERE gm.group_id = ? AND gm.account_id = ?" LIMIT, "isi", l->id, acct, cap) < 0 ? -1 : 0;
	case LK_DISPLAY:
		return db_each(d, candidate_row, c,
			       "SELECT " USER_COLS FROM_USERS " WHERE u.account_id = ? AND u.display_name = ?" LIMIT, "ssi",
			       acct, l->value, cap) < 0 ? -1 : 0;
	case LK_DISPLAY_PREFIX:
		return db_each(d, candidate_row, c,
			       "SELECT " USER_COLS FROM_USERS " WHERE u.account_id = ? AND u.display_name LIKE ?" LIMIT,
			       "ssi", acct, l->value, cap) < 0 ? -1 : 0;
	case LK_FAMILY:
		return db_each(d, candidate_row, c,
			       "SELECT " USER_COLS FROM_USERS " WHERE u.account_id = ? AND u.last_name = ?" LIMIT, "ssi", acct,
			       l->value, cap) < 0 ? -1 : 0;
	case LK_FAMILY_PREFIX:
		return db_each(d, candidate_row, c,
			       "SELECT " USER_COLS FROM_USERS " WHERE u.account_id = ? AND u.last_name LIKE ?" LIMIT, "ssi",
			       acct, l->value, cap) < 0 ? -1 : 0;
	case LK_MODIFIED:
		return db_each(d, candidate_row, c,
			       "SELECT " USER_COLS FROM_USERS
			       " WHERE u.account_id = ? AND u.updated_at >= ? AND u.updated_at <= ?" LIMIT, "sssi", acct,
			       l->lo, l->hi, cap) < 0 ? -1 : 0;
	}
	return -1;
}

/* The users a filter is evaluated over: its lookups, else — a small
 * account — all of them. 0, SCIM_REFUSED (tooMany), or -1. */
static int gather(db *d, const char *acct, const struct scim_filter *f, struct candidates *c, struct scim_error *err)
{
	struct lookup ls[LOOKUPS_MAX];
	int n = 0;
	if (f && plan(f, ls, &n)) {
		for (int i = 0; i < n && !c->overflow; i++)
			if (run_lookup(d, acct, &ls[i], c) != 0)
				return -1;
		if (!c->overflow)
			return 0;
		candidates_clear(c);
	}
	long long users = 0;
	if (users_total(d, acct, &users) != 0)
		return -1;
	if (users > SCIM_CANDIDATES_MAX) {
		scim_fail(err, 400, "tooMany",
			  "the account has more than %d users: filter on an indexed attribute (id, userName, externalId,"
			  " emails, phoneNumbers, groups, displayName, name.familyName or meta.lastModified) that selects"
			  " at most %d of them", SCIM_CANDIDATES_MAX, SCIM_CANDIDATES_MAX);
		return SCIM_REFUSED;
	}
	long long cap = SCIM_CANDIDATES_MAX + 1;
	return db_each(d, candidate_row, c, "SELECT " USER_COLS FROM_USERS " WHERE u.account_id = ? ORDER BY u.id" LIMIT,
		       "si", acct, cap) < 0 ? -1 : 0;
}

static const struct scim_path *sort_path;
static int sort_descending;

static int by_sort(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int c = sort_path ? scim_sort_compare(x, y, sort_path) : 0;
	if (c == 0) {
		long long i = strtoll(json_string_value(json_object_get(x, "id")), NULL, 10);
		long long j = strtoll(json_string_value(json_object_get(y, "id")), NULL, 10);
		c = (i > j) - (i < j);
	}
	return sort_descending ? -c : c;
}

/* The sort orders an index serves for a whole account. */
enum page_order { PAGE_ID, PAGE_DISPLAY, PAGE_FAMILY, PAGE_MODIFIED, PAGE_NONE };

static enum page_order indexed_order(const struct scim_path *p)
{
	if (!p || (strcmp(p->attr, "id") == 0 && !p->urn[0]))
		return PAGE_ID;
	if (p->urn[0])
		return PAGE_NONE;
	if (strcmp(p->attr, "displayName") == 0)
		return PAGE_DISPLAY;
	if (strcmp(p->attr, "name") == 0 && strcmp(p->sub, "familyName") == 0)
		return PAGE_FAMILY;
	if (strcmp(p->attr, "meta") == 0 && strcmp(p->sub, "lastModified") == 0)
		return PAGE_MODIFIED;
	return PAGE_NONE;
}

/* A page of the whole account in an indexed order. */
static int page_rows(db *d, const char *acct, enum page_order o, int desc, long long limit, long long offset,
		     struct candidates *c)
{
#define PAGE(order) "SELECT " USER_COLS FROM_USERS " WHERE u.account_id = ? ORDER BY " order " LIMIT ? OFFSET ?"
	static const char *const sql[][2] = {
		[PAGE_ID] = {PAGE("u.id"), PAGE("u.id DESC")},
		[PAGE_DISPLAY] = {PAGE("u.display_name, u.id"), PAGE("u.display_name DESC, u.id DESC")},
		[PAGE_FAMILY] = {PAGE("u.last_name, u.id"), PAGE("u.last_name DESC, u.id DESC")},
		[PAGE_MODIFIED] = {PAGE("u.updated_at, u.id"), PAGE("u.updated_at DESC, u.id DESC")},
	};
#undef PAGE
	return db_each(d, candidate_row, c, sql[o][desc ? 1 : 0], "sii", acct, limit, offset) < 0 ? -1 : 0;
}

int scim_users_list(db *d, const char *account_id, const struct scim_list_query *q, const char *base,
		    json_t **resources, long long *total, struct scim_error *err)
{
	*resources = json_array();
	*total = 0;
	struct candidates *c = calloc(1, sizeof *c);
	if (!c)
		return -1;
	c->base = base;
	long start = q->start < 1 ? 1 : q->start;
	long count = q->count < 0 ? 0 : q->count > SCIM_PAGE_MAX ? SCIM_PAGE_MAX : q->count;
	int rc = 0;
	enum page_order order = indexed_order(q->sort_by);
	if (!q->filter && order != PAGE_NONE) {
		/* the whole account, paged by an index: its count is kept */
		rc = users_total(d, account_id, total);
		if (rc == 0 && count > 0)
			rc = page_rows(d, account_id, order, q->descending, count, start - 1, c);
		for (int i = 0; rc == 0 && i < c->n; i++)
			json_array_append(*resources, c->res[i]);
		candidates_clear(c);
		free(c);
		return rc;
	}
	rc = gather(d, account_id, q->filter, c, err);
	if (rc == 0) {
		int kept = 0;
		for (int i = 0; i < c->n; i++) {
			if (q->filter && !scim_filter_match(q->filter, c->res[i])) {
				json_decref(c->res[i]);
				continue;
			}
			c->res[kept++] = c->res[i];
		}
		c->n = kept;
		sort_path = q->sort_by;
		sort_descending = q->descending;
		qsort(c->res, (size_t)c->n, sizeof c->res[0], by_sort);
		*total = c->n;
		for (long i = start - 1; i < c->n && i < start - 1 + count; i++)
			json_array_append(*resources, c->res[i]);
	}
	candidates_clear(c);
	free(c);
	return rc;
}

static int doc_row(void *ctx, const struct db_row *row)
{
	json_t **out = ctx;
	*out = json_loads(row_str(row, "doc"), 0, NULL);
	return 0;
}

json_t *scim_user_patchable(db *d, const char *account_id, long long id, json_t *resource)
{
	json_t *doc = NULL;
	if (db_one(d, doc_row, &doc, "SELECT doc FROM scim_users WHERE account_id = ? AND user_id = ?", "si", account_id,
		   id) == 1 && doc)
		return doc;
	json_decref(doc);
	doc = json_deep_copy(resource);
	json_object_del(doc, "id");
	json_object_del(doc, "meta");
	json_object_del(doc, "groups");
	return doc;
}

/* ---- writing ---- */

/* 1 when another user of the account (not self) holds the value: kind
 * "userName" (a SCIM user's, or a console user's email), "email" or
 * "phone". */
static int taken(db *d, const char *acct, long long self, const char *kind, const char *value)
{
	/* each index its own statement (a UNION builds a temporary table), the first hit enough */
	long long other = 0;
	int rc;
	if (strcmp(kind, "userName") == 0) {
		rc = db_int(d, &other, "SELECT user_id FROM scim_users WHERE account_id = ? AND user_name = ? AND user_id <> ?",
			    "ssi", acct, value, self);
		if (rc == 0)
			rc = db_int(d, &other,
				    "SELECT u.id FROM users u LEFT JOIN scim_users s ON s.user_id = u.id"
				    " WHERE u.account_id = ? AND u.email = ? AND u.id <> ? AND s.user_id IS NULL LIMIT 1",
				    "ssi", acct, value, self);
	} else if (strcmp(kind, "email") == 0) {
		rc = db_int(d, &other, "SELECT id FROM users WHERE account_id = ? AND email = ? AND id <> ?", "ssi", acct, value,
			    self);
		if (rc == 0)
			rc = db_int(d, &other,
				    "SELECT user_id FROM scim_user_values WHERE account_id = ? AND kind = 'email' AND value = ?"
				    " AND user_id <> ? LIMIT 1", "ssi", acct, value, self);
	} else {
		rc = db_int(d, &other, "SELECT id FROM users WHERE account_id = ? AND mobile = ? AND id <> ? LIMIT 1", "ssi", acct,
			    value, self);
		if (rc == 0)
			rc = db_int(d, &other, "SELECT id FROM users WHERE account_id = ? AND extension = ? AND id <> ? LIMIT 1",
				    "ssi", acct, value, self);
		if (rc == 0)
			rc = db_int(d, &other,
				    "SELECT user_id FROM scim_user_values WHERE account_id = ? AND kind = 'phone' AND value = ?"
				    " AND user_id <> ? LIMIT 1", "ssi", acct, value, self);
	}
	return rc;
}

/* What a create looks up about its userName in one statement: the console
 * user it adopts, and who else holds it as a userName or as an email. */
struct name_holders {
	long long adoptee, named, emailed;
};

static int name_holders_row(void *ctx, const struct db_row *row)
{
	struct name_holders *h = ctx;
	h->adoptee = row_int(row, "adoptee");
	h->named = row_int(row, "named");
	h->emailed = row_int(row, "emailed");
	return 0;
}

/* The adoptee is a plain read: locking the gap where no such user is would
 * deadlock concurrent creates (the replace locks the row). */
static int name_holders(db *d, const char *acct, const char *user_name, struct name_holders *h)
{
	memset(h, 0, sizeof *h);
	return db_one(d, name_holders_row, h,
		      "SELECT (SELECT u.id FROM users u LEFT JOIN scim_users s ON s.user_id = u.id"
		      "        WHERE u.account_id = ? AND u.email = ? AND s.user_id IS NULL) AS adoptee,"
		      " (SELECT user_id FROM scim_users WHERE account_id = ? AND user_name = ?) AS named,"
		      " COALESCE((SELECT id FROM users WHERE account_id = ? AND email = ?),"
		      "  (SELECT user_id FROM scim_user_values WHERE account_id = ? AND kind = 'email' AND value = ? LIMIT 1))"
		      " AS emailed",
		      "ssssssss", acct, user_name, acct, user_name, acct, user_name, acct, user_name) == 1 ? 0 : -1;
}

/* The account's uniqueness rule (guide §3.2.6): user name, email, mobile,
 * phone and extension. known: a create's name_holders (NULL for a
 * replace), which answer for the userName and for an email that is the
 * userName. 0, SCIM_REFUSED (409 uniqueness naming the attribute), or -1. */
static int check_unique(db *d, const char *acct, long long self, const struct scim_user_fields *f,
			const struct name_holders *known, struct scim_error *err)
{
	int rc = known ? known->named != 0 : taken(d, acct, self, "userName", f->user_name);
	if (rc != 0)
		return rc < 0 ? -1 : (scim_fail(err, 409, "uniqueness", "userName \"%.200s\" is already taken in this account",
						f->user_name), SCIM_REFUSED);
	for (int i = 0; i < f->n_emails; i++) {
		rc = known && strcmp(f->emails[i], f->user_name) == 0 ? known->emailed != 0
								       : taken(d, acct, self, "email", f->emails[i]);
		if (rc != 0)
			return rc < 0 ? -1 : (scim_fail(err, 409, "uniqueness", "emails: %.200s is already used by another user",
							f->emails[i]), SCIM_REFUSED);
	}
	for (int i = 0; i < f->n_phones; i++) {
		rc = taken(d, acct, self, "phone", f->phones[i]);
		if (rc != 0)
			return rc < 0 ? -1 : (scim_fail(err, 409, "uniqueness",
							"phoneNumbers: %s is already used by another user (its mobile, phone or"
							" extension)", f->phones[i]), SCIM_REFUSED);
	}
	return 0;
}

void scim_fingerprint(json_t *doc, char out[17])
{
	char *text = json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS);
	char hash[TOKEN_HEX];
	sha256_hex(text ? text : "", hash);
	free(text);
	snprintf(out, 17, "%.16s", hash);
}

/* The externalId kept: a source's own id of the user, else the document's. */
static const char *external_of(const struct scim_writer *w, const struct scim_user_fields *f)
{
	return w->source_id ? w->source_key : f->external_id;
}

/* The scim_users row and the user's values, as doc and f say. */
static int store_document(db *d, const char *acct, long long id, const struct scim_writer *w, int adopted, int fresh,
			  json_t *doc, const struct scim_user_fields *f)
{
	char fp[17];
	scim_fingerprint(doc, fp);
	char *text = json_dumps(doc, JSON_COMPACT);
	const char *external = external_of(w, f);
	long long rc = text ? db_exec(d,
		"INSERT INTO scim_users (user_id, account_id, source_id, user_name, external_id, adopted, fingerprint, doc,"
		" created_at, updated_at) VALUES (?, ?, NULLIF(?, 0), ?, NULLIF(?, ''), ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
		" ON DUPLICATE KEY UPDATE source_id = VALUES(source_id), user_name = VALUES(user_name),"
		" external_id = VALUES(external_id), fingerprint = VALUES(fingerprint), doc = VALUES(doc),"
		" updated_at = UTC_TIMESTAMP()",
		"isississ", id, acct, w->source_id, f->user_name, external ? external : "", (long long)adopted, fp, text)
		: -1;
	free(text);
	if (rc < 0 || (!fresh && db_exec(d, "DELETE FROM scim_user_values WHERE user_id = ?", "i", id) < 0))
		return -1;
	for (int i = 0; i < f->n_emails; i++)
		if (db_exec(d, "INSERT IGNORE INTO scim_user_values (account_id, kind, value, user_id) VALUES (?, 'email', ?, ?)",
			    "ssi", acct, f->emails[i], id) < 0)
			return -1;
	for (int i = 0; i < f->n_phones; i++)
		if (db_exec(d, "INSERT IGNORE INTO scim_user_values (account_id, kind, value, user_id) VALUES (?, 'phone', ?, ?)",
			    "ssi", acct, f->phones[i], id) < 0)
			return -1;
	return 0;
}

/* A duplicate key the checks did not see (a concurrent write): 409. */
static int write_failed(db *d, const struct scim_user_fields *f, struct scim_error *err)
{
	if (db_errno(d) != 1062)
		return -1;
	scim_fail(err, 409, "uniqueness", "userName \"%.200s\" or email %.200s is already taken in this account",
		  f->user_name, f->email);
	return SCIM_REFUSED;
}

/* The last active Account Admin of an account stays: provisioning cannot
 * lock its administrators out. */
static int last_admin(db *d, const char *acct, long long id)
{
	long long others = 0, is_admin = 0;
	if (db_int(d, &is_admin, "SELECT COUNT(*) FROM users WHERE account_id = ? AND id = ? AND role = 'account_admin'",
		   "si", acct, id) < 0 ||
	    db_int(d, &others,
		   "SELECT COUNT(*) FROM users WHERE account_id = ? AND role = 'account_admin' AND active = 1 AND id <> ?",
		   "si", acct, id) < 0)
		return -1;
	return is_admin && others == 0;
}

/* The new row's id and its time, from the INSERT itself (RETURNING). */
struct inserted {
	long long id;
	char at[24];
};

static int inserted_row(void *ctx, const struct db_row *row)
{
	struct inserted *x = ctx;
	x->id = row_int(row, "id");
	row_copy(row, "at", x->at, sizeof x->at);
	return 0;
}

int scim_user_create(db *d, const char *account_id, const struct scim_writer *w, json_t *doc, long long *id,
		     enum scim_change *change, const char *base, json_t **created, struct scim_error *err)
{
	if (created)
		*created = NULL;
	struct scim_user_fields f;
	if (scim_user_fields(doc, &f, err) != 0)
		return SCIM_REFUSED;
	/* A console user signed in with this userName is adopted, not duplicated. */
	struct name_holders known;
	if (name_holders(d, account_id, f.user_name, &known) != 0)
		return -1;
	int rc;
	if (known.adoptee) {
		rc = scim_user_replace(d, account_id, w, known.adoptee, doc, change, err);
		if (rc == 0) {
			*id = known.adoptee;
			*change = SCIM_ADOPTED;
		}
		return rc;
	}
	if ((rc = check_unique(d, account_id, 0, &f, &known, err)) != 0)
		return rc;
	struct inserted row = {0};
	if (db_one(d, inserted_row, &row,
		   "INSERT INTO users (account_id, first_name, last_name, name, display_name, email, mobile, role, registered,"
		   " source, active, created_at, updated_at, updated_by_name)"
		   " VALUES (?, ?, ?, ?, ?, ?, ?, 'user', 0, 'SCIM', ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(), 'SCIM')"
		   " RETURNING id, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS at",
		   "sssssssi", account_id, f.first_name, f.last_name, f.name, f.display_name, f.email, f.mobile,
		   (long long)f.active) != 1)
		return write_failed(d, &f, err);
	*id = row.id;
	if (store_document(d, account_id, *id, w, 0, 1, doc, &f) != 0)
		return write_failed(d, &f, err);
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", *id);
	json_t *details = json_pack("{s:s,s:s,s:s,s:b}", "source", w->source_id ? "SCIM source" : "SCIM", "userName",
				    f.user_name, "email", f.email, "active", f.active);
	rc = audit_event(d, account_id, &scim_actor, "user.create", "user", id_text, f.display_name, details);
	json_decref(details);
	*change = SCIM_CREATED;
	if (rc != 0)
		return -1;
	/* what a read of the new row would give, without the read: a new user is in no group */
	if (created) {
		const struct scim_user_view v = {
			.id = *id, .user_name = f.user_name, .external_id = external_of(w, &f), .first_name = f.first_name,
			.last_name = f.last_name, .name = f.name, .display_name = f.display_name, .email = f.email,
			.mobile = f.mobile, .active = f.active, .created = row.at, .modified = row.at,
		};
		if (!(*created = scim_user_resource(&v, doc, NULL, base)))
			return -1;
	}
	return 0;
}

/* The stored state of a user, to compare with the new. */
struct stored {
	char first_name[404], last_name[404], name[804], email[1024], mobile[20], source[132];
	char user_name[1024], external_id[1024];
	int active, has_doc;
	char *doc;
};

static int stored_row(void *ctx, const struct db_row *row)
{
	struct stored *s = ctx;
	row_copy(row, "first_name", s->first_name, sizeof s->first_name);
	row_copy(row, "last_name", s->last_name, sizeof s->last_name);
	row_copy(row, "name", s->name, sizeof s->name);
	row_copy(row, "email", s->email, sizeof s->email);
	row_copy(row, "mobile", s->mobile, sizeof s->mobile);
	row_copy(row, "source", s->source, sizeof s->source);
	row_copy(row, "user_name", s->user_name, sizeof s->user_name);
	row_copy(row, "external_id", s->external_id, sizeof s->external_id);
	s->active = (int)row_int(row, "active");
	s->has_doc = !row_null(row, "doc");
	s->doc = s->has_doc ? strdup(row_str(row, "doc")) : NULL;
	return 0;
}

int scim_user_replace(db *d, const char *account_id, const struct scim_writer *w, long long id, json_t *doc,
		      enum scim_change *change, struct scim_error *err)
{
	*change = SCIM_NONE;
	struct scim_user_fields f;
	if (scim_user_fields(doc, &f, err) != 0)
		return SCIM_REFUSED;
	struct stored old = {0};
	int rc = db_one(d, stored_row, &old,
			"SELECT u.first_name, u.last_name, u.name, u.email, u.mobile, u.source, u.active,"
			" s.user_name, s.external_id, s.doc FROM users u LEFT JOIN scim_users s ON s.user_id = u.id"
			" WHERE u.account_id = ? AND u.id = ? FOR UPDATE",
			"si", account_id, id);
	if (rc != 1) {
		free(old.doc);
		return rc < 0 ? -1 : (scim_fail(err, 404, "", "no user %lld in this account", id), SCIM_REFUSED);
	}
	json_t *old_doc = old.doc ? json_loads(old.doc, 0, NULL) : NULL;
	free(old.doc);
	int same_doc = old_doc && json_equal(old_doc, doc);
	json_decref(old_doc);
	const char *external = external_of(w, &f);
	if (same_doc && strcmp(old.first_name, f.first_name) == 0 && strcmp(old.last_name, f.last_name) == 0 &&
	    strcmp(old.name, f.name) == 0 && strcmp(old.email, f.email) == 0 && strcmp(old.mobile, f.mobile) == 0 &&
	    old.active == f.active && strcmp(old.user_name, f.user_name) == 0 &&
	    strcmp(old.external_id, external ? external : "") == 0)
		return 0;
	if (!f.active && old.active && (rc = last_admin(d, account_id, id)) != 0)
		return rc < 0 ? -1 : (scim_fail(err, 400, "mutability",
						"the account's last active Account Admin cannot be deactivated by provisioning"),
				      SCIM_REFUSED);
	if ((rc = check_unique(d, account_id, id, &f, NULL, err)) != 0)
		return rc;
	if (db_exec(d,
		    "UPDATE users SET first_name = ?, last_name = ?, name = ?, display_name = ?, email = ?, mobile = ?,"
		    " active = ?, source = 'SCIM', updated_at = UTC_TIMESTAMP(), updated_by_name = 'SCIM'"
		    " WHERE account_id = ? AND id = ?",
		    "ssssssisi", f.first_name, f.last_name, f.name, f.display_name, f.email, f.mobile, (long long)f.active,
		    account_id, id) < 0)
		return write_failed(d, &f, err);
	if (store_document(d, account_id, id, w, !old.has_doc, 0, doc, &f) != 0)
		return write_failed(d, &f, err);
	if (!f.active && old.active && sessions_end_user(d, id) != 0)
		return -1;

	json_t *changes = json_object();
	if (!old.has_doc)
		json_object_set_new(changes, "adopted", json_pack("{s:s,s:s}", "from", old.source, "to", "SCIM"));
	audit_change(changes, "user_name", old.user_name[0] ? old.user_name : old.email, f.user_name);
	audit_change(changes, "external_id", old.external_id, external);
	audit_change(changes, "first_name", old.first_name, f.first_name);
	audit_change(changes, "last_name", old.last_name, f.last_name);
	audit_change(changes, "name", old.name, f.name);
	audit_change(changes, "email", old.email, f.email);
	audit_change(changes, "mobile", old.mobile, f.mobile);
	audit_change(changes, "active", old.active ? "true" : "false", f.active ? "true" : "false");
	if (!same_doc && json_object_size(changes) == 0)
		json_object_set_new(changes, "scim_document", json_string("changed"));
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", id);
	const char *action = f.active == old.active ? "user.update" : f.active ? "user.reactivate" : "user.deactivate";
	rc = audit_event(d, account_id, &scim_actor, action, "user", id_text, f.display_name, changes);
	json_decref(changes);
	*change = !f.active && old.active ? SCIM_DEACTIVATED : SCIM_UPDATED;
	return rc == 0 ? 0 : -1;
}

struct deleted {
	char name[1024];
	char email[1024];
};

static int deleted_row(void *ctx, const struct db_row *row)
{
	struct deleted *x = ctx;
	row_copy(row, "display_name", x->name, sizeof x->name);
	row_copy(row, "email", x->email, sizeof x->email);
	return 0;
}

int scim_user_delete(db *d, const char *account_id, long long id, struct scim_error *err)
{
	struct deleted x;
	memset(&x, 0, sizeof x);
	int rc = db_one(d, deleted_row, &x, "SELECT display_name, email FROM users WHERE account_id = ? AND id = ? FOR UPDATE",
			"si", account_id, id);
	if (rc != 1)
		return rc < 0 ? -1 : (scim_fail(err, 404, "", "no user %lld in this account", id), SCIM_REFUSED);
	if ((rc = last_admin(d, account_id, id)) != 0)
		return rc < 0 ? -1 : (scim_fail(err, 400, "mutability",
						"the account's last active Account Admin cannot be deleted by provisioning"),
				      SCIM_REFUSED);
	if (db_exec(d, "DELETE FROM users WHERE account_id = ? AND id = ?", "si", account_id, id) != 1)
		return -1;
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", id);
	json_t *details = json_pack("{s:s,s:s}", "source", "SCIM", "email", x.email);
	rc = audit_event(d, account_id, &scim_actor, "user.delete", "user", id_text, x.name, details);
	json_decref(details);
	return rc == 0 ? 0 : -1;
}

/* ---- for the users screens ---- */

int user_field_source_owned(const char *user_source, const char *field)
{
	static const char *const owned[] = {"first_name", "last_name", "name", "email", "mobile", NULL};
	if (!user_source || strcmp(user_source, "SCIM") != 0)
		return 0;
	for (const char *const *f = owned; *f; f++)
		if (strcmp(*f, field) == 0)
			return 1;
	return 0;
}

struct owner {
	long long source_id;
	char *name;
	size_t size;
};

static int owner_row(void *ctx, const struct db_row *row)
{
	struct owner *o = ctx;
	o->source_id = row_int(row, "source_id");
	row_copy(row, "name", o->name, o->size);
	return 0;
}

int scim_user_owner(db *d, const char *account_id, long long user_id, char *source, size_t size)
{
	struct owner o = {0, source, size};
	source[0] = 0;
	int rc = db_one(d, owner_row, &o,
			"SELECT COALESCE(su.source_id, 0) AS source_id, COALESCE(s.name, '') AS name FROM scim_users su"
			" JOIN users u ON u.id = su.user_id AND u.account_id = su.account_id"
			" LEFT JOIN scim_sources s ON s.id = su.source_id AND s.account_id = su.account_id"
			" WHERE su.account_id = ? AND su.user_id = ? AND u.source = 'SCIM'",
			"si", account_id, user_id);
	if (rc != 1)
		return rc < 0 ? -1 : 0;
	return o.source_id ? SCIM_OWNER_SOURCE : SCIM_OWNER_SERVER;
}

static int document_row(void *ctx, const struct db_row *row)
{
	char **out = ctx;
	json_t *doc = json_loads(row_str(row, "doc"), 0, NULL);
	*out = doc ? json_dumps(doc, JSON_INDENT(2) | JSON_SORT_KEYS) : NULL;
	json_decref(doc);
	return 0;
}

char *scim_user_document(db *d, const char *account_id, long long user_id)
{
	char *out = NULL;
	if (db_one(d, document_row, &out, "SELECT doc FROM scim_users WHERE account_id = ? AND user_id = ?", "si",
		   account_id, user_id) != 1) {
		free(out);
		return NULL;
	}
	return out;
}

struct holders {
	phone_holder_fn fn;
	void *ctx;
	const char *phone;
};

static int holder_row(void *ctx, const struct db_row *row)
{
	struct holders *h = ctx;
	struct phone_holder p = {
		.id = row_int(row, "id"),
		.display_name = row_str(row, "display_name"),
		.email = row_str(row, "email"),
		.phone = h->phone,
		.active = (int)row_int(row, "active"),
	};
	return h->fn(h->ctx, &p);
}

int scim_phone_holders(db *d, const char *account_id, const char *phone, int max, phone_holder_fn fn, void *ctx)
{
	char number[PHONE_MAX + 1];
	const char *e164 = phone_normalise(phone, number) ? number : phone;
	struct holders h = {fn, ctx, phone};
	return db_each(d, holder_row, &h,
		       "SELECT u.id, u.display_name, u.email, u.active FROM users u WHERE u.id IN ("
		       " (SELECT id FROM users WHERE account_id = ? AND mobile = ?)"
		       " UNION (SELECT id FROM users WHERE account_id = ? AND extension = ?)"
		       " UNION (SELECT user_id FROM scim_user_values WHERE account_id = ? AND kind = 'phone' AND value = ?))"
		       " AND u.account_id = ? ORDER BY u.display_name, u.id LIMIT ?",
		       "sssssssi", account_id, e164, account_id, phone, account_id, e164, account_id, (long long)max);
}
