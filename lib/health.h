#ifndef SB_HEALTH_H
#define SB_HEALTH_H
/* What an operator's monitor asks of a console (GET /health): can it reach
 * the database, is syncd alive, is mail getting out. */
#include "lib/core/db.h"

/* Mail counts stop at this many: the answer stays cheap whatever the backlog. */
#define HEALTH_COUNT_MAX 100000

struct health {
	long long syncd_age;          /* seconds since syncd's latest heartbeat; -1 when none ever came */
	long long mail_queued;        /* emails waiting to be sent, at most HEALTH_COUNT_MAX */
	long long mail_failed;        /* emails given up on, at most HEALTH_COUNT_MAX */
	long long mail_oldest_age;    /* seconds the oldest waiting email has waited; -1 when none waits */
};

/* 0, or -1 when the database cannot be reached. */
int health_read(db *d, struct health *out);
#endif
