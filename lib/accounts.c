#include "lib/accounts.h"

#include <stdio.h>
#include <string.h>

/* The condition every query listing, searching or counting a partner's
 * customer accounts adds (col: the account id column), so that an account
 * manager sees only the accounts assigned to them (guide §2.15.1); the
 * functions take the manager's user id (0 for anyone else). A program
 * literal chosen by who asks, rather than one condition for both
 * ("? = 0 OR col IN (...)"), which keeps MariaDB from using the
 * assignments' index: 10 times slower at 20,000 accounts. Either takes one
 * parameter ("i"): SCOPE_ARG(manager_id). */
#define SCOPE_MINE(col) " AND " col " IN (SELECT account_id FROM account_manager_accounts WHERE user_id = ?)"
#define SCOPE_ALL " AND ? > 0"
#define SCOPE_ASSIGNED(manager_id, col) ((manager_id) ? SCOPE_MINE(col) : SCOPE_ALL)
#define SCOPE_ARG(manager_id) ((manager_id) ? (manager_id) : 1LL)

/* text as a LIKE pattern matching what starts with it: % _ and \ are literal. */
static void like_prefix(const char *text, char *out, size_t n)
{
	size_t k = 0;
	for (const char *p = text; *p && k + 3 < n; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			out[k++] = '\\';
		out[k++] = *p;
	}
	out[k++] = '%';
	out[k] = 0;
}

/* ---- who may open an account ---- */

static int account_ref_from_row(void *ctx, const struct db_row *row)
{
	struct account_ref *a = ctx;
	memset(a, 0, sizeof *a);
	row_copy(row, "id", a->id, sizeof a->id);
	row_copy(row, "name", a->name, sizeof a->name);
	a->is_partner = strcmp(row_str(row, "kind"), "partner") == 0;
	a->active = strcmp(row_str(row, "status"), "active") == 0;
	return 0;
}

static int reached_from_row(void *ctx, const struct db_row *row)
{
	struct account_ref *a = ctx;
	account_ref_from_row(ctx, row);
	a->mivb = row_int(row, "mivb") != 0;
	a->zoom = row_int(row, "zoom") != 0;
	a->micollab = row_int(row, "micollab") != 0;
	return 0;
}

int account_find_in_reach(db *d, const struct account_reach *who, const char *account_id, struct account_ref *out)
{
	/* the MiVoice Business menu's switch: one primary-key probe (lib/mivb/settings.h) */
	return db_one(d, reached_from_row, out,
		"SELECT id, name, kind, status, EXISTS(SELECT 1 FROM account_integrations i WHERE i.account_id = accounts.id"
		" AND i.kind = 'mivb' AND i.state = 'enabled' AND JSON_VALUE(i.config, '$.admin_portal') = 1) AS mivb,"
		" EXISTS(SELECT 1 FROM account_integrations z WHERE z.account_id = accounts.id AND z.kind = 'zoom'"
		" AND z.state = 'enabled') AS zoom,"
		" EXISTS(SELECT 1 FROM account_integrations c WHERE c.account_id = accounts.id AND c.kind = 'micollab'"
		" AND c.state = 'enabled') AS micollab"
		" FROM accounts WHERE id = ? AND (id = ? OR (partner_id = ? AND partner_id <> ''"
		" AND (? = 0 OR id IN (SELECT account_id FROM account_manager_accounts WHERE user_id = ?))))",
		"sssii", account_id, who->own_account_id, who->partner_id, who->manager_id, who->manager_id);
}

/* ---- the Accounts list ----
 *
 * Without a search, each sort walks one of the ix_accounts_list_* indexes
 * (partner, status, column; the primary key breaks ties). A search finds the
 * accounts whose name, or one of its words, starts with the text: a prefix
 * range of account_name_words' primary key (schema.sql), each account once,
 * then each match's row by its primary key. Both the count and the page
 * start from the matches (STRAIGHT_JOIN: the optimizer would rather walk
 * the partner's every account and look each up among them, 5 times slower
 * at 20,000 accounts), so their cost follows the number of matches. */

