#ifndef SB_THROTTLE_H
#define SB_THROTTLE_H
/* Minutes left in a throttling window of window_min minutes that began
 * seconds_ago, rounded up and never below 1: what the sign-in page says. */
int throttle_minutes_left(long seconds_ago, int window_min);

#include "lib/core/db.h"
/* Sign-in throttling: failures are counted per email and per client
 * address over a window. throttle_wait returns the minutes to wait (0: go on). */
int throttle_wait(db *d, const char *email, const char *addr);
void throttle_fail(db *d, const char *email, const char *addr);
void throttle_clear(db *d, const char *email);
#endif
