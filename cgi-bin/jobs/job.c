/* A job's page: while it runs, a progress bar (console.js advances it by
 * polling /progress; without JavaScript the page says to refresh), then
 * the summary: how many users were done and skipped and why, and what
 * became of the emails it queued. Any user of the account with the Users
 * view permission may look: the job's rows are scoped to the account. */
#include "cgi-bin/core/request.h"
#include "lib/core/db_hdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SKIPPED_SHOWN 100

static int load(struct req *r)
{
	long long id = strtoll(r->path_id, NULL, 10); /* valid_id: 1 to 18 digits */
	int found = db_row(r->db, r->hdf, "Job",
		"SELECT id, kind, state, total, processed, skipped, created_by_name, last_error,"
		" IF(total > 0, FLOOR(processed * 100 / total), IF(state = 'done', 100, 0)) AS percent,"
		" DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS created,"
		" DATE_FORMAT(finished_at, '%Y-%m-%d %H:%i') AS finished,"
		" (SELECT COUNT(*) FROM mail_outbox o WHERE o.job_id = jobs.id AND o.state = 'queued') AS mail_pending,"
		" (SELECT COUNT(*) FROM mail_outbox o WHERE o.job_id = jobs.id AND o.state = 'sent') AS mail_sent,"
		" (SELECT COUNT(*) FROM mail_outbox o WHERE o.job_id = jobs.id AND o.state = 'failed') AS mail_failed"
		" FROM jobs WHERE id = ? AND account_id = ?",
		"is", id, r->acct.id);
	return found == 1 ? DONE : found == 0 ? NOT_FOUND : SERVER_ERROR;
}

int job_get(struct req *r)
{
	int rc = load(r);
	if (rc != DONE)
		return rc;
	char key[64];
	snprintf(key, sizeof key, "jobs.titles.%s", hdf_get_value(r->hdf, "Job.kind", ""));
	hdf_set_value(r->hdf, "Page.Title", lang(r, key));
	if (db_rows(r->db, r->hdf, "Skipped",
		    "SELECT i.user_id, i.reason, u.display_name, u.email FROM job_items i"
		    " LEFT JOIN users u ON u.id = i.user_id AND u.account_id = i.account_id"
		    " WHERE i.job_id = ? AND i.outcome = 'skipped' ORDER BY i.user_id LIMIT ?",
		    "ii", strtoll(r->path_id, NULL, 10), (long long)SKIPPED_SHOWN) < 0)
		return SERVER_ERROR;
	return DONE;
}

int job_progress_get(struct req *r)
{
	int rc = load(r);
	if (rc != DONE)
		return rc;
	json_t *o = json_pack("{s:s,s:i,s:i,s:i,s:i}", "state", hdf_get_value(r->hdf, "Job.state", ""),
			      "total", hdf_get_int_value(r->hdf, "Job.total", 0),
			      "processed", hdf_get_int_value(r->hdf, "Job.processed", 0),
			      "percent", hdf_get_int_value(r->hdf, "Job.percent", 0),
			      "mail_pending", hdf_get_int_value(r->hdf, "Job.mail_pending", 0));
	r->body = o ? json_dumps(o, JSON_COMPACT) : NULL;
	json_decref(o);
	if (!r->body)
		return SERVER_ERROR;
	r->body_len = strlen(r->body);
	r->content_type = "application/json";
	return DONE;
}
