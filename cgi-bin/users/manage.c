/* The Manage panel of the Users list (guide §2.4): with users selected it
 * is "Manage (x selected)" and acts on them; with none, "Manage all" acts
 * on every user the list's current filter and search match. Actions: send
 * welcome emails, reset passwords, delete users (confirmed by typing
 * "delete"). Each is a job (lib/jobs.h) whose page shows its progress and
 * summary; a handful of users is done at once, inside this request's
 * transaction, and anything more is left to syncd. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/users/user_filter.h"
#include "cgi-bin/users/user_form.h"
#include "lib/jobs.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SELECTED 200     /* the largest page of the list */
#define CONFIRM_WORD "delete"

struct selection {
	long long ids[MAX_SELECTED];
	int n;
	int all;                 /* no selection: every user the filter matches */
	struct user_filter filter;
};

/* The selected ids: ?ids=1&ids=2 (Query.ids, and Query.ids.N when repeated). */
static void read_selection(struct req *r, struct selection *s)
{
	s->n = 0;
	HDF *node = hdf_get_obj(r->hdf, "Query.ids");
	/* A selection whose ids are all bad selects nobody, never everybody. */
	s->all = node == NULL;
	HDF *child = node ? hdf_obj_child(node) : NULL;
	for (HDF *h = child ? child : node; h && s->n < MAX_SELECTED; h = child ? hdf_obj_next(h) : NULL) {
		const char *v = hdf_obj_value(h);
		if (v && valid_id(v))
			s->ids[s->n++] = strtoll(v, NULL, 10);
	}
	char key[64];
	for (int i = 0; i < s->n; i++) {
		snprintf(key, sizeof key, "Manage.Ids.%d", i);
		hdf_set_valuef(r->hdf, "%s=%lld", key, s->ids[i]);
	}
	hdf_set_int_value(r->hdf, "Manage.Selected", s->n);
	hdf_set_int_value(r->hdf, "Manage.All", s->all);
	user_filter_read(r, &s->filter, form(r, "q"));
	hdf_set_value(r->hdf, "Filter.q", s->filter.q ? s->filter.q : "");
}

static int start(struct req *r, struct selection *s)
{
	if (!user_admin_may_manage(r))
		return NOT_FOUND;
	read_selection(r, s);
	if (s->all) {
		long long n = user_filter_count(r, &s->filter);
		if (n < 0)
			return SERVER_ERROR;
		hdf_set_valuef(r->hdf, "Manage.Count=%lld", n);
	}
	hdf_set_value(r->hdf, "Page.Title", lang(r, "manage.title"));
	return DONE;
}

/* Creates the job over the selection, does it at once when it is small,
 * and commits; returns its id or -1. */
static long long run(struct req *r, struct selection *s, enum job_kind kind)
{
	struct actor me = me_actor(r);
	const struct user_filter *f = &s->filter;
	const char *q = f->q ? f->q_prefix : NULL;
	if (db_begin(r->db) != 0)
		return -1;
	long long id;
	if (!s->all) {
		id = jobs_enqueue(r->db, &me, r->acct.id, kind, s->ids, s->n);
	} else {
		char sql[1400];
		snprintf(sql, sizeof sql,
			 "INSERT INTO job_items (job_id, account_id, user_id) SELECT ?, u.account_id, u.id FROM users u"
			 " WHERE u.account_id = ?%s", f->where);
		id = job_create(r->db, &me, r->acct.id, kind);
		if (id < 0 || db_exec(r->db, sql, "issssssss", id, r->acct.id, f->product, f->sms, q, q, q, q, q) < 0 ||
		    job_seal(r->db, id) != 0)
			id = -1;
	}
	return jobs_finish_start(r->db, id);
}

int manage_get(struct req *r)
{
	struct selection s;
	return start(r, &s);
}

int manage_post(struct req *r)
{
	struct selection s;
	int rc = start(r, &s);
	if (rc != DONE)
		return rc;
	const char *action = form(r, "action");
	int kind = job_kind_from_key(action);
	if (kind != JOB_WELCOME && kind != JOB_RESET)
		return NOT_FOUND;
	long long id = run(r, &s, (enum job_kind)kind);
	if (id < 0)
		return SERVER_ERROR;
	redirect(r, "/a/%s/jobs/%lld", r->acct.id, id);
	return DONE;
}

int manage_delete_get(struct req *r)
{
	struct selection s;
	int rc = start(r, &s);
	hdf_set_value(r->hdf, "Manage.Delete", CONFIRM_WORD);
	return rc;
}

int manage_delete_post(struct req *r)
{
	struct selection s;
	int rc = start(r, &s);
	if (rc != DONE)
		return rc;
	hdf_set_value(r->hdf, "Manage.Delete", CONFIRM_WORD);
	if (strcmp(form(r, "confirm"), CONFIRM_WORD) != 0) {
		field_error(r, "confirm", "errors.typed_word");
		r->status = 422;
		return DONE;
	}
	long long id = run(r, &s, JOB_DELETE);
	if (id < 0)
		return SERVER_ERROR;
	redirect(r, "/a/%s/jobs/%lld", r->acct.id, id);
	return DONE;
}