#define LIST_FROM " FROM accounts a WHERE a.partner_id = ? AND a.kind = 'customer' AND a.status = ?"
#define MATCHES_FROM(scope) \
	" FROM (SELECT DISTINCT w.account_id FROM account_name_words w WHERE w.partner_id = ? AND w.words LIKE ?" scope \
	") m STRAIGHT_JOIN accounts a ON a.id = m.account_id WHERE a.partner_id = ? AND a.status = ?"
#define LIST_COLUMNS "SELECT a.id, a.name, a.country, a.city, DATE(a.created_at) AS created_on"

/* The ORDER BY of each sort: program literals, never input. */
static const char *const order_by[][2] = {
	[ACCOUNT_SORT_NAME] = {" ORDER BY a.name, a.id", " ORDER BY a.name DESC, a.id DESC"},
	[ACCOUNT_SORT_COUNTRY] = {" ORDER BY a.country, a.id", " ORDER BY a.country DESC, a.id DESC"},
	[ACCOUNT_SORT_CITY] = {" ORDER BY a.city, a.id", " ORDER BY a.city DESC, a.id DESC"},
	[ACCOUNT_SORT_CREATED] = {" ORDER BY a.created_at, a.id", " ORDER BY a.created_at DESC, a.id DESC"},
};

static const char *status_of(const struct account_list_query *q)
{
	return q->deactivated ? "deactivated" : "active";
}

int accounts_count(db *d, const struct account_list_query *q, long long *total)
{
	char sql[512];
	*total = 0;
	if (!*q->search) {
		snprintf(sql, sizeof sql, "SELECT COUNT(*)" LIST_FROM "%s", SCOPE_ASSIGNED(q->manager_id, "a.id"));
		return db_int(d, total, sql, "ssi", q->partner_id, status_of(q), SCOPE_ARG(q->manager_id)) < 0 ? -1 : 0;
	}
	char pattern[1024];
	like_prefix(q->search, pattern, sizeof pattern);
	const char *count = q->manager_id ? "SELECT COUNT(*)" MATCHES_FROM(SCOPE_MINE("w.account_id"))
					  : "SELECT COUNT(*)" MATCHES_FROM(SCOPE_ALL);
	return db_int(d, total, count, "ssiss", q->partner_id, pattern, SCOPE_ARG(q->manager_id), q->partner_id,
		      status_of(q)) < 0 ? -1 : 0;
}

struct row_call {
	account_row_fn fn;
	void *ctx;
};

static int account_row_from_row(void *ctx, const struct db_row *row)
{
	struct row_call *c = ctx;
	struct account_row a = {
		.id = row_str(row, "id"), .name = row_str(row, "name"), .country = row_str(row, "country"),
		.city = row_str(row, "city"), .created_on = row_str(row, "created_on"),
	};
	return c->fn(c->ctx, &a);
}

int accounts_each(db *d, const struct account_list_query *q, account_row_fn fn, void *ctx)
{
	struct row_call c = {fn, ctx};
	const char *order = order_by[q->sort][q->descending ? 1 : 0];
	char sql[1024];
	if (!*q->search) {
		snprintf(sql, sizeof sql, LIST_COLUMNS LIST_FROM "%s%s LIMIT ? OFFSET ?",
			 SCOPE_ASSIGNED(q->manager_id, "a.id"), order);
		return db_each(d, account_row_from_row, &c, sql, "ssiii", q->partner_id, status_of(q),
			       SCOPE_ARG(q->manager_id), (long long)q->limit, (long long)q->offset);
	}
	char pattern[1024];
	like_prefix(q->search, pattern, sizeof pattern);
	snprintf(sql, sizeof sql, "%s%s LIMIT ? OFFSET ?",
		 q->manager_id ? LIST_COLUMNS MATCHES_FROM(SCOPE_MINE("w.account_id")) : LIST_COLUMNS MATCHES_FROM(SCOPE_ALL),
		 order);
	return db_each(d, account_row_from_row, &c, sql, "ssissii", q->partner_id, pattern, SCOPE_ARG(q->manager_id),
		       q->partner_id, status_of(q), (long long)q->limit, (long long)q->offset);
}

