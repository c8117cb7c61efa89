/* After an import's Upload: send the users it added their welcome emails
 * (guide §2.8). The emails are a job for syncd (lib/jobs.h), queued in one
 * transaction; those already registered meanwhile are skipped by the job. */
#include "cgi-bin/import/import_batch.h"
#include "lib/core/db_hdf.h"
#include "cgi-bin/core/request.h"
#include "lib/import/import.h"
#include "lib/jobs.h"

#include <stdlib.h>

/* The ids of the users the batch added, into a malloc'd array. */
static long long *added_users(struct req *r, long long batch_id, int *n)
{
	HDF *ids = NULL;
	long long *out = NULL;
	*n = 0;
	if (hdf_init(&ids) != STATUS_OK)
		return NULL;
	int rows = db_rows(r->db, ids, "U",
		"SELECT user_id FROM import_rows WHERE batch_id = ? AND account_id = ? AND state = 'added' ORDER BY id",
		"is", batch_id, r->acct.id);
	if (rows >= 0 && (out = malloc(sizeof *out * (size_t)(rows ? rows : 1)))) {
		int i = 0;
		for (HDF *row = hdf_get_child(ids, "U"); row && i < rows; row = hdf_obj_next(row))
			out[i++] = strtoll(hdf_get_value(row, "user_id", "0"), NULL, 10);
		*n = i;
	}
	hdf_destroy(&ids);
	return out;
}

int import_welcome_post(struct req *r)
{
	if (!import_allowed(r))
		return NOT_FOUND;
	long long batch_id;
	int found = import_batch_load(r, &batch_id);
	if (found != 1)
		return found < 0 ? SERVER_ERROR : NOT_FOUND;
	int n = 0;
	long long *ids = added_users(r, batch_id, &n);
	if (!ids)
		return SERVER_ERROR;
	struct actor me = me_actor(r);
	int rc = db_begin(r->db);
	if (rc == 0 && n > 0)
		rc = jobs_enqueue_welcome(r->db, &me, r->acct.id, ids, n);
	free(ids);
	if (rc != 0 || db_commit(r->db) != 0) {
		db_rollback(r->db);
		return SERVER_ERROR;
	}
	flash(r, n > 0 ? "flash.import_welcome_queued" : "flash.import_welcome_none");
	redirect(r, "/a/%s/users", r->acct.id);
	return DONE;
}
