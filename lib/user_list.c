/* The Users list's queries (user_list.h). How each kind of list is read:
 *
 *  - no filter, no search: the total is the sum of the account's count
 *    slots (kept by triggers); the page's ids come from the sort column's index alone,
 *    counted from the end past the middle (Last costs what First does);
 *  - a search: the terms that start with the text (user_search_terms,
 *    schema.sql) are counted up to USERS_MATCHES_EXACT + 1 users; then,
 *    sorted by name and three characters or more, the page is read in name
 *    order from the terms' lead index; otherwise up to USERS_MATCHES_EXACT
 *    matches are read and sorted, and beyond that the sort's index is walked
 *    testing each user against its own terms until the page is full (many
 *    matches fill it early);
 *  - a filter with a search of at most FILTER_MATCHES_MAX matches: those
 *    matches, each tested against the filter;
 *  - any other filter: counted and paged on the filter's own index; a
 *    product is read from its holders when few hold it, and a group from
 *    its members when it has few, else by walking the sort's index; the
 *    search then narrows each row.
 * Each page's ids are read first, then only those users' rows. */
#include "lib/user_list.h"
#include "lib/mitel_one.h"
#include "lib/users.h"

#include <stdio.h>
#include <string.h>

/* For each sort: its ORDER BY terms (" DESC" is added to each for a
 * descending sort) and the index giving that order after account_id.
 * Unqualified names of users' columns, so the same text orders the inner
 * page query and the outer one; secondary indexes end with the primary key,
 * and email is unique within an account, so ties are stable. */
static const struct {
	const char *order;
	const char *index;
} sorts[USER_SORTS] = {
	[USER_SORT_NAME] = {"display_name, id", "ix_users_name"},
	[USER_SORT_EMAIL] = {"email", "ux_users_account_email"},
	[USER_SORT_EXT] = {"extension, id", "ix_users_ext"},
	[USER_SORT_MODIFIED] = {"updated_at, id", "ix_users_updated"},
	[USER_SORT_ROLE] = {"role, display_name, id", "ix_users_role"},
};

/* Each property with its condition on users u and its index (named: for
 * the first pages the optimizer would rather walk the NAME index of the
 * whole account and test every row). Program literals only. */
static const struct {
	const char *key;
	const char *condition;
	const char *index;
} properties[USER_PROPS] = {
	[USER_PROP_ADMINS] = {"admins", " AND u.role IN ('account_admin', 'partner_admin')", "ix_users_role"},
	[USER_PROP_USERS] = {"users", " AND u.role = 'user'", "ix_users_role"},
	[USER_PROP_REGISTERED] = {"registered", " AND u.registered = 1", "ix_users_registered"},
	[USER_PROP_UNREGISTERED] = {"unregistered", " AND u.registered = 0", "ix_users_registered"},
	[USER_PROP_PBX] = {"pbx", " AND u.pbx_user = 1", "ix_users_pbx"},
	[USER_PROP_MICLOUD] = {"micloud", " AND u.micloud_connected = 1", "ix_users_micloud"},
	[USER_PROP_IOT] = {"iot", " AND u.iot_connected = 1", "ix_users_iot"},
	[USER_PROP_INACTIVE] = {"inactive", " AND u.active = 0", "ix_users_active"},
};

const char *user_property_key(enum user_property p)
{
	return (unsigned)p < USER_PROPS ? properties[p].key : "";
}

int user_property_from_key(const char *key)
{
	for (int p = 0; p < USER_PROPS; p++)
		if (key && strcmp(key, properties[p].key) == 0)
			return p;
	return -1;
}

/* The conditions of the filters and the search on users u. They always
 * take, in this order, the product, the group, the SMS number and the
 * search pattern: one switched off binds NULL and is always true, so each
 * statement's shape is fixed. Membership is tested per user on a primary
 * key (licences, group members) or an index (terms) by a scalar subquery,
 * which no optimizer turns into a join whose strategy depends on
 * statistics. */
