/* Convert Selected and Upgrade Selected (guide §2.15.1): administrators of
 * the partner account become account managers, restricted to the accounts
 * assigned to them, or managers become administrators again (their
 * assignments are dropped: an administrator reaches every account). A
 * confirmation first; then a job (lib/jobs.h) changes each selected user
 * with its "user.update" event, and its page shows the progress. The change
 * counts from the users' next request. */
#include "cgi-bin/managers/account_managers_form.h"
#include "cgi-bin/core/request.h"

#include <stdio.h>

/* The action and its selection; DONE to show, or the list again when
 * nothing selectable was chosen. */
static int start(struct req *r, enum managers_action *a, struct manager_selection *s)
{
	*a = managers_action_from(form(r, "action"));
	if (*a != MANAGERS_CONVERT && *a != MANAGERS_UPGRADE) {
		redirect(r, "/account-managers");
		return DONE;
	}
	const char *from = *a == MANAGERS_CONVERT ? "partner_admin" : "account_manager";
	int n = managers_read_selection(r, from, s);
	if (n < 0)
		return SERVER_ERROR;
	if (n == 0 && !s->self) {
		redirect(r, "/account-managers?tab=%s", *a == MANAGERS_CONVERT ? "admins" : "managers");
		return DONE;
	}
	managers_publish_confirm(r, *a);
	return DONE;
}

int account_managers_confirm_get(struct req *r)
{
	enum managers_action a;
	struct manager_selection s;
	return start(r, &a, &s);
}

int account_managers_confirm_post(struct req *r)
{
	enum managers_action a;
	struct manager_selection s;
	int rc = start(r, &a, &s);
	if (rc != DONE || r->location[0])
		return rc;
	long long id = managers_run_job(r, a, &s, NULL, 0);
	if (id < 0)
		return SERVER_ERROR;
	redirect(r, "/a/%s/jobs/%lld", r->me.partner_id, id);
	return DONE;
}
