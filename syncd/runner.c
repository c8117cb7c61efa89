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

struct retry_call {
	db *d;
	long long id;
	const char *error;
	int give_up;
};

static int retry_body(void *ctx)
{
	struct retry_call *c = ctx;
	struct job_row job;
	int found = job_load(c->d, c->id, 1, &job);
	if (found != 1)
		return found < 0 ? -1 : 1;
	c->give_up = job.attempts >= cfg_int("Jobs.MaxAttempts", 5);
	long wait = mail_backoff_seconds(job.attempts, cfg_int("Jobs.RetrySeconds", 10), cfg_int("Jobs.RetryMaxSeconds", 600));
	return job_release(c->d, &job, lease_owner(), c->give_up, wait, c->error) != 0 ? -1 : 0;
}

/* After a failed batch: try again later, or give up after Jobs.MaxAttempts
 * and tell the starter. Nothing of the failed batch was kept. */
static void retry_later(db *d, long long id, const char *error)
{
	struct retry_call c = {d, id, error, 0};
	db_tx(d, retry_body, &c);
	log_error("job %lld: %s; %s", id, error, c.give_up ? "giving up" : "will retry");
}

#define NOT_OURS 1

struct batch_call {
	db *d;
	long long id;
	int done;
};

static int batch_body(void *ctx)
{
	struct batch_call *b = ctx;
	struct job_row job;
	b->done = 0;
	int ours = job_lease_held(b->d, b->id, lease_owner());
	if (ours != 1)
		return ours < 0 ? -1 : NOT_OURS;
	int n = job_load(b->d, b->id, 0, &job) == 1 ? job_work(b->d, &job, BATCH_ITEMS) : -1;
	if (n < 0 || (n > 0 && job_lease_extend(b->d, b->id, lease_seconds()) != 0))
		return -1;
	b->done = n;
	return 0;
}

/* One batch, one transaction (run again whole after a certification
 * conflict: db_tx); returns items done, 0 when the job ended or is no
 * longer ours, -1 on error. */
static int batch(db *d, long long id)
{
	struct batch_call b = {d, id, 0};
	int rc = db_tx(d, batch_body, &b);
	if (rc == NOT_OURS)
		return 0;
	return rc == 0 ? b.done : -1;
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