#define PRODUCT_ON " AND (SELECT COUNT(*) FROM user_licenses l WHERE l.user_id = u.id AND l.product = ?) > 0"
#define PRODUCT_OF_HOLDERS " AND l.product = ?"
#define GROUP_ON " AND (SELECT COUNT(*) FROM user_group_members gm WHERE gm.group_id = ? AND gm.user_id = u.id) > 0"
#define GROUP_OF_MEMBERS " AND gm.group_id = ?"
#define SMS_ON " AND u.sms_number = ?"
#define Q_ON " AND (SELECT COUNT(*) FROM user_search_terms t WHERE t.user_id = u.id AND t.term LIKE ?) > 0"
#define OFF " AND ? IS NULL"
#define MATCH_FMT "ssss"

/* Plans (struct user_count.how). HOW_WALK: a product or group held by
 * many, read by walking the sort's index. */
enum { HOW_PLAIN, HOW_SEARCH, HOW_FILTER, HOW_HOLDERS, HOW_MEMBERS, HOW_WALK, HOW_FILTER_MATCHES };

/* The search's matches (at most FILTER_MATCHES_MAX of them) with the
 * filters' conditions: read from the terms, then each user tested. */
#define FROM_MATCHES \
	" FROM (SELECT DISTINCT user_id FROM user_search_terms WHERE account_id = ? AND term LIKE ?) m" \
	" STRAIGHT_JOIN users u ON u.id = m.user_id WHERE u.account_id = ?"

/* A product held by (or a group of) at least this many users is listed by
 * walking the sort index and keeping its holders (it stops after a page); a
 * rarer one by reading its holders and sorting them. */
#define PRODUCT_WALK_MIN 1000

/* The search pattern: the text without the separators a person may type
 * before a word ("@example.com"), its LIKE wildcards made literal, and '%'. */
struct pattern {
	char text[512];            /* the text from its first word character */
	char like[1100];
	long chars;                /* characters of text */
};

static int separator(char c)
{
	return c && strchr(" .@-_+,()'", c) != NULL;
}

static int make_pattern(const char *q, struct pattern *p)
{
	if (!q || !*q)
		return 0;
	/* Separators alone stay as typed: no term starts with one, so they match nobody. */
	const char *word = q;
	while (separator(*word))
		word++;
	if (*word)
		q = word;
	if (strlen(q) >= sizeof p->text)
		return 0;
	snprintf(p->text, sizeof p->text, "%s", q);
	size_t n = 0;
	p->chars = 0;
	for (const char *s = q; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			p->like[n++] = '\\';
		p->like[n++] = *s;
		p->chars += ((unsigned char)*s & 0xC0) != 0x80;
	}
	p->like[n++] = '%';
	p->like[n] = 0;
	return 1;
}

/* The filters' conditions and what they bind. */
struct conditions {
	char where[1024];
	char force[64];            /* " FORCE INDEX (...)" of a property or SMS filter, or "" */
	const char *index;         /* that index, or NULL */
	const char *product, *group, *sms, *q;
	struct pattern pattern;
};

/* how: HOW_HOLDERS reads from the product's licences l, HOW_MEMBERS from
 * the group's members gm; any other tests each user. */
static void build(const struct user_match *m, int how, int with_q, struct conditions *c)
{
	memset(c, 0, sizeof *c);
	const char *property = "";
	if (m->property >= 0 && m->property < USER_PROPS) {
		property = properties[m->property].condition;
		c->index = properties[m->property].index;
	}
	if (m->sms && *m->sms)
		c->index = "ix_users_sms";
	if (c->index)
		snprintf(c->force, sizeof c->force, " FORCE INDEX (%s)", c->index);
	c->product = m->product && *m->product ? m->product : NULL;
	c->group = m->group && *m->group ? m->group : NULL;
	c->sms = m->sms && *m->sms ? m->sms : NULL;
	c->q = with_q && make_pattern(m->q, &c->pattern) ? c->pattern.like : NULL;
	snprintf(c->where, sizeof c->where, "%s%s%s%s%s", property,
		 c->product ? (how == HOW_HOLDERS ? PRODUCT_OF_HOLDERS : PRODUCT_ON) : OFF,
		 c->group ? (how == HOW_MEMBERS ? GROUP_OF_MEMBERS : GROUP_ON) : OFF, c->sms ? SMS_ON : OFF,
		 c->q ? Q_ON : OFF);
}

