/* Upload in the import preview (guide §2.8): every valid pending row becomes
 * a user of the account and leaves the preview; rows with errors stay. The
 * preview then says how many were added. More rows than a request should
 * hold are added by a job in syncd instead, with the shared progress page;
 * its Close returns to the preview. */
#include "cgi-bin/core/request.h"
#include "lib/import/import.h"

#include <stdio.h>

static int start_job(struct req *r, void *arg)
{
	long long *job = arg;
	struct actor me = me_actor(r);
	const struct import_batch *b = &r->obj.batch;
	char preview[128];
	snprintf(preview, sizeof preview, "/a/%s/users/import/%lld?added=1", r->acct.id, b->id);
	*job = jobs_enqueue_import(r->db, &me, r->acct.id, b->id, b->pending - b->with_errors);
	return *job < 0 || job_return_to(r->db, *job, preview) != 0 ? -1 : 0;
}

int import_commit_post(struct req *r)
{
	const struct import_batch *b = &r->obj.batch;
	if (b->pending - b->with_errors > IMPORT_INLINE_ROWS) {
		long long job = 0;
		if (import_batch_revalidate(r->db, r->acct.id, b->id) != 0 || tx(r, start_job, &job) != 0)
			return SERVER_ERROR;
		return done(r, NULL, "/a/%s/jobs/%lld", r->acct.id, job);
	}
	struct actor me = me_actor(r);
	long long added = 0;
	if (import_batch_commit(r->db, &me, r->acct.id, b->id, &added) != 0)
		return SERVER_ERROR;
	return done(r, NULL, "/a/%s/users/import/%lld?added=1", r->acct.id, b->id);
}
