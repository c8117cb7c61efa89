#include "lib/credentials.h"
#include "lib/tokens.h"

#include <string.h>

static const struct {
	enum credential_kind kind;
	const char *key;
} kinds[] = {
	{CRED_BILLING_FEED, "billing-feed"}, {CRED_APP, "app"}, {CRED_GATEWAY, "gateway"},
	{CRED_INVENTORY, "inventory-daemon"}, {CRED_APP_REPORT, "app-report"}, {CRED_OAUTH, "oauth-access"},
	{CRED_SCIM, "scim"},
};

const char *credential_kind_key(enum credential_kind k)
{
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (kinds[i].kind == k)
			return kinds[i].key;
	return "";
}

int credential_kind_from_key(const char *key)
{
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].key, key) == 0)
			return kinds[i].kind;
	return 0;
}

long long credential_issue(db *d, enum credential_kind kind, const char *partner_id, const char *account_id,
			   long long application_id, const char *label, const char *created_by_name,
			   long lifetime_seconds, char token[TOKEN_HEX])
{
	char hash[TOKEN_HEX];
	/* a SCIM client provisions one account, never a partner's every account */
	if (kind == CRED_SCIM && (!account_id || !*account_id))
		return -1;
	if (random_token(token) != 0)
		return -1;
	sha256_hex(token, hash);
	if (db_exec(d,
		    "INSERT INTO machine_credentials (token_hash, kind, partner_id, account_id, application_id, label,"
		    " created_by_name, created_at, expires_at)"
		    " VALUES (?, ?, ?, NULLIF(?, ''), NULLIF(?, 0), ?, ?, UTC_TIMESTAMP(),"
		    " IF(? > 0, UTC_TIMESTAMP() + INTERVAL ? SECOND, NULL))",
		    "ssssissii", hash, credential_kind_key(kind), partner_id, account_id ? account_id : "",
		    application_id, label, created_by_name, (long long)lifetime_seconds, (long long)lifetime_seconds) != 1)
		return -1;
	return (long long)db_insert_id(d);
}

long long credential_issue_for_user(db *d, enum credential_kind kind, const char *partner_id, const char *account_id,
				    long long user_id, const char *label, long lifetime_seconds, char token[TOKEN_HEX])
{
	char hash[TOKEN_HEX];
	if (random_token(token) != 0)
		return -1;
	sha256_hex(token, hash);
	if (db_exec(d,
		    "INSERT INTO machine_credentials (token_hash, kind, partner_id, account_id, user_id, label,"
		    " created_by_name, created_at, expires_at)"
		    " SELECT ?, ?, ?, u.account_id, u.id, ?, u.display_name, UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL ? SECOND"
		    " FROM users u WHERE u.id = ? AND u.account_id = ?",
		    "ssssiis", hash, credential_kind_key(kind), partner_id, label, (long long)lifetime_seconds, user_id,
		    account_id) != 1)
		return -1;
	return (long long)db_insert_id(d);
}

int credentials_purge_expired(db *d, int max)
{
	long long n = db_exec(d, "DELETE FROM machine_credentials WHERE expires_at < UTC_TIMESTAMP() - INTERVAL 1 DAY LIMIT ?",
			      "i", (long long)max);
	return n < 0 ? -1 : (int)n;
}

static int credential_from_row(void *ctx, const struct db_row *row)
{
	struct credential *c = ctx;
	memset(c, 0, sizeof *c);
	c->id = row_int(row, "id");
	c->kind = (enum credential_kind)credential_kind_from_key(row_str(row, "kind"));
	row_copy(row, "partner_id", c->partner_id, sizeof c->partner_id);
	row_copy(row, "account_id", c->account_id, sizeof c->account_id);
	c->application_id = row_int(row, "application_id");
	c->user_id = row_int(row, "user_id");
	row_copy(row, "label", c->label, sizeof c->label);
	c->idle_seconds = (long)row_int(row, "idle");
	return 0;
}

int credential_find(db *d, const char *raw, struct credential *out)
{
	if (!token_well_formed(raw))
		return 0;
	char hash[TOKEN_HEX];
	sha256_hex(raw, hash);
	int rc = db_one(d, credential_from_row, out,
		"SELECT c.id, c.kind, c.partner_id, c.account_id, c.application_id, c.user_id, c.label,"
		" COALESCE(TIMESTAMPDIFF(SECOND, c.last_used_at, UTC_TIMESTAMP()), 2147483647) AS idle"
		" FROM machine_credentials c JOIN accounts p ON p.id = c.partner_id"
		" WHERE c.token_hash = ? AND c.revoked_at IS NULL"
		" AND (c.expires_at IS NULL OR c.expires_at > UTC_TIMESTAMP()) AND p.status = 'active'",
		"s", hash);
	return rc == 1 && out->kind == 0 ? 0 : rc;
}

struct reaching_row {
	struct credential *c;
	struct account_ref *a;
};

