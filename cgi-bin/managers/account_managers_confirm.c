/* Convert Selected and Upgrade Selected (guide §2.15.1): administrators of
 * the partner account become account managers, restricted to the accounts
 * assigned to them, or managers become administrators again (their
 * assignments are dropped: an administrator reaches every account). A
 * confirmation first — refused, with a message, when nobody was selected;
 * then a job (lib/jobs.h) changes each selected user with its
 * "user.update" event, and its page shows the progress, its Close leading
 * back to the tab the action was started from. The change counts from the
 * users' next request. */
#include "cgi-bin/managers/account_managers_form.h"

#include <stdio.h>

/* The action, its selection and the tab it was started from; DONE to go
 * on, NOT_FOUND for an action this page does not take. */
static int start(struct req *r, enum managers_action *a, struct manager_selection *s)
{
	*a = managers_action_from(form(r, "action"));
	if (*a != MANAGERS_CONVERT && *a != MANAGERS_UPGRADE)
		return NOT_FOUND;
	int convert = *a == MANAGERS_CONVERT;
	if (managers_read_selection(r, convert ? "partner_admin" : "account_manager", s) < 0)
		return SERVER_ERROR;
	hdf_set_value(r->hdf, "Confirm.Back", convert ? "/account-managers?tab=admins" : "/account-managers?tab=managers");
	managers_publish_confirm(r, "account_managers_confirm", *a);
	return DONE;
}

static int nobody(const struct manager_selection *s)
{
	return s->n == 0 && !s->self;
}

static const char *none_message(enum managers_action a)
{
	return a == MANAGERS_CONVERT ? "managers.account_managers_confirm.none_convert"
				     : "managers.account_managers_confirm.none_upgrade";
}

int account_managers_confirm_get(struct req *r)
{
	enum managers_action a;
	struct manager_selection s;
	int rc = start(r, &a, &s);
	if (rc != DONE)
		return rc;
	if (nobody(&s))
		managers_refuse(r, none_message(a));
	return DONE;
}

int account_managers_confirm_post(struct req *r)
{
	enum managers_action a;
	struct manager_selection s;
	int rc = start(r, &a, &s);
	if (rc != DONE)
		return rc;
	if (nobody(&s) || form_has_errors(r))
		return invalid(r);
	long long id = managers_run_job(r, a, &s, NULL, 0, hdf_get_value(r->hdf, "Confirm.Back", "/account-managers"));
	if (id < 0)
		return SERVER_ERROR;
	return done(r, NULL, "/a/%s/jobs/%lld", r->me.partner_id, id);
}
