#include "lib/inventory_swa.h"

#include <stdio.h>
#include <string.h>

static const char *const licence_keys[LICENCE_TYPE_COUNT] = {"unlicensed", "subscription", "perpetual"};
static const char *const swa_keys[SWA_STATUS_COUNT] = {"not_indicated", "active", "inactive", "expiring_soon", "expired"};

const char *licence_type_key(enum licence_type t)
{
	return (unsigned)t < LICENCE_TYPE_COUNT ? licence_keys[t] : "";
}

int licence_type_from_key(const char *key)
{
	for (int i = 0; i < LICENCE_TYPE_COUNT; i++)
		if (key && strcmp(key, licence_keys[i]) == 0)
			return i;
	return -1;
}

const char *swa_status_key(enum swa_status s)
{
	return (unsigned)s < SWA_STATUS_COUNT ? swa_keys[s] : "";
}

int swa_status_from_key(const char *key)
{
	for (int i = 0; i < SWA_STATUS_COUNT; i++)
		if (key && strcmp(key, swa_keys[i]) == 0)
			return i;
	return -1;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
static long days_from_civil(long y, long m, long d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int days_in(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : days[m - 1];
}

static int parse_date(const char *s, long *days)
{
	int y, m, d, n = 0;
	if (!s || strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 || s[4] != '-' ||
	    s[7] != '-' || m < 1 || m > 12 || d < 1 || d > days_in(y, m))
		return 0;
	*days = days_from_civil(y, m, d);
	return 1;
}

long swa_days_left(const char *today, const char *expiry, int *ok)
{
	long t, e;
	*ok = parse_date(today, &t) && parse_date(expiry, &e);
	return *ok ? e - t : 0;
}

enum swa_status swa_status_of(enum licence_type t, const char *expiry, const char *today)
{
	int ok;
	long left = swa_days_left(today, expiry, &ok);
	if (t == LICENCE_UNLICENSED || !ok)
		return SWA_NOT_INDICATED;
	if (t == LICENCE_SUBSCRIPTION)
		return left < 0 ? SWA_INACTIVE : SWA_ACTIVE;
	if (left < 0)
		return SWA_EXPIRED;
	return left <= SWA_SOON_DAYS ? SWA_EXPIRING_SOON : SWA_ACTIVE;
}
