/* A job's page: while it runs, a progress bar (console.js advances it and
 * its state by polling /progress; without JavaScript the page says to
 * refresh), then the summary: how many users were done and skipped and
 * why, and what became of the emails it queued. Close goes back to the
 * page the job was started from (guide §2.15.1). Any user of the account
 * with the Users view permission may look; the front line loaded the job
 * within the account (r->obj.job). */
#include "cgi-bin/core/request.h"

#include <stdio.h>
#include <string.h>

#define SKIPPED_SHOWN 100

static int percent(const struct job_row *j)
{
	if (j->total > 0)
		return (int)((long long)j->processed * 100 / j->total);
	return strcmp(j->state, "done") == 0 ? 100 : 0;
}

/* The state as the bar shows it: a job waiting again after a failed batch
 * has begun, so it is in progress, not waiting to start. */
static const char *state_shown(const struct job_row *j)
{
	return strcmp(j->state, "queued") == 0 && j->processed > 0 ? "running" : j->state;
}

static const char *state_label(struct req *r, const struct job_row *j)
{
	char key[64];
	snprintf(key, sizeof key, "jobs.job.states.%s", state_shown(j));
	const char *text = lang(r, key);
	return text == key ? "" : text;
}

/* A path of this console: "/" then URL characters only, and not "//" (another host). */
static int local_path(const char *p)
{
	static const char url_chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-_.~%&=?+";
	return p[0] == '/' && p[1] != '/' && strspn(p, url_chars) == strlen(p);
}

/* Where Close leads: the page the job was started from, else the list of
 * what it worked on. */
static void publish_close(struct req *r, const struct job_row *j)
{
	char path[JOB_RETURN_MAX + 64];
	if (local_path(j->return_to))
		snprintf(path, sizeof path, "%s", j->return_to);
	else if (j->kind == JOB_CONVERT || j->kind == JOB_UPGRADE || j->kind == JOB_ASSIGN || j->kind == JOB_UNASSIGN)
		snprintf(path, sizeof path, "/account-managers");
	else
		snprintf(path, sizeof path, "/a/%s/users", j->account_id);
	hdf_set_value(r->hdf, "Job.close", path);
}

static int publish_skipped(void *ctx, const struct job_skipped *s)
{
	struct req *r = ctx;
	HDF *row;
	char key[64];
	snprintf(key, sizeof key, "Skipped.%lld", s->user_id);
	if (hdf_get_node(r->hdf, key, &row) != STATUS_OK)
		return -1;
	hdf_set_value(row, "reason", s->reason);
	hdf_set_value(row, "display_name", s->display_name);
	hdf_set_value(row, "email", s->email);
	return 0;
}

int job_get(struct req *r)
{
	const struct job_row *j = &r->obj.job;
	struct job_mail mail;
	if (job_mail_counts(r->db, j->id, &mail) != 0)
		return SERVER_ERROR;
	HDF *h = hdf_get_obj(r->hdf, "Job");
	if (!h && hdf_get_node(r->hdf, "Job", &h) != STATUS_OK)
		return SERVER_ERROR;
	hdf_set_valuef(h, "id=%lld", j->id);
	hdf_set_value(h, "kind", job_kind_key(j->kind));
	hdf_set_value(h, "state", j->state);
	hdf_set_value(h, "state_shown", state_shown(j));
	hdf_set_int_value(h, "total", j->total);
	hdf_set_int_value(h, "processed", j->processed);
	hdf_set_int_value(h, "skipped", j->skipped);
	hdf_set_int_value(h, "percent", percent(j));
	hdf_set_value(h, "created_by_name", j->created_by_name);
	hdf_set_value(h, "created", j->created);
	hdf_set_value(h, "finished", j->finished);
	hdf_set_value(h, "last_error", j->last_error);
	hdf_set_int_value(h, "mail_pending", (int)mail.pending);
	hdf_set_int_value(h, "mail_sent", (int)mail.sent);
	hdf_set_int_value(h, "mail_failed", (int)mail.failed);
	publish_close(r, j);
	char key[64];
	snprintf(key, sizeof key, "jobs.job.titles.%s", job_kind_key(j->kind));
	hdf_set_value(r->hdf, "Page.Title", lang(r, key));
	if (job_skipped_each(r->db, r->acct.id, j->id, SKIPPED_SHOWN, publish_skipped, r) < 0)
		return SERVER_ERROR;
	return DONE;
}

int job_progress_get(struct req *r)
{
	const struct job_row *j = &r->obj.job;
	struct job_mail mail;
	if (job_mail_counts(r->db, j->id, &mail) != 0)
		return SERVER_ERROR;
	json_t *o = json_pack("{s:s,s:s,s:i,s:i,s:i,s:I}", "state", j->state, "state_label", state_label(r, j), "total", j->total,
			      "processed", j->processed, "percent", percent(j), "mail_pending", (json_int_t)mail.pending);
	r->body = o ? json_dumps(o, JSON_COMPACT) : NULL;
	json_decref(o);
	if (!r->body)
		return SERVER_ERROR;
	r->body_len = strlen(r->body);
	r->content_type = "application/json";
	return DONE;
}
