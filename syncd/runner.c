/* The job runner (ARCHITECTURE §7). A job is claimed in its own short
 * transaction — SELECT ... FOR UPDATE SKIP LOCKED, then a lease written on
 * it — so another syncd skips it while it is held and takes it over when
 * the lease expires. Each batch is one transaction that first checks the
 * lease is still ours (under the job row's lock), then does its items and
 * marks them: an item is done exactly once whoever holds the job. The
 * statements are lib/jobs.c's. */
#include "syncd/syncd.h"
#include "syncd/lease.h"
#include "lib/core/config.h"
#include "lib/jobs.h"
#include "lib/core/log.h"
#include "lib/mail.h"

#include <stdio.h>
#include <string.h>

#define BATCH_ITEMS 100

static int lease_seconds(void) { return cfg_int("Jobs.LeaseSeconds", 60); }

/* After a failed batch: try again later, or give up after Jobs.MaxAttempts
 * and tell the starter. Nothing of the failed batch was kept. */
static void retry_later(db *d, long long id, const char *error)
{
	struct job_row job;
	if (db_begin(d) != 0)
		return;
	if (job_load(d, id, 1, &job) != 1) {
		db_rollback(d);
		return;
	}
	int give_up = job.attempts >= cfg_int("Jobs.MaxAttempts", 5);
	long wait = mail_backoff_seconds(job.attempts, cfg_int("Jobs.RetrySeconds", 10), cfg_int("Jobs.RetryMaxSeconds", 600));
	if (job_release(d, &job, lease_owner(), give_up, wait, error) != 0 || db_commit(d) != 0)
		db_rollback(d);
	log_error("job %lld: %s; %s", id, error, give_up ? "giving up" : "will retry");
}

/* One batch; returns items done, 0 when the job ended or is no longer ours, -1 on error. */
static int batch(db *d, long long id)
{
	struct job_row job;
	if (db_begin(d) != 0)
		return -1;
	int ours = job_lease_held(d, id, lease_owner());
	if (ours != 1) {
		db_rollback(d);
		return ours;
	}
	int n = job_load(d, id, 0, &job) == 1 ? job_work(d, &job, BATCH_ITEMS) : -1;
	if (n > 0 && job_lease_extend(d, id, lease_seconds()) != 0)
		n = -1;
	if (n < 0 || db_commit(d) != 0) {
		db_rollback(d);
		return -1;
	}
	return n;
}

int runner_tick(db *d)
{
	long long id = jobs_claim(d, lease_owner(), lease_seconds());
	if (id <= 0)
		return (int)id;
	int total = 0, n;
	while ((n = batch(d, id)) > 0)
		total += n;
	if (n < 0) {
		char error[512];
		snprintf(error, sizeof error, "%s", db_error(d));
		retry_later(d, id, error);
		return -1;
	}
	log_info("job %lld: %d items", id, total);
	return total + 1;
}