/* ---- one account ---- */

#define ACCOUNT_SELECT \
	"SELECT id, kind, name, country, province, address, city, postal_code, default_language, business_type," \
	" sap_customer_number, pbx_type," \
	" (SELECT COALESCE(GROUP_CONCAT(email ORDER BY position SEPARATOR ', '), '')" \
	"  FROM account_support_contacts WHERE account_id = accounts.id) AS contacts" \
	" FROM accounts WHERE id = ?"

static int account_from_row(void *ctx, const struct db_row *row)
{
	struct account *a = ctx;
	memset(a, 0, sizeof *a);
	row_copy(row, "id", a->id, sizeof a->id);
	a->is_partner = strcmp(row_str(row, "kind"), "partner") == 0;
	row_copy(row, "name", a->name, sizeof a->name);
	row_copy(row, "country", a->country, sizeof a->country);
	row_copy(row, "province", a->province, sizeof a->province);
	row_copy(row, "address", a->address, sizeof a->address);
	row_copy(row, "city", a->city, sizeof a->city);
	row_copy(row, "postal_code", a->postal_code, sizeof a->postal_code);
	row_copy(row, "default_language", a->default_language, sizeof a->default_language);
	row_copy(row, "business_type", a->business_type, sizeof a->business_type);
	row_copy(row, "sap_customer_number", a->sap_customer_number, sizeof a->sap_customer_number);
	row_copy(row, "pbx_type", a->pbx_type, sizeof a->pbx_type);
	row_copy(row, "contacts", a->contacts, sizeof a->contacts);
	return 0;
}

int account_load(db *d, const char *account_id, int for_update, struct account *out)
{
	if (for_update)
		return db_one(d, account_from_row, out, ACCOUNT_SELECT " FOR UPDATE", "s", account_id);
	return db_one(d, account_from_row, out, ACCOUNT_SELECT, "s", account_id);
}

static const char *or_empty(const char *s) { return s ? s : ""; }

int account_insert(db *d, const struct actor *who, const char *partner_id, const struct account_fields *f,
		   char out_id[UUID_LEN])
{
	if (uuid_v4(out_id) != 0)
		return -1;
	if (db_exec(d,
		    "INSERT INTO accounts (id, partner_id, kind, name, country, province, address, city,"
		    " postal_code, default_language, business_type, status, created_at, updated_at)"
		    " VALUES (?, ?, IF(? IS NULL, 'partner', 'customer'), ?, ?, ?, ?, ?, ?, ?, ?, 'active',"
		    " UTC_TIMESTAMP(), UTC_TIMESTAMP())",
		    "sssssssssss", out_id, partner_id, partner_id, f->name, or_empty(f->country), or_empty(f->province),
		    or_empty(f->address), or_empty(f->city), or_empty(f->postal_code),
		    f->default_language ? f->default_language : "en", or_empty(f->business_type)) != 1)
		return -1;
	json_t *details = json_pack("{s:s,s:s}", "name", f->name, "kind", partner_id ? "customer" : "partner");
	int rc = audit_event(d, partner_id ? partner_id : out_id, who, "account.create", "account", out_id, f->name, details);
	json_decref(details);
	/* The customer account's own history starts with its creation too. */
	if (rc == 0 && partner_id) {
		details = json_pack("{s:s}", "name", f->name);
		rc = audit_event(d, out_id, who, "account.create", "account", out_id, f->name, details);
		json_decref(details);
	}
	return rc;
}

int partner_insert(db *d, const struct actor *who, const char *name, const struct user_fields *admin,
		   char out_id[UUID_LEN], long long *admin_id)
{
	struct account_fields af = {.name = name, .default_language = "en"};
	struct user_fields uf = *admin;
	uf.role = "partner_admin";
	if (account_insert(d, who, NULL, &af, out_id) != 0)
		return -1;
	*admin_id = user_insert(d, who, out_id, &uf);
	return *admin_id > 0 ? 0 : -1;
}

