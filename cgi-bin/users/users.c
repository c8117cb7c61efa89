/* The Users list (guide §2.4): one account's users, sortable by name, email,
 * extension, modification time and role, searchable as you type by the
 * prefix of a name, email or extension, 50 to a page.
 *
 * It must stay fast with 100,000 users in an account, so no query counts
 * or sorts the account's users, and every one walks an index of users that
 * starts with account_id:
 *  - without a search, the total is accounts.user_count (kept by triggers),
 *    and the page's ids come from the sort column's index (ix_users_name,
 *    ux_users_account_email, ix_users_ext, ix_users_updated, ix_users_role;
 *    each ends with the primary key, so ties are stable), read from the
 *    index alone; only then are the page's rows read;
 *  - a search matches a user when display_name, first name, last name,
 *    email or extension starts with the text: prefix ranges, each on its
 *    own index, first counted up to MATCHES_EXACT + 1 (see search_page);
 *  - LICENSES come from one correlated lookup per page row on
 *    user_licenses' primary key, inside the same single query. */
#include "cgi-bin/core/listing.h"
#include "lib/core/db_hdf.h"
#include "cgi-bin/core/request.h"
#include "cgi-bin/users/user_filter.h"
#include "cgi-bin/users/user_form.h"

#include <stdio.h>
#include <string.h>

/* Sort keys and their ORDER BY terms; " DESC" is added to each term for a
 * descending sort. The terms name only users' columns, unqualified, so the
 * same text orders the inner page query and the outer one. Each is exactly
 * the order of one index after account_id (secondary indexes end with the
 * primary key; email is unique within an account, so needs no tie-break). */
static const struct sort_column columns[] = {
	{"name", "display_name, id", 0},
	{"email", "email", 0},
	{"ext", "extension, id", 0},
	{"modified", "updated_at, id", 0},
	{"role", "role, display_name, id", 0},
	{NULL, NULL, 0},
};

/* The index serving each sort, in the order of columns[]. Named, because
 * for deep pages the optimizer otherwise prefers sorting a whole account
 * (0.3 s at 100,000 users) to skipping along the ordered index (0.04 s). */
static const char *const sort_index[] = {
	"ix_users_name", "ux_users_account_email", "ix_users_ext", "ix_users_updated", "ix_users_role",
};
_Static_assert(sizeof sort_index / sizeof sort_index[0] == sizeof columns / sizeof columns[0] - 1,
	       "one index per sort column");

/* A search's total is shown exactly up to this many matches; past it the
 * list says "more than 1,000" (Lang.users.many_matches) and pages on while
 * there are more. */
#define MATCHES_EXACT 1000

#define ROW_COLUMNS \
	"SELECT u.id, u.display_name, u.email, u.extension, u.role, u.registered, u.updated_by_name," \
	" DATE_FORMAT(u.updated_at, '%Y-%m-%d %H:%i') AS modified," \
	" (SELECT rl.name FROM roles rl WHERE rl.id = u.custom_role_id) AS custom_role," \
	" (SELECT GROUP_CONCAT(l.product ORDER BY l.product SEPARATOR ', ') FROM user_licenses l" \
	"  WHERE l.user_id = u.id AND l.account_id = u.account_id) AS licenses"

/* The search's prefix ranges, each on its own index (named: the optimizer
 * would rather scan the account on a covering index). A user matches when
 * display_name, first name, last name, email or extension starts with the
 * text. Two generated columns (schema.sql) let a range leave out users that
 * another one finds anyway: first_name_extra drops first names that
 * display_name begins with, and where email_lead is at least the text's
 * length, email starts with the text exactly when display_name does. Each
 * range takes the account and the prefix pattern; those with LEAD take the
 * text's length in characters between them (the IN list lets the range be
 * read as one per email_lead value). */
