#ifndef SB_MANAGE_SELECTION_H
#define SB_MANAGE_SELECTION_H
/* The Manage panel's selection (guide §2.4), shared by its actions and its
 * Bulk User Settings: "Manage Selected" is the ticked users, "Manage all"
 * every user the list's filters and search match. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/users/user_filter.h"
#include "lib/jobs.h"

#define MAX_SELECTED 200     /* the largest page of the list */

struct selection {
	long long ids[MAX_SELECTED];
	int n;
	int all;                 /* every user the filters and the search match */
	long long matches;       /* for all: how many, -1 when more than USERS_MATCHES_EXACT */
	struct user_match match;
};

/* Reads the selection and draws the panel's heading. 1 when there are users
 * to act on; 0 when not (the panel says why, status 422); -1 on error. */
int manage_start(struct req *r, struct selection *s);
/* Creates the job of kind over the selection — before_run (may be NULL)
 * adds what the job needs in the same transaction — and does it at once when
 * it is small. Returns its id or -1. */
long long manage_run(struct req *r, struct selection *s, enum job_kind kind,
		     int (*before_run)(struct req *r, long long job_id, void *arg), void *arg);
#endif
