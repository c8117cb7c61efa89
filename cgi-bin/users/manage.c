/* The Manage panel of the Users list (guide §2.4): "Manage Selected" acts
 * on the users ticked in the list, "Manage all" on every user the list's
 * filters and search match. Actions: send welcome emails, reset passwords,
 * delete users (confirmed by typing "delete", checked by the front line).
 * Each is a job (lib/jobs.h) whose page shows its progress and summary; a
 * handful of users is done at once, inside this request's transaction, and
 * anything more is left to syncd. With nothing to act on (nobody ticked,
 * or nobody matches) the panel says so and runs nothing. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/users/user_filter.h"
#include "lib/core/validate.h"
#include "lib/jobs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SELECTED 200     /* the largest page of the list */

struct selection {
	long long ids[MAX_SELECTED];
	int n;
	int all;                 /* every user the filters and the search match */
	long long matches;       /* for all: how many, -1 when more than USERS_MATCHES_EXACT */
	struct user_match match;
};

/* ?scope=all, or no selection at all (a link from before the two buttons),
 * is every match; otherwise the ticked ids: ?ids=1&ids=2. 0, or -1. */
static int read_selection(struct req *r, struct selection *s)
{
	const char *ids[MAX_SELECTED];
	int sent = form_list(r, "ids", ids, MAX_SELECTED);
	const char *scope = form(r, "scope");
	s->all = strcmp(scope, "all") == 0 || (!*scope && sent == 0 && !hdf_get_obj(r->hdf, "Query.ids"));
	s->n = 0;
	/* Ids that are not ids select nobody, never everybody. */
	for (int i = 0; !s->all && i < sent; i++)
		if (valid_id(ids[i]))
			s->ids[s->n++] = strtoll(ids[i], NULL, 10);
	char key[64];
	for (int i = 0; i < s->n; i++) {
		snprintf(key, sizeof key, "Manage.Ids.%d", i);
		hdf_set_valuef(r->hdf, "%s=%lld", key, s->ids[i]);
	}
	hdf_set_int_value(r->hdf, "Manage.Selected", s->n);
	hdf_set_int_value(r->hdf, "Manage.All", s->all);
	if (user_filter_read(r, &s->match, form(r, "q")) != 0)
		return -1;
	hdf_set_value(r->hdf, "Filter.q", s->match.q ? s->match.q : "");
	return 0;
}

/* Reads the selection and draws the panel's heading. 1 when there are users
 * to act on; 0 when not (the panel says why, status 422); -1 on error. */
static int start(struct req *r, struct selection *s)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "users.manage.title"));
	if (read_selection(r, s) != 0)
		return -1;
	char text[160];
	if (s->all) {
		struct user_count c;
		if (users_count(r->db, &s->match, &c) != 0)
			return -1;
		s->matches = c.total;
		if (c.total >= 0)
			lang_count(r, "users.manage.all_one", "users.manage.all_other", c.total, text, sizeof text);
		else
			lang_count(r, "users.manage.all_many", "users.manage.all_many", USERS_MATCHES_EXACT, text, sizeof text);
	} else {
		lang_count(r, "users.manage.selected_one", "users.manage.selected_other", s->n, text, sizeof text);
	}
	hdf_set_value(r->hdf, "Manage.Heading", text);
	const char *nothing = s->all ? (s->matches == 0 ? "users.manage.nobody_matches" : NULL)
				     : (s->n == 0 ? "users.manage.nothing_selected" : NULL);
	if (nothing) {
		hdf_set_value(r->hdf, "Manage.Refused", lang(r, nothing));
		r->status = 422;
		return 0;
	}
	return 1;
}

struct start_call {
	const struct selection *s;
	enum job_kind kind;
	long long id;
};

static int start_job(struct req *r, void *arg)
{
	struct start_call *c = arg;
	const struct selection *s = c->s;
	struct actor me = me_actor(r);
	if (!s->all) {
		c->id = jobs_enqueue(r->db, &me, r->acct.id, c->kind, s->ids, s->n);
	} else {
		c->id = job_create(r->db, &me, r->acct.id, c->kind);
		if (c->id < 0 || users_add_to_job(r->db, c->id, &s->match) != 0 || job_seal(r->db, c->id) != 0)
			c->id = -1;
	}
	return c->id < 0 || job_run_if_small(r->db, c->id) != 0 ? -1 : 0;
}

/* Creates the job over the selection and does it at once when it is
 * small, in one transaction; returns its id or -1. */
static long long run(struct req *r, struct selection *s, enum job_kind kind)
{
	struct start_call c = {s, kind, -1};
	return tx(r, start_job, &c) == 0 ? c.id : -1;
}

static int act(struct req *r, enum job_kind kind)
{
	if (form_has_errors(r))
		return invalid(r);
	struct selection s;
	int rc = start(r, &s);
	if (rc <= 0)
		return rc < 0 ? SERVER_ERROR : DONE;
	long long id = run(r, &s, kind);
	if (id < 0)
		return SERVER_ERROR;
	return done(r, NULL, "/a/%s/jobs/%lld", r->acct.id, id);
}

int manage_get(struct req *r)
{
	struct selection s;
	return start(r, &s) < 0 ? SERVER_ERROR : DONE;
}

int manage_post(struct req *r)
{
	int kind = job_kind_from_key(form(r, "action"));
	if (kind != JOB_WELCOME && kind != JOB_RESET)
		return NOT_FOUND;
	return act(r, (enum job_kind)kind);
}

int manage_delete_get(struct req *r)
{
	/* The typed word of the route table's confirmation (routes.def). */
	hdf_set_value(r->hdf, "Manage.Delete", "delete");
	return manage_get(r);
}

int manage_delete_post(struct req *r)
{
	return act(r, JOB_DELETE);
}