#define LEAD " AND email_lead IN (0, 1, 2, 3, 4, 5, 6, 7) AND email_lead < ?"
#define BY_NAME "FROM users FORCE INDEX (ix_users_name) WHERE account_id = ? AND display_name LIKE ?"
#define BY_NAME_LEAD "FROM users FORCE INDEX (ix_users_name_lead) WHERE account_id = ?" LEAD " AND display_name LIKE ?"
#define BY_FIRST "FROM users FORCE INDEX (ix_users_first_extra) WHERE account_id = ? AND first_name_extra LIKE ?"
#define BY_LAST "FROM users FORCE INDEX (ix_users_last) WHERE account_id = ? AND last_name LIKE ?"
#define BY_EMAIL "FROM users FORCE INDEX (ux_users_account_email) WHERE account_id = ? AND email LIKE ?"
#define BY_EMAIL_LEAD "FROM users FORCE INDEX (ix_users_email_lead) WHERE account_id = ?" LEAD " AND email LIKE ?"
#define BY_EXT "FROM users FORCE INDEX (ix_users_ext) WHERE account_id = ? AND extension LIKE ?"

/* Four ranges' ids, to follow a first SELECT; the third range has LEAD. */
#define FOUR(r1, r2, r3, r4) \
	" UNION SELECT id " r1 " UNION SELECT id " r2 " UNION SELECT id " r3 " UNION SELECT id " r4
#define FOUR_FMT "ss" "ss" "sis" "ss"
#define FOUR_ARGS(a, q, n) a, q, a, q, a, n, q, a, q

/* Ids of every match. */
#define MATCHES "SELECT id AS match_id " BY_NAME FOUR(BY_FIRST, BY_LAST, BY_EMAIL_LEAD, BY_EXT)
#define MATCHES_FMT "ss" FOUR_FMT

/* Each range's matches, counted up to a cap: MATCHES_EXACT + 1 first. */
enum { P_NAME, P_NAME_LEAD, P_FIRST, P_LAST, P_EMAIL_LEAD, P_EXT, PROBES };
static const char *const probe_names[PROBES] = {
	"by_name", "by_name_lead", "by_first", "by_last", "by_email_lead", "by_ext",
};
#define CAPPED(range, cap, as) "(SELECT COUNT(*) FROM (SELECT 1 " range " LIMIT " cap ") c) AS " as
#define PROBE(cap) \
	"SELECT " CAPPED(BY_NAME, cap, "by_name") ", " CAPPED(BY_NAME_LEAD, cap, "by_name_lead") ", " \
	CAPPED(BY_FIRST, cap, "by_first") ", " CAPPED(BY_LAST, cap, "by_last") ", " \
	CAPPED(BY_EMAIL_LEAD, cap, "by_email_lead") ", " CAPPED(BY_EXT, cap, "by_ext")
#define PROBE_FMT "ss" "sis" "ss" "ss" "sis" "ss"
#define PROBE_ARGS(a, q, n) a, q, a, n, q, a, q, a, q, a, n, q, a, q
_Static_assert(MATCHES_EXACT == 1000, "PROBE(\"1001\") counts to MATCHES_EXACT + 1");

/* Past MATCHES_EXACT, the ranges are counted again up to OTHERS_MAX + 1:
 * that many matches can still be joined and sorted in a few milliseconds. */
#define OTHERS_MAX 5000
_Static_assert(OTHERS_MAX == 5000, "PROBE(\"5001\") counts to OTHERS_MAX + 1");

/* For each sort, in the order of columns[]: a range read in the sort's
 * order, and four ranges that hold every match it does not. Name, email
 * and extension sort on a searched column, whose prefix range the sort's
 * index gives in order. Modified and role instead walk their index for
 * display_name matches, reading the index alone (both hold display_name),
 * until the page is full: fast only when display_name matches are many. */
