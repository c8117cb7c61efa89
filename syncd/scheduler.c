/* PBX links on their schedules (ARCHITECTURE §7; ch3 §0.2, §2.4). Each
 * link is due on its own schedule (sync_minutes after its last sync, or at
 * once after Connect or Sync Now). A due link is claimed like a job —
 * SELECT ... FOR UPDATE SKIP LOCKED and a lease in this process's name — so
 * two syncd processes never sync one link at once, and a link whose holder
 * died is taken over when its lease runs out. The fetch goes through the
 * link's PBX driver (drivers/) and the gateway's relay; only a complete
 * snapshot is applied (lib/pbx_sync.c). */
#include "syncd/syncd.h"
#include "syncd/drivers/pbx_driver.h"
#include "syncd/lease.h"
#include "lib/core/config.h"
#include "lib/core/log.h"
#include "lib/pbx_links.h"
#include "lib/pbx_sync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int lease_seconds(void) { return cfg_int("Pbx.LeaseSeconds", 120); }
static int retry_minutes(void) { return cfg_int("Pbx.RetryMinutes", 5); }

struct holder {
	db *d;
	long long id;
};

/* Between pages: the lease is ours for a while longer, or the fetch stops. */
static int keep_lease(void *ctx)
{
	struct holder *h = ctx;
	return pbx_link_lease_extend(h->d, h->id, lease_owner(), lease_seconds()) == 1;
}

/* Records why: its key and arguments for each reader's language, and its
 * English words for the log, the API and the CLI. */
static void failed(db *d, long long id, const struct stored_message *e)
{
	char words[513];
	stored_message_english("pbx.errors", e, words, sizeof words);
	log_error("pbx link %lld: sync failed: %s", id, words);
	if (pbx_link_failed(d, id, lease_owner(), e, words, retry_minutes()) != 0)
		log_error("pbx link %lld: could not record the failure: %s", id, db_error(d));
}

static void failed_for(db *d, long long id, const char *key, const char *arg)
{
	struct stored_message e;
	stored_message_set(&e, key, arg, NULL);
	failed(d, id, &e);
}

static double since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static void sync_link(db *d, long long id)
{
	struct pbx_link_target t;
	int found = pbx_link_target_load(d, id, cfg_str("Crypto.Key", ""), &t);
	if (found == 0)
		return;
	if (found == -2) {
		failed_for(d, id, "credentials_unreadable", NULL);
		return;
	}
	if (found < 0) {
		log_error("pbx link %lld: %s", id, db_error(d));
		return;
	}
	const struct pbx_driver *drv = pbx_driver_for(t.pbx_type);
	if (!drv) {
		explicit_bzero(&t, sizeof t);
		failed_for(d, id, "unknown_type", NULL);
		return;
	}
	struct pbx_fetch_limits lim = {cfg_int("Pbx.TimeoutSeconds", 30), cfg_int("Pbx.PageSize", 1000)};
	if (lim.page_size < 1 || lim.page_size > 1000)
		lim.page_size = 1000;
	struct pbx_snapshot snap;
	struct holder h = {d, id};
	struct stored_message error;
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int rc = pbx_fetch(drv, &t, &lim, &snap, &error, keep_lease, &h);
	char account[UUID_LEN];
	snprintf(account, sizeof account, "%s", t.account_id);
	explicit_bzero(&t, sizeof t);
	if (rc != 0) {
		failed(d, id, &error);
		return;
	}
	double fetched = since(&t0);
	struct pbx_sync_stats st;
	rc = pbx_sync_apply(d, id, account, lease_owner(), &snap, fetched, &st);
	if (rc == 0)
		log_info("pbx link %lld: %s %zu users, %zu DIDs in %.2f s (fetch %.2f s): %ld added, %ld changed,"
			 " %ld removed, %ld writes", id, snap.unchanged ? "unchanged," : "synced", snap.n_users, snap.n_dids,
			 since(&t0), fetched, st.added, st.changed, st.removed, st.writes);
	else if (rc == 1)
		log_info("pbx link %lld: another syncd took the link over", id);
	else if (rc == -2)
		failed_for(d, id, "inconsistent_snapshot", NULL);
	else
		failed_for(d, id, "not_saved", db_error(d));
	pbx_snapshot_free(&snap);
}

int scheduler_tick(db *d)
{
	long long id = pbx_links_claim(d, lease_owner(), lease_seconds());
	if (id <= 0)
		return (int)id;
	sync_link(d, id);
	return 1;
}