static int filtered(const struct user_match *m)
{
	return (m->property >= 0 && m->property < USER_PROPS) || (m->product && *m->product) || (m->group && *m->group) ||
	       (m->sms && *m->sms);
}

/* "a, b" -> "a DESC, b DESC": program text from the tables above, never input. */
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

/* With a filter, a search of up to this many matches is read from its
 * matches, each tested against the filter: fewer tests than a walk of the
 * filter's users testing each against the search. */
#define FILTER_MATCHES_MAX 5000

/* The search's matches, counted up to cap + 1. */
static int probe(db *d, const char *account_id, const struct pattern *p, long long cap, long long *found)
{
	return db_int(d, found,
		      "SELECT COUNT(*) FROM (SELECT DISTINCT user_id FROM user_search_terms"
		      " WHERE account_id = ? AND term LIKE ? LIMIT ?) m",
		      "ssi", account_id, p->like, cap + 1) == 1 ? 0 : -1;
}

int users_count(db *d, const struct user_match *m, struct user_count *c)
{
	struct conditions k;
	struct pattern p;
	int searched = make_pattern(m->q, &p);
	memset(c, 0, sizeof *c);
	if (!filtered(m)) {
		if (!searched) {
			c->how = HOW_PLAIN;
			return users_total(d, m->account_id, &c->total);
		}
		c->how = HOW_SEARCH;
		if (probe(d, m->account_id, &p, USERS_MATCHES_EXACT, &c->total) != 0)
			return -1;
		if (c->total > USERS_MATCHES_EXACT)
			c->total = -1;
		return 0;
	}
	/* A filter and a search with few matches: the matches, each tested. */
	long long matches = -1;
	if (searched && probe(d, m->account_id, &p, FILTER_MATCHES_MAX, &matches) != 0)
		return -1;
	if (matches >= 0 && matches <= FILTER_MATCHES_MAX) {
		c->how = HOW_FILTER_MATCHES;
		build(m, HOW_FILTER, 0, &k);
		char sql[2048];
		snprintf(sql, sizeof sql, "SELECT COUNT(*)" FROM_MATCHES "%s", k.where);
		return db_int(d, &c->total, sql, "sss" MATCH_FMT, m->account_id, p.like, m->account_id, k.product, k.group,
			      k.sms, k.q) == 1 ? 0 : -1;
	}
	c->how = HOW_FILTER;
	long long holders = -1;
	/* Without a property or SMS filter (each has its index), a group of
	 * few members is read from its members, else a product of few holders
	 * from its holders; a total they give is exact when nothing else
	 * narrows it. */
	int alone = m->property < 0 && !(m->sms && *m->sms);
	int product = m->product && *m->product, group = m->group && *m->group;
	long long members = -1;
	if (alone && group) {
		/* Members go with their users (a foreign key), so their count is
		 * exact: a range of the account's index. */
		if (db_int(d, &members,
			   "SELECT COUNT(*) FROM user_group_members FORCE INDEX (ix_user_group_members_account)"
			   " WHERE account_id = ? AND group_id = ?", "ss", m->account_id, m->group) < 0)
			return -1;
		c->how = members >= PRODUCT_WALK_MIN ? HOW_WALK : HOW_MEMBERS;
		if (!product)
			holders = members;
	}
	if (alone && product && c->how != HOW_MEMBERS) {
		long long n = 0;
		if (db_int(d, &n, "SELECT holders FROM account_products WHERE account_id = ? AND product = ?", "ss",
			   m->account_id, m->product) < 0)
			return -1;
		c->how = n >= PRODUCT_WALK_MIN ? HOW_WALK : HOW_HOLDERS;
		if (!group)
			holders = n;
	}
	build(m, c->how, 1, &k);
	if (holders >= 0 && !k.q) {
		c->total = holders;
		return 0;
	}
	char sql[2048];
	if (c->how == HOW_HOLDERS)
		snprintf(sql, sizeof sql,
			 "SELECT COUNT(*) FROM user_licenses l FORCE INDEX (ix_licenses_account) STRAIGHT_JOIN users u"
			 " ON u.id = l.user_id WHERE l.account_id = ? AND u.account_id = l.account_id%s", k.where);
	else if (c->how == HOW_MEMBERS)
		snprintf(sql, sizeof sql,
			 "SELECT COUNT(*) FROM user_group_members gm FORCE INDEX (ix_user_group_members_account)"
			 " STRAIGHT_JOIN users u ON u.id = gm.user_id WHERE gm.account_id = ? AND u.account_id = gm.account_id%s",
			 k.where);
	else
		snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM users u%s WHERE u.account_id = ?%s", k.force, k.where);
	return db_int(d, &c->total, sql, "s" MATCH_FMT, m->account_id, k.product, k.group, k.sms, k.q) == 1 ? 0 : -1;
}