static int reaching_from_row(void *ctx, const struct db_row *row)
{
	struct reaching_row *r = ctx;
	credential_from_row(r->c, row);
	memset(r->a, 0, sizeof *r->a);
	if (row_null(row, "reached_id"))
		return 0;
	row_copy(row, "reached_id", r->a->id, sizeof r->a->id);
	row_copy(row, "reached_name", r->a->name, sizeof r->a->name);
	r->a->is_partner = strcmp(row_str(row, "reached_kind"), "partner") == 0;
	r->a->active = strcmp(row_str(row, "reached_status"), "active") == 0;
	return 0;
}

int credential_find_reaching(db *d, const char *raw, const char *account_id, struct credential *out,
			     struct account_ref *reached)
{
	memset(reached, 0, sizeof *reached);
	if (!token_well_formed(raw))
		return 0;
	char hash[TOKEN_HEX];
	sha256_hex(raw, hash);
	struct reaching_row r = {out, reached};
	/* account_find_in_reach's rule, with the credential as the asker. */
	int rc = db_one(d, reaching_from_row, &r,
		"SELECT c.id, c.kind, c.partner_id, c.account_id, c.application_id, c.user_id, c.label,"
		" COALESCE(TIMESTAMPDIFF(SECOND, c.last_used_at, UTC_TIMESTAMP()), 2147483647) AS idle,"
		" a.id AS reached_id, a.name AS reached_name, a.kind AS reached_kind, a.status AS reached_status"
		" FROM machine_credentials c JOIN accounts p ON p.id = c.partner_id"
		" LEFT JOIN accounts a ON a.id = ?"
		"  AND (a.id = COALESCE(c.account_id, c.partner_id) OR (c.account_id IS NULL AND a.partner_id = c.partner_id))"
		" WHERE c.token_hash = ? AND c.revoked_at IS NULL"
		" AND (c.expires_at IS NULL OR c.expires_at > UTC_TIMESTAMP()) AND p.status = 'active'",
		"ss", account_id, hash);
	return rc == 1 && out->kind == 0 ? 0 : rc;
}

int credential_touch(db *d, long long id)
{
	return db_exec(d, "UPDATE machine_credentials SET last_used_at = UTC_TIMESTAMP() WHERE id = ?", "i", id) < 0 ? -1 : 0;
}

struct listing_call {
	credential_listing_fn fn;
	void *ctx;
};

static int listing_row(void *ctx, const struct db_row *row)
{
	struct listing_call *l = ctx;
	struct credential_listing c;
	c.id = row_int(row, "id");
	row_copy(row, "kind", c.kind, sizeof c.kind);
	row_copy(row, "account_id", c.account_id, sizeof c.account_id);
	row_copy(row, "label", c.label, sizeof c.label);
	row_copy(row, "created", c.created_at, sizeof c.created_at);
	row_copy(row, "last_used", c.last_used_at, sizeof c.last_used_at);
	row_copy(row, "expires", c.expires_at, sizeof c.expires_at);
	row_copy(row, "revoked", c.revoked_at, sizeof c.revoked_at);
	return l->fn(l->ctx, &c);
}

int credentials_each(db *d, const char *partner_id, credential_listing_fn fn, void *ctx)
{
	struct listing_call l = {fn, ctx};
	return db_each(d, listing_row, &l,
		       "SELECT id, kind, account_id, label,"
		       " DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') AS created,"
		       " DATE_FORMAT(last_used_at, '%Y-%m-%d %H:%i:%s') AS last_used,"
		       " DATE_FORMAT(expires_at, '%Y-%m-%d %H:%i:%s') AS expires,"
		       " DATE_FORMAT(revoked_at, '%Y-%m-%d %H:%i:%s') AS revoked"
		       " FROM machine_credentials WHERE partner_id = ?"
		       " AND (expires_at IS NULL OR expires_at > UTC_TIMESTAMP()) ORDER BY id DESC",
		       "s", partner_id);
}

int credential_revoke(db *d, const char *partner_id, long long id, long long application_id)
{
	long long n = id
		? db_exec(d, "UPDATE machine_credentials SET revoked_at = UTC_TIMESTAMP()"
			     " WHERE id = ? AND partner_id = ? AND revoked_at IS NULL", "is", id, partner_id)
		: db_exec(d, "UPDATE machine_credentials SET revoked_at = UTC_TIMESTAMP()"
			     " WHERE application_id = ? AND partner_id = ? AND revoked_at IS NULL", "is", application_id, partner_id);
	return n < 0 ? -1 : n > 0;
}

int credential_revoke_for_account(db *d, const char *partner_id, long long application_id, const char *account_id)
{
	return db_exec(d, "UPDATE machine_credentials SET revoked_at = UTC_TIMESTAMP()"
			  " WHERE application_id = ? AND account_id = ? AND partner_id = ? AND revoked_at IS NULL",
		       "iss", application_id, account_id, partner_id) < 0 ? -1 : 0;
}

int credential_purge_expired(db *d, long long application_id, const char *account_id)
{
	return db_exec(d, "DELETE FROM machine_credentials WHERE application_id = ? AND account_id = ?"
			  " AND expires_at < UTC_TIMESTAMP() - INTERVAL 1 DAY LIMIT 100",
		       "is", application_id, account_id) < 0 ? -1 : 0;
}
