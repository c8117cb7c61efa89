/* The Manage panel of the Users list (guide §2.4): "Manage Selected" acts
 * on the users ticked in the list, "Manage all" on every user the list's
 * filters and search match. Actions: send welcome emails, reset passwords,
 * delete users (confirmed by typing "delete", checked by the front line).
 * Each is a job (lib/jobs.h) whose page shows its progress and summary; a
 * handful of users is done at once, inside this request's transaction, and
 * anything more is left to syncd. With nothing to act on (nobody ticked,
 * or nobody matches) the panel says so and runs nothing. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/users/manage_selection.h"
#include "lib/core/validate.h"
#include "lib/jobs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int act(struct req *r, enum job_kind kind)
{
	if (form_has_errors(r))
		return invalid(r);
	struct selection s;
	int rc = manage_start(r, &s);
	if (rc <= 0)
		return rc < 0 ? SERVER_ERROR : DONE;
	long long id = manage_run(r, &s, kind, NULL, NULL);
	if (id < 0)
		return SERVER_ERROR;
	return done(r, NULL, "/a/%s/jobs/%lld", r->acct.id, id);
}

int manage_get(struct req *r)
{
	struct selection s;
	return manage_start(r, &s) < 0 ? SERVER_ERROR : DONE;
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