/* What a page's rows show, for the ids an inner query chose, each row's
 * Mitel One tier and features ("premier:110") by the primary key of
 * user_mitel_one in the same statement (no query per row). The licences
 * come in product order from the primary key (user_id, product), which the
 * subquery is held to: an ORDER BY inside GROUP_CONCAT would make MariaDB
 * build an on-disk temporary table for every page, as would the
 * GROUP_CONCAT's BLOB type, or a text of more than 512 characters, in the
 * sort's temporary table: hence the cast to 500 characters (a dozen
 * products; a list that long shows its beginning). */
#define ROW_COLUMNS \
	"SELECT u.id, u.display_name, u.email, u.extension, u.role, u.registered, u.updated_by_name," \
	" DATE_FORMAT(u.updated_at, '%Y-%m-%d %H:%i') AS modified," \
	" (SELECT rl.name FROM roles rl WHERE rl.id = u.custom_role_id) AS custom_role," \
	" CAST((SELECT GROUP_CONCAT(l.product SEPARATOR ', ') FROM user_licenses l FORCE INDEX (PRIMARY)" \
	"  WHERE l.user_id = u.id AND l.account_id = u.account_id) AS CHAR(500)) AS licenses," \
	" (SELECT CONCAT(m.tier, ':', m.chat, m.miteam, m.telephony) FROM user_mitel_one m" \
	"  WHERE m.user_id = u.id AND m.account_id = u.account_id) AS mitel_one"

struct row_call {
	user_row_fn fn;
	void *ctx;
	long long shown;            /* rows passed on; those past it only say more follow */
	long long seen;
};

/* "premier:110" (chat, MiTeam Meetings, telephony): the tier's key into
 * tier, the features switched on as FEATURE_* bits. */
static unsigned mitel_one_of(const char *text, char *tier, size_t size)
{
	const char *colon = text ? strchr(text, ':') : NULL;
	tier[0] = 0;
	if (!colon || strlen(colon) != 4)
		return 0;
	snprintf(tier, size, "%.*s", (int)(colon - text), text);
	return (colon[1] == '1' ? FEATURE_CHAT : 0) | (colon[2] == '1' ? FEATURE_MITEAM : 0) |
	       (colon[3] == '1' ? FEATURE_TELEPHONY : 0);
}

static int each_row(void *ctx, const struct db_row *row)
{
	struct row_call *c = ctx;
	if (c->seen++ >= c->shown)
		return 0;
	char tier[17];
	unsigned features = mitel_one_of(row_null(row, "mitel_one") ? NULL : row_str(row, "mitel_one"), tier, sizeof tier);
	struct user_list_row u = {
		.id = row_int(row, "id"),
		.display_name = row_str(row, "display_name"),
		.email = row_str(row, "email"),
		.extension = row_str(row, "extension"),
		.role = row_str(row, "role"),
		.custom_role = row_str(row, "custom_role"),
		.registered = (int)row_int(row, "registered"),
		.modified = row_str(row, "modified"),
		.updated_by_name = row_str(row, "updated_by_name"),
		.licenses = row_str(row, "licenses"),
		.mitel_one_tier = tier,
		.mitel_one_features = features,
	};
	return c->fn(c->ctx, &u);
}

