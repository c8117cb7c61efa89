#include "lib/passwords.h"
#include "lib/core/crypto.h"
#include "lib/mail.h"

#include <stdio.h>
#include <string.h>

/* Sign-in looks users up by email across accounts (ix_users_email). */
#define CANDIDATES_MAX 5

struct candidates {
	int n;
	long long id[CANDIDATES_MAX];
	char hash[CANDIDATES_MAX][PASSWORD_HASH_MAX];
};

static int candidate_from_row(void *ctx, const struct db_row *row)
{
	struct candidates *c = ctx;
	if (c->n < CANDIDATES_MAX) {
		c->id[c->n] = row_int(row, "id");
		row_copy(row, "hash", c->hash[c->n], sizeof c->hash[c->n]);
		c->n++;
	}
	return 0;
}

/* A real hash to verify against when no user matched, made once per process. */
static const char *timing_hash(void)
{
	static char hash[PASSWORD_HASH_MAX];
	if (!hash[0])
		password_hash("no user has this password", hash);
	return hash;
}

/* Single sign-on takes the password away from everyone but Account Admins,
 * unless the account offers Mitel credentials (guide §3.2.2.1). */
#define SIGN_IN_CANDIDATES \
	"SELECT u.id, u.password_hash AS hash FROM users u JOIN accounts a ON a.id = u.account_id" \
	" LEFT JOIN sso_configs c ON c.account_id = u.account_id" \
	" WHERE u.email = ? AND u.registered = 1 AND u.active = 1 AND a.status = 'active'" \
	" AND (c.account_id IS NULL OR c.mitel_credentials = 1 OR u.role = 'account_admin')"

int passwords_sign_in(db *d, const char *email, const char *account_id, const char *password, long long *user_id)
{
	struct candidates c = {0};
	int rc = account_id
		? db_each(d, candidate_from_row, &c, SIGN_IN_CANDIDATES " AND u.account_id = ? ORDER BY u.id LIMIT 5",
			  "ss", email, account_id)
		: db_each(d, candidate_from_row, &c, SIGN_IN_CANDIDATES " ORDER BY u.id LIMIT 5", "s", email);
	if (rc < 0)
		return -1;
	for (int i = 0; i < c.n; i++)
		if (password_verify(c.hash[i], password)) {
			*user_id = c.id[i];
			return 1;
		}
	/* Spend the same time whether or not the email exists. */
	if (c.n == 0)
		password_verify(timing_hash(), password);
	return 0;
}

int passwords_match(db *d, long long user_id, const char *password)
{
	char hash[PASSWORD_HASH_MAX] = "";
	if (db_str(d, hash, sizeof hash, "SELECT COALESCE(password_hash, '') FROM users WHERE id = ?", "i", user_id) < 0)
		return -1;
	return password_verify(hash, password);
}

int passwords_set(db *d, long long user_id, const char *password_hash, const char *by_name)
{
	return db_exec(d,
		"UPDATE users SET password_hash = ?, registered = 1, updated_at = UTC_TIMESTAMP(),"
		" updated_by_name = COALESCE(?, updated_by_name) WHERE id = ?",
		"ssi", password_hash, by_name, user_id) == 1 ? 0 : -1;
}

struct reset_users {
	int n, max;
	long long id[CANDIDATES_MAX];
	char account_id[CANDIDATES_MAX][40];
};

static int reset_user_from_row(void *ctx, const struct db_row *row)
{
	struct reset_users *u = ctx;
	if (u->n < u->max) {
		u->id[u->n] = row_int(row, "id");
		row_copy(row, "account_id", u->account_id[u->n], sizeof u->account_id[u->n]);
		u->n++;
	}
	return 0;
}

int passwords_reset_request(db *d, const char *email, const struct actor *requester, int max_users)
{
	struct reset_users u = {0, max_users < CANDIDATES_MAX ? max_users : CANDIDATES_MAX, {0}, {{0}}};
	/* One pending reset email per user is enough: asking again does not
	 * queue more (nor let anyone flood an inbox). */
	if (db_each(d, reset_user_from_row, &u,
		    "SELECT u.id, u.account_id FROM users u JOIN accounts a ON a.id = u.account_id"
		    " WHERE u.email = ? AND u.registered = 1 AND a.status = 'active'"
		    " AND NOT EXISTS (SELECT 1 FROM mail_outbox o WHERE o.user_id = u.id AND o.kind = 'reset'"
		    " AND o.state = 'queued')"
		    " ORDER BY u.id LIMIT ? FOR UPDATE",
		    "si", email, (long long)u.max) < 0)
		return -1;
	char id_text[24];
	for (int i = 0; i < u.n; i++) {
		snprintf(id_text, sizeof id_text, "%lld", u.id[i]);
		if (mail_enqueue(d, u.account_id[i], u.id[i], 0, "reset") != 1 ||
		    audit_event(d, u.account_id[i], requester, "user.password_reset_request", "user", id_text, email,
				NULL) != 0)
			return -1;
	}
	return u.n;
}
