#ifndef SB_THROTTLE_H
#define SB_THROTTLE_H
/* Minutes left in a throttling window of window_min minutes that began
 * seconds_ago, rounded up and never below 1: what the sign-in page says. */
int throttle_minutes_left(long seconds_ago, int window_min);
#endif
