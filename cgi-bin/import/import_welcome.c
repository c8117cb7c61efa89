/* After an import's Upload: send the users it added their welcome emails
 * (guide §2.8). The emails are a job for syncd (lib/jobs.h), queued in one
 * transaction; those already registered meanwhile are skipped by the job. */
#include "cgi-bin/core/request.h"
#include "lib/import/import.h"
#include "lib/jobs.h"

#include <stdlib.h>

struct welcome {
	long long *ids;
	int n;
};

static int queue(struct req *r, void *arg)
{
	struct welcome *w = arg;
	struct actor me = me_actor(r);
	return w->n > 0 ? jobs_enqueue_welcome(r->db, &me, r->acct.id, w->ids, w->n) : 0;
}

int import_welcome_post(struct req *r)
{
	struct welcome w = {NULL, 0};
	w.n = import_added_users(r->db, r->acct.id, r->obj.batch.id, &w.ids);
	if (w.n < 0)
		return SERVER_ERROR;
	int rc = tx(r, queue, &w);
	free(w.ids);
	if (rc != 0)
		return SERVER_ERROR;
	return done(r, w.n > 0 ? "flash.import_welcome_queued" : "flash.import_welcome_none", "/a/%s/users", r->acct.id);
}