int users_page(db *d, const struct user_match *m, const struct user_count *c, enum user_sort sort, int descending,
	       long long limit, long long offset, int *more, user_row_fn fn, void *ctx)
{
	if ((unsigned)sort >= USER_SORTS)
		sort = USER_SORT_NAME;
	struct row_call call = {fn, ctx, limit, 0};
	char order[96], inner[2048], sql[3072];
	order_terms(order, sizeof order, sorts[sort].order, descending);
	const char *a = m->account_id;
	long long ask = limit + (c->total < 0);
	int rows;
	*more = 0;
	if (c->how == HOW_PLAIN) {
		/* Skipping along the index costs per row skipped: past the middle
		 * the page is read walking back from the end. */
		char walk[96];
		int from_end = offset > c->total / 2;
		if (from_end) {
			ask = c->total - offset < limit ? c->total - offset : limit;
			offset = c->total - offset - ask;
		}
		order_terms(walk, sizeof walk, sorts[sort].order, descending != from_end);
		snprintf(inner, sizeof inner,
			 "SELECT id AS page_id FROM users FORCE INDEX (%s) WHERE account_id = ? ORDER BY %s LIMIT ? OFFSET ?",
			 sorts[sort].index, walk);
		snprintf(sql, sizeof sql, "%s FROM (%s) page JOIN users u ON u.id = page.page_id ORDER BY %s", ROW_COLUMNS, inner,
			 order);
		rows = db_each(d, each_row, &call, sql, "sii", a, ask, offset);
	} else if (c->how == HOW_SEARCH) {
		struct pattern p;
		if (!make_pattern(m->q, &p))
			return 0;
		if (sort == USER_SORT_NAME && p.chars >= 3) {
			snprintf(inner, sizeof inner,
				 "SELECT DISTINCT display_name, user_id AS page_id FROM user_search_terms"
				 " FORCE INDEX (ix_user_search_terms_lead) WHERE account_id = ? AND lead = LEFT(?, 3)"
				 " AND term LIKE ? ORDER BY display_name%s, user_id%s LIMIT ? OFFSET ?",
				 descending ? " DESC" : "", descending ? " DESC" : "");
			snprintf(sql, sizeof sql, "%s FROM (%s) page JOIN users u ON u.id = page.page_id ORDER BY %s",
				 ROW_COLUMNS, inner, order);
			rows = db_each(d, each_row, &call, sql, "sssii", a, p.text, p.like, ask, offset);
		} else if (c->total >= 0) {
			snprintf(inner, sizeof inner,
				 "SELECT u.id AS page_id FROM (SELECT DISTINCT user_id FROM user_search_terms"
				 " WHERE account_id = ? AND term LIKE ?) m STRAIGHT_JOIN users u ON u.id = m.user_id"
				 " WHERE u.account_id = ? ORDER BY %s LIMIT ? OFFSET ?", order);
			snprintf(sql, sizeof sql, "%s FROM (%s) page JOIN users u ON u.id = page.page_id ORDER BY %s",
				 ROW_COLUMNS, inner, order);
			rows = db_each(d, each_row, &call, sql, "sssii", a, p.like, a, ask, offset);
		} else {
			snprintf(inner, sizeof inner,
				 "SELECT id AS page_id FROM users u FORCE INDEX (%s) WHERE account_id = ?" Q_ON
				 " ORDER BY %s LIMIT ? OFFSET ?", sorts[sort].index, order);
			snprintf(sql, sizeof sql, "%s FROM (%s) page JOIN users u ON u.id = page.page_id ORDER BY %s",
				 ROW_COLUMNS, inner, order);
			rows = db_each(d, each_row, &call, sql, "ssii", a, p.like, ask, offset);
		}
	} else if (c->how == HOW_FILTER_MATCHES) {
		struct conditions k;
		struct pattern p;
		if (!make_pattern(m->q, &p))
			return 0;
		build(m, HOW_FILTER, 0, &k);
		snprintf(inner, sizeof inner, "SELECT u.id AS page_id" FROM_MATCHES "%s ORDER BY %s LIMIT ? OFFSET ?", k.where,
			 order);
		snprintf(sql, sizeof sql, "%s FROM (%s) page JOIN users u ON u.id = page.page_id ORDER BY %s", ROW_COLUMNS, inner,
			 order);
		rows = db_each(d, each_row, &call, sql, "sss" MATCH_FMT "ii", a, p.like, a, k.product, k.group, k.sms, k.q,
			       ask, offset);
	} else {
		struct conditions k;
		build(m, c->how, 1, &k);
		if (c->how == HOW_HOLDERS)
			snprintf(inner, sizeof inner,
				 "SELECT u.id AS page_id FROM user_licenses l FORCE INDEX (ix_licenses_account) STRAIGHT_JOIN users u"
				 " ON u.id = l.user_id WHERE l.account_id = ? AND u.account_id = l.account_id%s"
				 " ORDER BY %s LIMIT ? OFFSET ?", k.where, order);
		else if (c->how == HOW_MEMBERS)
			snprintf(inner, sizeof inner,
				 "SELECT u.id AS page_id FROM user_group_members gm FORCE INDEX (ix_user_group_members_account)"
				 " STRAIGHT_JOIN users u ON u.id = gm.user_id WHERE gm.account_id = ? AND u.account_id = gm.account_id%s"
				 " ORDER BY %s LIMIT ? OFFSET ?", k.where, order);
		else
			snprintf(inner, sizeof inner,
				 "SELECT u.id AS page_id FROM users u FORCE INDEX (%s) WHERE u.account_id = ?%s"
				 " ORDER BY %s LIMIT ? OFFSET ?",
				 k.index ? k.index : sorts[sort].index, k.where, order);
		snprintf(sql, sizeof sql, "%s FROM (%s) page JOIN users u ON u.id = page.page_id ORDER BY %s", ROW_COLUMNS, inner,
			 order);
		rows = db_each(d, each_row, &call, sql, "s" MATCH_FMT "ii", a, k.product, k.group, k.sms, k.q, ask, offset);
	}
	if (rows < 0)
		return -1;
	if (rows > limit) {
		*more = 1;
		rows = (int)limit;
	}
	return rows;
}