int account_update(db *d, const char *account_id, const struct account_fields *f)
{
	return db_exec(d,
		"UPDATE accounts SET name = ?, country = ?, province = ?, address = ?, city = ?, postal_code = ?,"
		" default_language = ?, business_type = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?",
		"sssssssss", f->name, or_empty(f->country), or_empty(f->province), or_empty(f->address),
		or_empty(f->city), or_empty(f->postal_code), f->default_language ? f->default_language : "en",
		or_empty(f->business_type), account_id) < 0 ? -1 : 0;
}

int account_set_contacts(db *d, const char *account_id, char contacts[][EMAIL_MAX + 1], int n)
{
	if (db_exec(d, "DELETE FROM account_support_contacts WHERE account_id = ?", "s", account_id) < 0)
		return -1;
	for (int i = 0; i < n; i++)
		if (db_exec(d, "INSERT INTO account_support_contacts (account_id, position, email) VALUES (?, ?, ?)",
			    "sis", account_id, (long long)i, contacts[i]) != 1)
			return -1;
	return 0;
}

int account_set_status(db *d, const char *partner_id, const char *account_id, int active)
{
	const char *from = active ? "deactivated" : "active", *to = active ? "active" : "deactivated";
	long long n = db_exec(d,
		"UPDATE accounts SET status = ?, updated_at = UTC_TIMESTAMP()"
		" WHERE id = ? AND partner_id = ? AND kind = 'customer' AND status = ?",
		"ssss", to, account_id, partner_id, from);
	return n < 0 ? -1 : n > 0;
}

int account_delete(db *d, const char *partner_id, const char *account_id)
{
	long long n = db_exec(d, "DELETE FROM accounts WHERE id = ? AND kind = 'customer' AND partner_id = ?", "ss",
			      account_id, partner_id);
	return n < 0 ? -1 : n > 0;
}

int account_assign_manager(db *d, long long manager_id, const char *account_id)
{
	return db_exec(d, "INSERT IGNORE INTO account_manager_accounts (user_id, account_id) VALUES (?, ?)", "is",
		       manager_id, account_id) < 0 ? -1 : 0;
}

int account_find_by_name(db *d, const char *partner_id, const char *name, char out_id[UUID_LEN])
{
	if (partner_id)
		return db_str(d, out_id, UUID_LEN,
			"SELECT id FROM accounts WHERE partner_id = ? AND kind = 'customer' AND name = ? ORDER BY id LIMIT 1",
			"ss", partner_id, name);
	return db_str(d, out_id, UUID_LEN,
		"SELECT id FROM accounts WHERE partner_id IS NULL AND kind = 'partner' AND name = ? ORDER BY id LIMIT 1",
		"s", name);
}

/* ---- support contacts: served by ix_users_name and ux_users_account_email ---- */

struct candidate_call {
	contact_candidate_fn fn;
	void *ctx;
};

static int candidate_from_row(void *ctx, const struct db_row *row)
{
	struct candidate_call *c = ctx;
	struct contact_candidate cand = {row_str(row, "name"), row_str(row, "email")};
	return c->fn(c->ctx, &cand);
}

int account_contact_candidates(db *d, const char *partner_id, const char *text, int limit, contact_candidate_fn fn,
			       void *ctx)
{
	char pattern[1024];
	like_prefix(text, pattern, sizeof pattern);
	struct candidate_call c = {fn, ctx};
	return db_each(d, candidate_from_row, &c,
		"SELECT display_name AS name, email FROM users WHERE account_id = ? AND display_name LIKE ?"
		" UNION SELECT display_name, email FROM users WHERE account_id = ? AND email LIKE ?"
		" ORDER BY name, email LIMIT ?",
		"ssssi", partner_id, pattern, partner_id, pattern, (long long)limit);
}

/* ---- users ---- */

void user_display_name(const struct user_fields *u, char *out, size_t n)
{
	if (u->name && *u->name)
		snprintf(out, n, "%s", u->name);
	else if (u->first_name && *u->first_name && u->last_name && *u->last_name)
		snprintf(out, n, "%s %s", u->first_name, u->last_name);
	else
		snprintf(out, n, "%s", u->first_name && *u->first_name ? u->first_name : u->last_name ? u->last_name : "");
}

