#include "lib/throttle.h"

int throttle_minutes_left(long seconds_ago, int window_min)
{
	long left = (long)window_min * 60 - seconds_ago;
	int minutes = (int)((left + 59) / 60);
	return minutes < 1 ? 1 : minutes;
}