int users_each(db *d, const struct user_match *m, enum user_sort sort, int descending, user_row_fn fn, void *ctx)
{
	if ((unsigned)sort >= USER_SORTS)
		sort = USER_SORT_NAME;
	struct conditions k;
	build(m, HOW_FILTER, 1, &k);
	char order[96], sql[3072];
	order_terms(order, sizeof order, sorts[sort].order, descending);
	/* The sort's index, read in order from start to end: no sort of the
	 * account's users, whatever the filters. */
	snprintf(sql, sizeof sql, "%s FROM users u FORCE INDEX (%s) WHERE u.account_id = ?%s ORDER BY %s",
		 ROW_COLUMNS, sorts[sort].index, k.where, order);
	struct row_call call = {fn, ctx, (long long)(~0ULL >> 1), 0};
	return db_each(d, each_row, &call, sql, "s" MATCH_FMT, m->account_id, k.product, k.group, k.sms, k.q);
}

int users_add_to_job(db *d, long long job_id, const struct user_match *m)
{
	struct conditions k;
	build(m, HOW_FILTER, 1, &k);
	char sql[2048];
	snprintf(sql, sizeof sql,
		 "INSERT INTO job_items (job_id, account_id, user_id) SELECT ?, u.account_id, u.id FROM users u%s"
		 " WHERE u.account_id = ?%s", k.force, k.where);
	return db_exec(d, sql, "is" MATCH_FMT, job_id, m->account_id, k.product, k.group, k.sms, k.q) < 0 ? -1 : 0;
}

struct product_call {
	user_product_fn fn;
	void *ctx;
};

static int each_product(void *ctx, const struct db_row *row)
{
	struct product_call *c = ctx;
	return c->fn(c->ctx, row_str(row, "product"));
}

int users_products_each(db *d, const char *account_id, user_product_fn fn, void *ctx)
{
	struct product_call call = {fn, ctx};
	/* A primary key range: the one plan there is. */
	return db_each(d, each_product, &call,
		       "SELECT product FROM account_products WHERE account_id = ? AND holders > 0 ORDER BY product LIMIT 200",
		       "s", account_id);
}
