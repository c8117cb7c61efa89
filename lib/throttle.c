#include "lib/throttle.h"
#include "lib/core/config.h"
#include "lib/core/crypto.h"
#include "lib/core/db.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

int throttle_minutes_left(long seconds_ago, int window_min)
{
	long left = (long)window_min * 60 - seconds_ago;
	int minutes = (int)((left + 59) / 60);
	return minutes < 1 ? 1 : minutes;
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
	throttle_key(key, hash);
	long long failures = 0, age = 0;
	int rc = db_int(d, &failures,
		   "SELECT failures FROM login_failures WHERE scope = ? AND key_hash = ?"
		   " AND window_start > UTC_TIMESTAMP() - INTERVAL ? MINUTE",
		   "ssi", scope, hash, (long long)window);
	if (rc != 1 || failures < max)
		return rc < 0 ? -1 : 0;
	if (db_int(d, &age,
		   "SELECT TIMESTAMPDIFF(SECOND, window_start, UTC_TIMESTAMP()) FROM login_failures"
		   " WHERE scope = ? AND key_hash = ?", "ss", scope, hash) != 1)
		return -1;
	return throttle_minutes_left((long)age, window);
}

int throttle_wait(db *d, const char *email, const char *addr)
{
	int window = cfg_int("Login.WindowMinutes", 15);
	int by_email = wait_for(d, "email", email, cfg_int("Login.MaxFailures", 5), window);
	int by_addr = wait_for(d, "addr", addr, cfg_int("Login.MaxFailuresPerAddress", 50), window);
	if (by_email < 0 || by_addr < 0)
		return -1;
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
