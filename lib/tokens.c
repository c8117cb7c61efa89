#include "lib/tokens.h"

#include <string.h>

int token_well_formed(const char *raw)
{
	return raw && strlen(raw) == TOKEN_HEX - 1 && strspn(raw, "0123456789abcdef") == TOKEN_HEX - 1;
}

int token_mint(db *d, long long user_id, const char *account_id, const char *purpose, long minutes, char raw[TOKEN_HEX])
{
	char hash[TOKEN_HEX];
	if (random_token(raw) != 0)
		return -1;
	sha256_hex(raw, hash);
	return db_exec(d,
		"INSERT INTO user_tokens (token_hash, user_id, account_id, purpose, created_at, expires_at)"
		" VALUES (?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL ? MINUTE)",
		"sissi", hash, user_id, account_id, purpose, (long long)minutes) == 1 ? 0 : -1;
}

int token_check(db *d, const char *raw, const char *purpose, int for_update, long long *user_id)
{
	if (!token_well_formed(raw))
		return TOKEN_UNKNOWN;
	char hash[TOKEN_HEX];
	sha256_hex(raw, hash);
	/* 2 used, 1 expired, 0 valid; -1 when the user's account is not active. */
	long long state = 0, uid = 0;
	const char *sql = for_update
		? "SELECT IF(t.used_at IS NOT NULL, 2, IF(t.expires_at <= UTC_TIMESTAMP(), 1, IF(a.status = 'active', 0, -1)))"
		  " FROM user_tokens t JOIN accounts a ON a.id = t.account_id"
		  " WHERE t.token_hash = ? AND t.purpose = ? FOR UPDATE"
		: "SELECT IF(t.used_at IS NOT NULL, 2, IF(t.expires_at <= UTC_TIMESTAMP(), 1, IF(a.status = 'active', 0, -1)))"
		  " FROM user_tokens t JOIN accounts a ON a.id = t.account_id"
		  " WHERE t.token_hash = ? AND t.purpose = ?";
	int rc = db_int(d, &state, sql, "ss", hash, purpose);
	if (rc < 0)
		return -1;
	if (rc == 0 || state < 0)
		return TOKEN_UNKNOWN;
	if (state == 2)
		return TOKEN_USED;
	if (state == 1)
		return TOKEN_EXPIRED;
	if (db_int(d, &uid, "SELECT user_id FROM user_tokens WHERE token_hash = ?", "s", hash) != 1)
		return -1;
	*user_id = uid;
	return TOKEN_VALID;
}

int token_use_all(db *d, long long user_id, const char *purpose)
{
	return db_exec(d, "UPDATE user_tokens SET used_at = UTC_TIMESTAMP() WHERE user_id = ? AND purpose = ? AND used_at IS NULL",
		       "is", user_id, purpose) < 0 ? -1 : 0;
}

static int token_user_from_row(void *ctx, const struct db_row *row)
{
	struct token_user *u = ctx;
	row_copy(row, "account_id", u->account_id, sizeof u->account_id);
	row_copy(row, "display_name", u->display_name, sizeof u->display_name);
	row_copy(row, "email", u->email, sizeof u->email);
	return 0;
}

int token_user_find(db *d, long long user_id, int for_update, struct token_user *out)
{
	memset(out, 0, sizeof *out);
	if (for_update)
		return db_one(d, token_user_from_row, out,
			      "SELECT account_id, display_name, email FROM users WHERE id = ? FOR UPDATE", "i", user_id);
	return db_one(d, token_user_from_row, out, "SELECT account_id, display_name, email FROM users WHERE id = ?", "i",
		      user_id);
}
