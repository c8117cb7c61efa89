/* An application's Accounts (guide §2.14.11): the customer accounts it is
 * assigned to, each with Unassign, and Assign for another of the partner's
 * active customer accounts. Unassigning revokes its tokens for the account. */
#include "cgi-bin/developer/application_form.h"

#include <stdio.h>
#include <string.h>

struct rows_call {
	struct req *r;
	const char *list;
	int n;
};

static int add_row(void *ctx, const struct application_account *a)
{
	struct rows_call *c = ctx;
	char key[64];
	HDF *row;
	snprintf(key, sizeof key, "%s.%d", c->list, c->n++);
	if (hdf_get_node(c->r->hdf, key, &row) != STATUS_OK)
		return -1;
	hdf_set_value(row, "id", a->account_id);
	hdf_set_value(row, "name", a->name);
	hdf_set_value(row, "assigned", a->assigned_on);
	return 0;
}

int application_accounts_get(struct req *r)
{
	const struct application *a = &r->obj.application;
	hdf_set_value(r->hdf, "Page.Title", a->name);
	hdf_set_int_value(r->hdf, "App.id", (int)a->id);
	hdf_set_value(r->hdf, "App.name", a->name);
	struct rows_call assigned = {r, "Assigned", 0}, offered = {r, "Assignable", 0};
	if (application_accounts_each(r->db, r->me.partner_id, a->id, add_row, &assigned) < 0 ||
	    application_assignable_each(r->db, r->me.partner_id, a->id, add_row, &offered) < 0)
		return SERVER_ERROR;
	return DONE;
}

struct assign_call {
	int assign;
	const char *account;
	int rc;
};

static int apply(struct req *r, void *arg)
{
	struct assign_call *c = arg;
	const struct application *a = &r->obj.application;
	char name[1024];
	c->rc = c->assign ? application_assign(r->db, r->me.partner_id, a->id, c->account, r->me.name, name, sizeof name)
			  : application_unassign(r->db, r->me.partner_id, a->id, c->account, name, sizeof name);
	if (c->rc != 1)
		return c->rc < 0 ? -1 : 0;
	const char *action = c->assign ? "application.assign" : "application.unassign";
	json_t *details = json_pack("{s:s,s:s}", "account", name, "accountId", c->account);
	int rc = !details || application_event(r, r->me.partner_id, action, a->id, a->name, details) != 0 ||
		 application_event(r, c->account, action, a->id, a->name, details) != 0 ? -1 : 0;
	json_decref(details);
	return rc;
}

int application_accounts_post(struct req *r)
{
	const char *action = in(r, "action");
	struct assign_call c = {strcmp(action, "assign") == 0, in(r, "account"), 0};
	if (!c.assign && strcmp(action, "unassign") != 0 && !form_has_errors(r))
		field_error(r, "action", "errors.invalid_choice");
	if (form_has_errors(r))
		return invalid(r);
	if (tx(r, apply, &c) != 0)
		return SERVER_ERROR;
	if (c.rc == 2) {
		field_error(r, "account", "developer.errors.no_such_account");
		return invalid(r);
	}
	return done(r, c.rc != 1 ? NULL : c.assign ? "flash.application_assigned" : "flash.application_unassigned",
		    "/developer/%lld/accounts", r->obj.application.id);
}
