#include "lib/accounts.h"

#include <stdio.h>
#include <string.h>

void user_display_name(const struct user_fields *u, char *out, size_t n)
{
	if (u->name && *u->name)
		snprintf(out, n, "%s", u->name);
	else if (u->first_name && *u->first_name && u->last_name && *u->last_name)
		snprintf(out, n, "%s %s", u->first_name, u->last_name);
	else
		snprintf(out, n, "%s", u->first_name && *u->first_name ? u->first_name : u->last_name ? u->last_name : "");
}

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
		    "sssssssssss", out_id, partner_id, partner_id, f->name, f->country ? f->country : "",
		    f->province ? f->province : "", f->address ? f->address : "", f->city ? f->city : "",
		    f->postal_code ? f->postal_code : "", f->default_language ? f->default_language : "en",
		    f->business_type ? f->business_type : "") != 1)
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
		"sssssssssiss", account_id, f->first_name ? f->first_name : "", f->last_name ? f->last_name : "",
		f->name ? f->name : "", display, f->email, f->mobile ? f->mobile : "",
		f->extension ? f->extension : "", f->role ? f->role : "user", (long long)(f->password != NULL), hash,
		who && who->name ? who->name : "System");
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

int account_find_in_reach(db *d, const struct account_reach *who, const char *account_id, struct account_ref *out)
{
	return db_one(d, account_ref_from_row, out,
		"SELECT id, name, kind, status FROM accounts WHERE id = ? AND (id = ? OR (partner_id = ? AND partner_id <> ''"
		" AND (? = 0 OR id IN (SELECT account_id FROM account_manager_accounts WHERE user_id = ?))))",
		"sssii", account_id, who->own_account_id, who->partner_id, who->manager_id, who->manager_id);
}

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
