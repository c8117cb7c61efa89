#ifndef SB_NOTIFICATIONS_H
#define SB_NOTIFICATIONS_H
/* The bell (guide §1.3): each notification tells its user how a job they
 * started ended. A user reaches only their own. */
#include "lib/core/db.h"

struct notification {
	long long id;
	long long user_id;
	long long job_id;              /* 0: none */
	int seen;
};

/* The notification id of user_id: 1 found, 0 not (or someone else's), -1 error. */
int notification_find(db *d, long long user_id, long long id, struct notification *out);
/* Dismiss All: every one of user_id's notifications is seen. 0 or -1. */
int notifications_dismiss_all(db *d, long long user_id);
/* Removes one of user_id's notifications for good. 0 or -1. */
int notification_delete(db *d, long long user_id, long long id);
#endif
