#ifndef SB_PBX_SYNC_H
#define SB_PBX_SYNC_H
/* Applying a PBX snapshot to the console (ch3 §2.4, ARCHITECTURE §7): the
 * diff of lib/pbx_diff.h written in transactions of at most
 * PBX_SYNC_BATCH changes, each with one event per change by the System and
 * each checking first that this syncd still holds the link's lease; each
 * is one db_tx, run again whole when Galera rolls it back (ARCHITECTURE
 * §10). Only a
 * complete snapshot ever reaches here: the driver refuses a failed, partial
 * or timed-out fetch, so nothing is written or deleted then.
 *
 *  - a new PBX user with a unique valid email: a console user (source PBX,
 *    pbx_user 1) and its PBX profile; without one, only the profile, listed
 *  - a changed one: its profile and its login's PBX-owned fields follow
 *  - one the PBX no longer has: its profile goes and pbx_user is cleared;
 *    its login goes too if it never registered
 *  - a snapshot with no change writes nothing at all but the link's status. */
#include "lib/core/db.h"
#include "lib/pbx_diff.h"

#define PBX_SYNC_BATCH 500

struct pbx_sync_stats {
	long added, changed, removed;        /* PBX profiles */
	long logins_added, logins_removed, unlinked;
	long dids_added, dids_removed, dids_changed;
	long writes;                         /* rows inserted, updated or deleted, events included */
	long events;
	int unchanged;                       /* the PBX said 304: nothing was read or compared */
};

/* Applies snap to link id of account_id while owner holds the lease, then
 * records the success in the link's status (counts, etag, version, next due
 * time, a notification if it had been failing, onboarding moved on from
 * Connect the PBX) and releases it. 0 done; 1 the lease was lost (another
 * syncd took the link over: nothing more is written); -1 error (what was
 * committed stays: a later sync completes it); -2 an inconsistent snapshot. */
int pbx_sync_apply(db *d, long long link_id, const char *account_id, const char *owner,
		   const struct pbx_snapshot *snap, double fetch_seconds, struct pbx_sync_stats *stats);
#endif
