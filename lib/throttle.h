#ifndef SB_THROTTLE_H
#define SB_THROTTLE_H
/* Sign-in throttling (ARCHITECTURE §8) that bounds password guessing
 * without letting anyone lock a user out. Failures are counted over a
 * window per email and client address together (the pair), per address,
 * and per email:
 *  - a pair that failed Login.MaxFailures times waits until its window
 *    ends: that address stops guessing that email;
 *  - an address past Login.AddressFreeFailures failures (of any emails)
 *    waits a delay after its last failure, doubling with each failure past
 *    the limit, at most Login.DelayMaxSeconds: slowed, never locked out;
 *  - an email past Login.EmailFreeFailures failures (from any addresses)
 *    makes the addresses that have failed wait the same kind of delay
 *    after that email's last failure, which bounds guessing spread over
 *    many addresses;
 * while an address that has not failed is never held back: the right
 * password from it signs in whatever others sent. A failure does not
 * count while a wait is running, nor is the password then checked.
 * Forgot your password? is limited per email and per address too. */
#include "lib/core/db.h"

/* What the counts say about one attempt (each within the window). */
struct throttle_counts {
	int pair;                  /* failures of this email from this address */
	long pair_age;             /* seconds since the pair's window began */
	int address;               /* failures from this address, any email */
	long address_last;         /* seconds since its latest */
	int email;                 /* failures of this email, from any address */
	long email_last;           /* seconds since its latest */
};

struct throttle_rules {
	int pair_max;              /* Login.MaxFailures */
	long window;               /* seconds: Login.WindowMinutes */
	int address_free;          /* Login.AddressFreeFailures */
	int email_free;            /* Login.EmailFreeFailures */
	long delay_max;            /* Login.DelayMaxSeconds */
};

struct throttle_rules throttle_rules(void);   /* from the configuration */

/* The delay after `over` failures past a free allowance: 2, 4, 8, ...
 * seconds, at most max; 0 when over is 0 or less. */
long throttle_delay(int over, long max);
/* Seconds this attempt must wait before its password is checked; 0: go on. */
long throttle_wait_seconds(const struct throttle_counts *c, const struct throttle_rules *r);

/* The same, read from the database: seconds, or -1 on error. */
long throttle_wait(db *d, const char *email, const char *addr);
/* A failed sign-in, counted for the pair, the address and the email. 0 or -1. */
int throttle_fail(db *d, const char *email, const char *addr);
/* A sign-in worked: that pair starts afresh (the address's and the email's
 * counts stay: someone else may be guessing). 0 or -1. */
int throttle_clear(db *d, const char *email, const char *addr);

/* Forgot your password?: counts one request for the email and the address
 * over an hour; 1 when both are within Forgot.MaxPerEmail and
 * Forgot.MaxPerAddress (a mail may be sent), 0 when not, -1 on error. */
int throttle_reset_request(db *d, const char *email, const char *addr);
#endif
