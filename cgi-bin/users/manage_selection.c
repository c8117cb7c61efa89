/* The Manage panel's selection (guide §2.4): the users ticked in the list,
 * or every user its filters and search match, and the job over them. */
#include "cgi-bin/users/manage_selection.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
int manage_start(struct req *r, struct selection *s)
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
	int (*before_run)(struct req *r, long long job_id, void *arg);
	void *arg;
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
	if (c->id >= 0 && c->before_run && c->before_run(r, c->id, c->arg) != 0)
		c->id = -1;
	return c->id < 0 || job_run_if_small(r->db, c->id) != 0 ? -1 : 0;
}

/* Creates the job over the selection and does it at once when it is
 * small, in one transaction; returns its id or -1. */
long long manage_run(struct req *r, struct selection *s, enum job_kind kind,
		     int (*before_run)(struct req *r, long long job_id, void *arg), void *arg)
{
	struct start_call c = {s, kind, before_run, arg, -1};
	return tx(r, start_job, &c) == 0 ? c.id : -1;
}

