/* The Users list (guide §2.4): one account's users, sortable by name, email,
 * extension, modification time and role, searchable as you type by the
 * prefix of a name, email or extension, 50 to a page.
 *
 * It must stay fast with 100,000 users in an account, so every query walks
 * one of the users indexes that starts with account_id:
 *  - without a search, the page's ids come from the sort column's index
 *    (ix_users_name, ux_users_account_email, ix_users_ext, ix_users_updated,
 *    ix_users_role; each ends with the primary key, so ties are stable) and
 *    only then are the page's 50 rows read;
 *  - a search is a UNION of prefix range lookups, one per searchable column,
 *    each on its own index, giving the matching ids;
 *  - LICENSES come from one correlated lookup per page row on
 *    user_licenses' primary key, inside the same single query. */
#include "cgi-bin/listing.h"
#include "cgi-bin/screens.h"
#include "cgi-bin/user_form.h"

#include <stdio.h>
#include <string.h>

/* Sort keys and their ORDER BY terms; " DESC" is added to each term for a
 * descending sort. The terms name only users' columns, unqualified, so the
 * same text orders the inner page query and the outer one. Each is exactly
 * the order of one index after account_id (secondary indexes end with the
 * primary key; email is unique within an account, so needs no tie-break). */
static const struct sort_column columns[] = {
	{"name", "display_name, id"},
	{"email", "email"},
	{"ext", "extension, id"},
	{"modified", "updated_at, id"},
	{"role", "role, display_name, id"},
	{NULL, NULL},
};

/* The index serving each sort, in the order of columns[]. Named, because
 * for deep pages the optimizer otherwise prefers sorting a whole account
 * (0.3 s at 100,000 users) to skipping along the ordered index (0.04 s). */
static const char *const sort_index[] = {
	"ix_users_name", "ux_users_account_email", "ix_users_ext", "ix_users_updated", "ix_users_role",
};
_Static_assert(sizeof sort_index / sizeof sort_index[0] == sizeof columns / sizeof columns[0] - 1,
	       "one index per sort column");

#define ROW_COLUMNS \
	"SELECT u.id, u.display_name, u.email, u.extension, u.role, u.registered, u.updated_by_name," \
	" DATE_FORMAT(u.updated_at, '%Y-%m-%d %H:%i') AS modified," \
	" (SELECT GROUP_CONCAT(l.product ORDER BY l.product SEPARATOR ', ') FROM user_licenses l" \
	"  WHERE l.user_id = u.id AND l.account_id = u.account_id) AS licenses"

/* Ids of the account's users whose name, first name, last name, email or
 * extension starts with the search text: five index range scans. */
#define MATCHES \
	"SELECT id AS match_id FROM users WHERE account_id = ? AND display_name LIKE ?" \
	" UNION SELECT id FROM users WHERE account_id = ? AND first_name LIKE ?" \
	" UNION SELECT id FROM users WHERE account_id = ? AND last_name LIKE ?" \
	" UNION SELECT id FROM users WHERE account_id = ? AND email LIKE ?" \
	" UNION SELECT id FROM users WHERE account_id = ? AND extension LIKE ?"

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

static long long count_users(struct req *r, const struct listing *l)
{
	long long total = 0;
	const char *a = r->acct.id, *q = l->q_prefix;
	int rc = *l->q ? db_int(r->db, &total, "SELECT COUNT(*) FROM (" MATCHES ") m", "ssssssssss",
				a, q, a, q, a, q, a, q, a, q)
		       : db_int(r->db, &total, "SELECT COUNT(*) FROM users WHERE account_id = ?", "s", a);
	return rc == 1 ? total : -1;
}

static int fetch_page(struct req *r, const struct listing *l)
{
	char order[96], sql[2048];
	const char *a = r->acct.id, *q = l->q_prefix;
	order_terms(order, sizeof order, l->sort->order_by, l->descending);
	if (!*l->q) {
		snprintf(sql, sizeof sql,
			 "%s FROM (SELECT id AS page_id FROM users FORCE INDEX (%s) WHERE account_id = ?"
			 " ORDER BY %s LIMIT ? OFFSET ?) page"
			 " JOIN users u ON u.id = page.page_id ORDER BY %s",
			 ROW_COLUMNS, sort_index[l->sort - columns], order, order);
		return db_rows(r->db, r->hdf, "Rows", sql, "sii", a, (long long)l->per_page, (long long)l->offset);
	}
	snprintf(sql, sizeof sql,
		 "%s FROM (SELECT u.id AS page_id FROM users u JOIN (%s) m ON m.match_id = u.id"
		 " WHERE u.account_id = ? ORDER BY %s LIMIT ? OFFSET ?) page"
		 " JOIN users u ON u.id = page.page_id ORDER BY %s",
		 ROW_COLUMNS, MATCHES, order, order);
	return db_rows(r->db, r->hdf, "Rows", sql, "sssssssssssii", a, q, a, q, a, q, a, q, a, q, a,
		       (long long)l->per_page, (long long)l->offset);
}

int users_get(struct req *r)
{
	struct listing l;
	listing_read(r, &l, columns);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "users.title"));
	hdf_set_int_value(r->hdf, "Users.ReadOnly", !user_admin_may_manage(r));

	long long total = count_users(r, &l);
	if (total < 0)
		return SERVER_ERROR;
	/* Past the end (a bookmark, or rows deleted since): show the last page. */
	long long pages = total ? (total + l.per_page - 1) / l.per_page : 1;
	if (l.page > pages) {
		l.page = (long)pages;
		l.offset = (l.page - 1) * l.per_page;
	}
	if (fetch_page(r, &l) < 0)
		return SERVER_ERROR;
	listing_publish(r, &l, total, NULL);
	return DONE;
}