long long user_insert(db *d, const struct actor *who, const char *account_id, const struct user_fields *f)
{
	char display[256];
	char hash[PASSWORD_HASH_MAX] = "";
	user_display_name(f, display, sizeof display);
	if (f->password && password_hash(f->password, hash) != 0)
		return -1;
	long long rc = db_exec(d,
		"INSERT INTO users (account_id, first_name, last_name, name, display_name, email, mobile,"
		" extension, role, registered, password_hash, source, created_at, updated_at, updated_by_name)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULLIF(?, ''), 'Accounts app', UTC_TIMESTAMP(),"
		" UTC_TIMESTAMP(), ?)",
		"sssssssssiss", account_id, or_empty(f->first_name), or_empty(f->last_name), or_empty(f->name), display,
		f->email, or_empty(f->mobile), or_empty(f->extension), f->role ? f->role : "user",
		(long long)(f->password != NULL), hash, who && who->name ? who->name : "System");
	if (rc != 1)
		return db_errno(d) == 1062 ? 0 : -1;
	long long id = (long long)db_insert_id(d);
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", id);
	json_t *details = json_object();
	audit_change(details, "first_name", "", f->first_name);
	audit_change(details, "last_name", "", f->last_name);
	audit_change(details, "name", "", f->name);
	audit_change(details, "email", "", f->email);
	audit_change(details, "mobile", "", f->mobile);
	audit_change(details, "role", "", f->role ? f->role : "user");
	int ok = audit_event(d, account_id, who, "user.create", "user", id_text, display, details);
	json_decref(details);
	return ok == 0 ? id : -1;
}

int user_find_by_email(db *d, const char *account_id, const char *email, long long *user_id)
{
	return db_int(d, user_id, "SELECT id FROM users WHERE account_id = ? AND email = ?", "ss", account_id, email);
}

/* ---- the header's account search (guide §1.3) ---- */

struct search_rows {
	struct account_ref *out;
	int max;
	int n;
};

static int search_row(void *ctx, const struct db_row *row)
{
	struct search_rows *s = ctx;
	if (s->n < s->max)
		account_ref_from_row(&s->out[s->n++], row);
	return 0;
}

/* A range of account_name_words' primary key (schema.sql), each account once
 * at its earliest matching words (ix_account_name_words_account); the
 * assigned accounts' condition is a literal chosen by who asks (SCOPE_MINE). */
#define ACCOUNTS_SEARCH(scope) \
	"SELECT a.id, a.name, a.kind, a.status FROM account_name_words w JOIN accounts a ON a.id = w.account_id" \
	" WHERE w.partner_id = ? AND w.words LIKE ? AND a.status = 'active'" scope \
	" AND NOT EXISTS (SELECT 1 FROM account_name_words e WHERE e.account_id = w.account_id" \
	"  AND e.words LIKE ? AND e.words < w.words)" \
	" ORDER BY w.words, w.account_id LIMIT ?"

int accounts_search(db *d, const struct account_reach *who, const char *text, struct account_ref *out, int max)
{
	if (!*text || !*who->partner_id || strlen(text) > 1000 || max <= 0)
		return 0;
	/* A prefix pattern: % and _ in the text are literal. */
	char pattern[2 * 1000 + 2];
	size_t n = 0;
	for (const char *p = text; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			pattern[n++] = '\\';
		pattern[n++] = *p;
	}
	pattern[n++] = '%';
	pattern[n] = 0;
	struct search_rows s = {out, max, 0};
	const char *sql = who->manager_id ? ACCOUNTS_SEARCH(SCOPE_MINE("w.account_id")) : ACCOUNTS_SEARCH(SCOPE_ALL);
	long long scope_arg = who->manager_id ? who->manager_id : 1;
	if (db_each(d, search_row, &s, sql, "ssisi", who->partner_id, pattern, scope_arg, pattern, (long long)max) < 0)
		return -1;
	return s.n;
}
