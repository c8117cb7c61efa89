#ifndef SB_MIVB_MICOLLAB_SYNC_H
#define SB_MIVB_MICOLLAB_SYNC_H
/* MiVoice Business → Tools → Sync MiVoice Business to MiCollab (guide
 * §3.1.2 Tools): the PBX's Personal Ring Groups and Multi-device User
 * Groups pushed to MiCollab, per item or for the selection, as a job with a
 * progress bar (lib/jobs.h JOB_MICOLLAB_SYNC) that syncd works through an
 * item at a time, each item one request to the PBX (docs/pbx-link-protocol.md
 * §8.8). */
#include "lib/jobs.h"
#include "lib/mivb/pbx_admin.h"

#define MIVB_SYNC_ITEMS_MAX 100

struct mivb_sync_item {
	char id[65];
	char name[129];
	char kind[9];                  /* "prg", "mdug" */
	char synced[33];               /* when it was last synced, "" never */
};

/* The PBX's items (as pbx_objects.h: 0, 1 refused, -1 no answer). */
int mivb_micollab_items(struct pbx_admin *a, int (*fn)(void *ctx, const struct mivb_sync_item *it), void *ctx,
			struct pbx_reply *rep);

/* Inside the caller's transaction: a job over the items. Its id, or -1. */
long long mivb_micollab_sync_enqueue(db *d, const struct actor *who, const char *account_id,
				     const struct mivb_sync_item *items, int n);

/* job_work's part for JOB_MICOLLAB_SYNC, inside the batch's transaction:
 * syncs up to max_items pending items (a refused item is counted as
 * skipped), finishes the job when none remain. Items done, or -1 (the PBX
 * did not answer: the batch is tried again later). */
int mivb_micollab_sync_work(db *d, const struct job_row *job, int max_items);
#endif
