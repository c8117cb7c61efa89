#include "cgi-bin/core/session.h"
#include "lib/core/config.h"
#include "lib/throttle.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Write last_seen at most once a minute: enough for idle timeouts, and it
 * keeps most requests free of a write. */
#define TOUCH_SECONDS 60

int session_load(struct req *r)
{
	const char *token = hdf_get_value(r->hdf, "Cookie." SESSION_COOKIE, NULL);
	if (!token || strlen(token) != TOKEN_HEX - 1)
		return 0;
	sha256_hex(token, r->session_hash);
	int found = db_row(r->db, r->hdf, "Me",
		"SELECT u.id, u.account_id, COALESCE(a.partner_id, a.id) AS partner_id, u.role,"
		" u.display_name AS name, u.email, s.csrf_token AS csrf,"
		" TIMESTAMPDIFF(SECOND, s.last_seen_at, UTC_TIMESTAMP()) AS idle,"
		" cr.base AS custom_base, cr.grants AS custom_grants"
		" FROM sessions s JOIN users u ON u.id = s.user_id JOIN accounts a ON a.id = u.account_id"
		" LEFT JOIN roles cr ON cr.id = u.custom_role_id"
		" WHERE s.id_hash = ? AND a.status = 'active'"
		" AND s.last_seen_at > UTC_TIMESTAMP() - INTERVAL ? MINUTE"
		" AND s.created_at > UTC_TIMESTAMP() - INTERVAL ? HOUR",
		"sii", r->session_hash, (long long)cfg_int("Session.IdleMinutes", 30),
		(long long)cfg_int("Session.AbsoluteHours", 12));
	if (found != 1) {
		r->session_hash[0] = 0;
		return 0;
	}
	struct me *m = &r->me;
	snprintf(m->id_text, sizeof m->id_text, "%s", hdf_get_value(r->hdf, "Me.id", "0"));
	m->id = strtoll(m->id_text, NULL, 10);
	snprintf(m->account_id, sizeof m->account_id, "%s", hdf_get_value(r->hdf, "Me.account_id", ""));
	snprintf(m->partner_id, sizeof m->partner_id, "%s", hdf_get_value(r->hdf, "Me.partner_id", ""));
	snprintf(m->name, sizeof m->name, "%s", hdf_get_value(r->hdf, "Me.name", ""));
	snprintf(m->email, sizeof m->email, "%s", hdf_get_value(r->hdf, "Me.email", ""));
	m->role = role_from_key(hdf_get_value(r->hdf, "Me.role", ""));
	/* Read on every request, so a change to the role counts from the next one. */
	enum base_role base = BASE_PARTNER;
	const char *custom = hdf_get_value(r->hdf, "Me.custom_grants", NULL);
	if (custom && !base_from_key(hdf_get_value(r->hdf, "Me.custom_base", ""), &base))
		custom = "?"; /* unreadable: fails to parse, so nothing is granted */
	perm_effective(m->role, custom, base, &m->grants);
	m->restricted = m->role == ROLE_ACCOUNT_MANAGER;
	hdf_remove_tree(r->hdf, "Me.custom_grants");
	hdf_remove_tree(r->hdf, "Me.custom_base");
	snprintf(r->csrf, sizeof r->csrf, "%s", hdf_get_value(r->hdf, "Me.csrf", ""));
	hdf_remove_tree(r->hdf, "Me.csrf");
	if (hdf_get_int_value(r->hdf, "Me.idle", 0) >= TOUCH_SECONDS)
		db_exec(r->db, "UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() WHERE id_hash = ?",
			"s", r->session_hash);
	hdf_remove_tree(r->hdf, "Me.idle");
	return m->role != ROLE_NONE;
}