#define BY_NAME_BY(index) "FROM users FORCE INDEX (" index ") WHERE account_id = ? AND display_name LIKE ?"
static const struct {
	const char *own;
	int own_is_range;
	const char *others;
	int counted[4];    /* the probe's count of each of the four */
} sort_ranges[] = {
	{BY_NAME, 1, FOUR(BY_FIRST, BY_LAST, BY_EMAIL_LEAD, BY_EXT), {P_FIRST, P_LAST, P_EMAIL_LEAD, P_EXT}},
	{BY_EMAIL, 1, FOUR(BY_FIRST, BY_LAST, BY_NAME_LEAD, BY_EXT), {P_FIRST, P_LAST, P_NAME_LEAD, P_EXT}},
	{BY_EXT, 1, FOUR(BY_FIRST, BY_NAME, BY_EMAIL_LEAD, BY_LAST), {P_FIRST, P_NAME, P_EMAIL_LEAD, P_LAST}},
	{BY_NAME_BY("ix_users_updated"), 0, FOUR(BY_FIRST, BY_LAST, BY_EMAIL_LEAD, BY_EXT),
	 {P_FIRST, P_LAST, P_EMAIL_LEAD, P_EXT}},
	{BY_NAME_BY("ix_users_role"), 0, FOUR(BY_FIRST, BY_LAST, BY_EMAIL_LEAD, BY_EXT),
	 {P_FIRST, P_LAST, P_EMAIL_LEAD, P_EXT}},
};
_Static_assert(sizeof sort_ranges / sizeof sort_ranges[0] == sizeof columns / sizeof columns[0] - 1,
	       "one entry per sort column");

/* Do the canonical ranges (those of MATCHES), or the sort's four others,
 * each hold at most max matches? */
static int all_within(const long long found[PROBES], long long max)
{
	return found[P_NAME] <= max && found[P_FIRST] <= max && found[P_LAST] <= max &&
	       found[P_EMAIL_LEAD] <= max && found[P_EXT] <= max;
}

static int others_within(const long long found[PROBES], size_t s, long long max)
{
	for (int i = 0; i < 4; i++)
		if (found[sort_ranges[s].counted[i]] > max)
			return 0;
	return 1;
}

static int probe(struct req *r, const char *sql, const char *q, long long n, long long found[PROBES])
{
	const char *a = r->acct.id;
	if (db_row(r->db, r->hdf, "Users.Probe", sql, PROBE_FMT, PROBE_ARGS(a, q, n)) != 1)
		return -1;
	for (int i = 0; i < PROBES; i++) {
		char name[40];
		snprintf(name, sizeof name, "Users.Probe.%s", probe_names[i]);
		found[i] = hdf_get_int_value(r->hdf, name, 0);
	}
	hdf_remove_tree(r->hdf, "Users.Probe");
	return 0;
}

/* "a, b" -> "a DESC, b DESC": program text from the table above, never input. */
static void order_terms(char *out, size_t size, const char *terms, int descending)
{
	size_t n = 0;
	out[0] = 0;
	for (const char *p = terms;; p++) {
		if (descending && (*p == ',' || !*p))
			n += (size_t)snprintf(out + n, n < size ? size - n : 0, " DESC");
		if (!*p || n + 1 >= size)
			break;
		out[n++] = *p;
		out[n] = 0;
	}
}

