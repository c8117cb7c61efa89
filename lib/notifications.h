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

/* A notification that is no job's end (topic, e.g. "pbx_link_failing", and
 * a short text naming what it is about) for the people who run account_id:
 * its Account Admins and its partner's administrators (a partner account's
 * own administrators when it is a partner). detail_key and detail_args (a
 * JSON array), or NULL: why, as a message key that each reader sees in
 * their own language (a PBX sync's error: lib/stored_message.h). Inside the
 * caller's transaction. The number notified, or -1. */
long long notifications_for_admins(db *d, const char *account_id, const char *topic, const char *text,
				   const char *detail_key, const char *detail_args);
#endif