int session_start(struct req *r, long long user_id)
{
	char token[TOKEN_HEX], hash[TOKEN_HEX], csrf[TOKEN_HEX];
	if (random_token(token) != 0 || random_token(csrf) != 0)
		return -1;
	sha256_hex(token, hash);
	const char *addr = hdf_get_value(r->hdf, "CGI.RemoteAddress", "");
	/* Drop the old session, if any: the id is never reused across sign-in. */
	if (r->session_hash[0])
		db_exec(r->db, "DELETE FROM sessions WHERE id_hash = ?", "s", r->session_hash);
	if (db_exec(r->db,
		    "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, client_addr)"
		    " VALUES (?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(), ?)",
		    "siss", hash, user_id, csrf, addr) != 1)
		return -1;
	/* Housekeeping: sessions idle past the limit are gone for good. */
	db_exec(r->db, "DELETE FROM sessions WHERE last_seen_at < UTC_TIMESTAMP() - INTERVAL ? MINUTE LIMIT 100",
		"i", (long long)cfg_int("Session.IdleMinutes", 30));
	set_cookie(r, SESSION_COOKIE, token, -1);
	snprintf(r->session_hash, sizeof r->session_hash, "%s", hash);
	snprintf(r->csrf, sizeof r->csrf, "%s", csrf);
	return 0;
}

void session_end(struct req *r)
{
	if (r->session_hash[0])
		db_exec(r->db, "DELETE FROM sessions WHERE id_hash = ?", "s", r->session_hash);
	r->session_hash[0] = 0;
	set_cookie(r, SESSION_COOKIE, "", 0);
}

int sessions_end_user(db *d, long long user_id)
{
	return db_exec(d, "DELETE FROM sessions WHERE user_id = ?", "i", user_id) < 0 ? -1 : 0;
}

int sessions_end_account(db *d, const char *account_id)
{
	return db_exec(d, "DELETE s FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.account_id = ?",
		       "s", account_id) < 0 ? -1 : 0;
}

/* Emails are matched without regard to case at sign-in, so the throttling
 * key must be too, or changing the case would reset the count. */
static void throttle_key(const char *key, char hash[TOKEN_HEX])
{
	char lower[320];
	size_t i = 0;
	for (; key[i] && i < sizeof lower - 1; i++)
		lower[i] = (char)tolower((unsigned char)key[i]);
	lower[i] = 0;
	sha256_hex(lower, hash);
}

static int wait_for(db *d, const char *scope, const char *key, int max, int window)
{
	char hash[TOKEN_HEX];
	char row[64];
	throttle_key(key, hash);
	long long failures = 0;
	if (db_int(d, &failures,
		   "SELECT failures FROM login_failures WHERE scope = ? AND key_hash = ?"
		   " AND window_start > UTC_TIMESTAMP() - INTERVAL ? MINUTE",
		   "ssi", scope, hash, (long long)window) != 1 || failures < max)
		return 0;
	if (db_str(d, row, sizeof row,
		   "SELECT TIMESTAMPDIFF(SECOND, window_start, UTC_TIMESTAMP()) FROM login_failures"
		   " WHERE scope = ? AND key_hash = ?", "ss", scope, hash) != 1)
		return 0;
	return throttle_minutes_left(strtol(row, NULL, 10), window);
}

int throttle_wait(db *d, const char *email, const char *addr)
{
	int window = cfg_int("Login.WindowMinutes", 15);
	int by_email = wait_for(d, "email", email, cfg_int("Login.MaxFailures", 5), window);
	int by_addr = wait_for(d, "addr", addr, cfg_int("Login.MaxFailuresPerAddress", 50), window);
	return by_email > by_addr ? by_email : by_addr;
}

static void count_failure(db *d, const char *scope, const char *key, int window)
{
	char hash[TOKEN_HEX];
	throttle_key(key, hash);
	db_exec(d,
		"INSERT INTO login_failures (scope, key_hash, failures, window_start)"
		" VALUES (?, ?, 1, UTC_TIMESTAMP())"
		" ON DUPLICATE KEY UPDATE"
		" failures = IF(window_start < UTC_TIMESTAMP() - INTERVAL ? MINUTE, 1, failures + 1),"
		" window_start = IF(window_start < UTC_TIMESTAMP() - INTERVAL ? MINUTE, UTC_TIMESTAMP(), window_start)",
		"ssii", scope, hash, (long long)window, (long long)window);
}

void throttle_fail(db *d, const char *email, const char *addr)
{
	int window = cfg_int("Login.WindowMinutes", 15);
	count_failure(d, "email", email, window);
	count_failure(d, "addr", addr, window);
}

void throttle_clear(db *d, const char *email)
{
	char hash[TOKEN_HEX];
	throttle_key(email, hash);
	db_exec(d, "DELETE FROM login_failures WHERE scope = 'email' AND key_hash = ?", "s", hash);
}