/* Characters of valid UTF-8 text. */
static long long utf8_chars(const char *s)
{
	long long n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Without a search: the exact total, and the page from the sort's index. */
static int list_page(struct req *r, struct listing *l, long long *total)
{
	const char *a = r->acct.id;
	if (db_int(r->db, total, "SELECT user_count FROM accounts WHERE id = ?", "s", a) != 1)
		return -1;
	listing_clamp(l, *total);
	/* Skipping along the index costs per row skipped, so past the middle
	 * the page is counted from the end: Last costs what First does. */
	long long limit = l->per_page, offset = l->offset;
	int from_end = offset > *total / 2;
	if (from_end) {
		limit = *total - offset < limit ? *total - offset : limit;
		offset = *total - offset - limit;
	}
	char order[96], walk[96], sql[2048];
	order_terms(order, sizeof order, l->sort->order_by, l->descending);
	order_terms(walk, sizeof walk, l->sort->order_by, l->descending != from_end);
	snprintf(sql, sizeof sql,
		 "%s FROM (SELECT id AS page_id FROM users FORCE INDEX (%s) WHERE account_id = ?"
		 " ORDER BY %s LIMIT ? OFFSET ?) page"
		 " JOIN users u ON u.id = page.page_id ORDER BY %s",
		 ROW_COLUMNS, sort_index[l->sort - columns], walk, order);
	return db_rows(r->db, r->hdf, "Rows", sql, "sii", a, limit, offset);
}

/* A search. Each range's matches are counted up to MATCHES_EXACT + 1, then:
 *  - at most MATCHES_EXACT in each range (ALL): all matches, counted and
 *    sorted;
 *  - else (OWN) when the sort's four other ranges hold at most
 *    MATCHES_EXACT each, or after counting again at most OTHERS_MAX: the
 *    sort's own range (sort_ranges), read in order and only as far as this
 *    page reaches, joined by those fewer others;
 *  - a sort without a range of its own (modified, role) prefers ALL,
 *    uncounted, when every range holds at most OTHERS_MAX;
 *  - else (WALK) the sort's index is walked in order, reading each user to
 *    test it, until the page is full (a common prefix fills it early).
 * Sets *total to the exact total, or -1 when there are more than
 * MATCHES_EXACT matches: then the total is not counted, and one row past
 * the page says whether there is a next one, in *more. */
static int search_page(struct req *r, struct listing *l, long long *total, int *more)
{
	const char *a = r->acct.id, *q = l->q_prefix;
	long long n = utf8_chars(l->q), found[PROBES];
	size_t s = (size_t)(l->sort - columns);
	enum { ALL, OWN, WALK } how;
	if (probe(r, PROBE("1001"), q, n, found) != 0)
		return -1;
	int exact = all_within(found, MATCHES_EXACT), ranged = sort_ranges[s].own_is_range;
	if (exact) {
		how = ALL;
	} else if (ranged && others_within(found, s, MATCHES_EXACT)) {
		how = OWN;
	} else {
		if (probe(r, PROBE("5001"), q, n, found) != 0)
			return -1;
		if (ranged)
			how = others_within(found, s, OTHERS_MAX) ? OWN : WALK;
		else
			how = all_within(found, OTHERS_MAX) ? ALL : others_within(found, s, OTHERS_MAX) ? OWN : WALK;
	}

	*total = -1;
	*more = 0;
	if (exact) {
		if (db_int(r->db, total, "SELECT COUNT(*) FROM (" MATCHES ") m", MATCHES_FMT, a, q, FOUR_ARGS(a, q, n)) != 1)
			return -1;
		listing_clamp(l, *total);
	}
	long long limit = l->per_page + (exact ? 0 : 1), offset = l->offset;
	char order[96], sql[3072];
	order_terms(order, sizeof order, l->sort->order_by, l->descending);
	int rows;
	if (how == ALL) {
		snprintf(sql, sizeof sql,
			 "%s FROM (SELECT u.id AS page_id FROM users u JOIN (" MATCHES ") m ON m.match_id = u.id"
			 " WHERE u.account_id = ? ORDER BY %s LIMIT ? OFFSET ?) page"
			 " JOIN users u ON u.id = page.page_id ORDER BY %s",
			 ROW_COLUMNS, order, order);
		rows = db_rows(r->db, r->hdf, "Rows", sql, MATCHES_FMT "sii", a, q, FOUR_ARGS(a, q, n), a, limit, offset);
	} else if (how == OWN) {
		snprintf(sql, sizeof sql,
			 "%s FROM (SELECT u.id AS page_id FROM users u JOIN ((SELECT id AS match_id %s ORDER BY %s LIMIT ?)%s) m"
			 " ON m.match_id = u.id WHERE u.account_id = ? ORDER BY %s LIMIT ? OFFSET ?) page"
			 " JOIN users u ON u.id = page.page_id ORDER BY %s",
			 ROW_COLUMNS, sort_ranges[s].own, order, sort_ranges[s].others, order, order);
		rows = db_rows(r->db, r->hdf, "Rows", sql, "ssi" FOUR_FMT "sii", a, q, offset + limit, FOUR_ARGS(a, q, n),
			       a, limit, offset);
	} else {
		snprintf(sql, sizeof sql,
			 "%s FROM (SELECT id AS page_id FROM users FORCE INDEX (%s) WHERE account_id = ?"
			 " AND (display_name LIKE ? OR first_name LIKE ? OR last_name LIKE ? OR email LIKE ?"
			 " OR extension LIKE ?) ORDER BY %s LIMIT ? OFFSET ?) page"
			 " JOIN users u ON u.id = page.page_id ORDER BY %s",
			 ROW_COLUMNS, sort_index[s], order, order);
		rows = db_rows(r->db, r->hdf, "Rows", sql, "ssssssii", a, q, q, q, q, q, limit, offset);
	}
	if (rows < 0)
		return -1;
	if (rows > l->per_page) {
		char past[32];
		snprintf(past, sizeof past, "Rows.%ld", l->per_page);
		hdf_remove_tree(r->hdf, past);
		*more = 1;
		rows--;
	}
	return rows;
}

/* A filtered list (cgi-bin/users/user_filter.c, guide §2.4 Filter Users):
 * counted and paged on the filter's own index. */
/* A product held by many users is listed by walking the sort column's index
 * and keeping the holders (it stops after a page); a rare one by reading its
 * holders and sorting them. Either way is a few milliseconds at 100,000
 * users, where the wrong one costs tens to hundreds. */
#define PRODUCT_WALK_MIN 1000

static int filtered_page(struct req *r, struct listing *l, struct user_filter *f, long long *total)
{
	long long holders = -1;
	if (f->product && !f->property && !f->sms &&
	    db_int(r->db, &holders, "SELECT COUNT(*) FROM user_licenses WHERE account_id = ? AND product = ?", "ss",
		   r->acct.id, f->product) != 1)
		return -1;
	if (holders >= PRODUCT_WALK_MIN)
		f->walk_index = sort_index[l->sort - columns];
	/* Licences belong to users of the same account, one row per user and product. */
	*total = holders >= 0 && !f->q ? holders : user_filter_count(r, f);
	if (*total < 0)
		return -1;
	listing_clamp(l, *total);
	char order[96];
	order_terms(order, sizeof order, l->sort->order_by, l->descending);
	return user_filter_page(r, f, ROW_COLUMNS, order, l->per_page, l->offset, "Rows");
}

int users_get(struct req *r)
{
	struct listing l;
	listing_read(r, &l, columns);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "users.title"));
	hdf_set_int_value(r->hdf, "Users.ReadOnly", !user_admin_may_manage(r));

	long long total = 0;
	int more = 0;
	/* The filters are kept in every link of the list, so it can be bookmarked. */
	static const char *const keep[] = {"property", "product", "sms", NULL};
	struct user_filter f;
	user_filter_read(r, &f, l.q);
	if (user_filter_publish_products(r) != 0)
		return SERVER_ERROR;
	int rows = user_filter_active(&f) ? filtered_page(r, &l, &f, &total)
		 : *l.q ? search_page(r, &l, &total, &more) : list_page(r, &l, &total);
	if (rows < 0)
		return SERVER_ERROR;
	if (total >= 0)
		listing_publish(r, &l, total, keep);
	else
		listing_publish_open(r, &l, rows, more, lang(r, "users.many_matches"), keep);
	return DONE;
}
