#include "lib/throttle.h"
#include "lib/core/config.h"
#include "lib/core/crypto.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

struct throttle_rules throttle_rules(void)
{
	struct throttle_rules r = {
		.pair_max = cfg_int("Login.MaxFailures", 5),
		.window = 60L * cfg_int("Login.WindowMinutes", 15),
		.address_free = cfg_int("Login.AddressFreeFailures", 20),
		.email_free = cfg_int("Login.EmailFreeFailures", 10),
		.delay_max = cfg_int("Login.DelayMaxSeconds", 60),
	};
	return r;
}

long throttle_delay(int over, long max)
{
	if (over <= 0)
		return 0;
	long delay = over >= 30 ? max : 2L << (over - 1);
	return delay < max ? delay : max;
}

static long left(long wait, long since)
{
	return wait > since ? wait - since : 0;
}

long throttle_wait_seconds(const struct throttle_counts *c, const struct throttle_rules *r)
{
	long wait = 0, w;
	if (c->pair >= r->pair_max && (w = left(r->window, c->pair_age)) > wait)
		wait = w;
	if ((w = left(throttle_delay(c->address - r->address_free, r->delay_max), c->address_last)) > wait)
		wait = w;
	/* Only addresses that have failed: the right password from any other goes through. */
	if (c->address > 0 && (w = left(throttle_delay(c->email - r->email_free, r->delay_max), c->email_last)) > wait)
		wait = w;
	return wait;
}

/* ---- the counts in the database ---- */

/* Emails are matched without regard to case at sign-in, so the keys must
 * be too, or changing the case would reset the count. Only hashes are kept. */
static void key_of(const char *email, const char *addr, char hash[TOKEN_HEX])
{
	char text[600];
	size_t i = 0;
	for (const char *p = email; p && *p && i < 320; p++)
		text[i++] = (char)tolower((unsigned char)*p);
	text[i] = 0;
	if (email && addr)
		snprintf(text + i, sizeof text - i, "\n%s", addr);
	else if (addr)
		snprintf(text, sizeof text, "%s", addr);
	sha256_hex(text, hash);
}

struct keys {
	char pair[TOKEN_HEX], address[TOKEN_HEX], email[TOKEN_HEX];
};

static void keys_of(const char *email, const char *addr, struct keys *k)
{
	key_of(email, addr, k->pair);
	key_of(NULL, addr, k->address);
	key_of(email, NULL, k->email);
}

static int counts_from_row(void *ctx, const struct db_row *row)
{
	struct throttle_counts *c = ctx;
	const char *scope = row_str(row, "scope");
	int failures = (int)row_int(row, "failures");
	long last = (long)row_int(row, "last_age");
	if (strcmp(scope, "pair") == 0) {
		c->pair = failures;
		c->pair_age = (long)row_int(row, "window_age");
	} else if (strcmp(scope, "addr") == 0) {
		c->address = failures;
		c->address_last = last;
	} else {
		c->email = failures;
		c->email_last = last;
	}
	return 0;
}

long throttle_wait(db *d, const char *email, const char *addr)
{
	struct throttle_rules rules = throttle_rules();
	struct throttle_counts c = {0};
	struct keys k;
	keys_of(email, addr, &k);
	if (db_each(d, counts_from_row, &c,
		    "SELECT scope, failures, TIMESTAMPDIFF(SECOND, window_start, UTC_TIMESTAMP()) AS window_age,"
		    " TIMESTAMPDIFF(SECOND, COALESCE(last_failure_at, window_start), UTC_TIMESTAMP()) AS last_age"
		    " FROM login_failures WHERE ((scope = 'pair' AND key_hash = ?) OR (scope = 'addr' AND key_hash = ?)"
		    " OR (scope = 'email' AND key_hash = ?)) AND window_start > UTC_TIMESTAMP() - INTERVAL ? SECOND",
		    "sssi", k.pair, k.address, k.email, (long long)rules.window) < 0)
		return -1;
	return throttle_wait_seconds(&c, &rules);
}

int throttle_fail(db *d, const char *email, const char *addr)
{
	long long window = throttle_rules().window;
	struct keys k;
	keys_of(email, addr, &k);
	/* failures is computed before window_start moves: assignments run in order. */
	return db_exec(d,
		"INSERT INTO login_failures (scope, key_hash, failures, window_start, last_failure_at)"
		" VALUES ('pair', ?, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()), ('addr', ?, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()),"
		" ('email', ?, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
		" ON DUPLICATE KEY UPDATE"
		" failures = IF(window_start <= UTC_TIMESTAMP() - INTERVAL ? SECOND, 1, failures + 1),"
		" window_start = IF(window_start <= UTC_TIMESTAMP() - INTERVAL ? SECOND, UTC_TIMESTAMP(), window_start),"
		" last_failure_at = UTC_TIMESTAMP()",
		"sssii", k.pair, k.address, k.email, window, window) < 0 ? -1 : 0;
}

int throttle_clear(db *d, const char *email, const char *addr)
{
	char pair[TOKEN_HEX];
	key_of(email, addr, pair);
	return db_exec(d, "DELETE FROM login_failures WHERE scope = 'pair' AND key_hash = ?", "s", pair) < 0 ? -1 : 0;
}

int throttle_reset_request(db *d, const char *email, const char *addr)
{
	struct keys k;
	keys_of(email, addr, &k);
	if (db_exec(d,
		    "INSERT INTO reset_requests (scope, key_hash, requests, window_start)"
		    " VALUES ('email', ?, 1, UTC_TIMESTAMP()), ('addr', ?, 1, UTC_TIMESTAMP())"
		    " ON DUPLICATE KEY UPDATE"
		    " requests = IF(window_start <= UTC_TIMESTAMP() - INTERVAL 1 HOUR, 1, requests + 1),"
		    " window_start = IF(window_start <= UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP(), window_start)",
		    "ss", k.email, k.address) < 0)
		return -1;
	long long over = 0;
	if (db_int(d, &over,
		   "SELECT COUNT(*) FROM reset_requests WHERE (scope = 'email' AND key_hash = ? AND requests > ?)"
		   " OR (scope = 'addr' AND key_hash = ? AND requests > ?)",
		   "sisi", k.email, (long long)cfg_int("Forgot.MaxPerEmail", 3), k.address,
		   (long long)cfg_int("Forgot.MaxPerAddress", 20)) != 1)
		return -1;
	return over == 0;
}
