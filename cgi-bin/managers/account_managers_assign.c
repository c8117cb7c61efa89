/* Assign and Unassign on Manage Selected (guide §2.15.1): the chosen
 * customer accounts are given to, or taken from, every selected account
 * manager. A confirmation first — refused, with a message, when no
 * manager or no account was selected; then a job (lib/jobs.h) does each
 * manager with a "user.update" event naming the accounts that changed, and
 * its page shows the progress, its Close leading back to Manage Selected.
 * A manager reaches the accounts from their next request. */
#include "cgi-bin/managers/account_managers_form.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <string.h>

#define ACCOUNTS_MAX 200   /* routes.def: the largest page of the list */

struct chosen {
	int n;
	char ids[ACCOUNTS_MAX][UUID_LEN];
};

/* The selected accounts that are the partner's customer accounts, each
 * once, into Accounts.N.id/name; -1 on a database error. */
static int read_accounts(struct req *r, struct chosen *c)
{
	const char *values[ACCOUNTS_MAX];
	int n = form_list(r, "accounts", values, ACCOUNTS_MAX);
	c->n = 0;
	for (int i = 0; i < n; i++) {
		if (!valid_uuid(values[i]))
			continue;
		int seen = 0;
		for (int j = 0; j < c->n && !seen; j++)
			seen = strcmp(c->ids[j], values[i]) == 0;
		if (seen)
			continue;
		char name[1024];
		int found = managers_find_account(r->db, r->me.partner_id, values[i], name, sizeof name);
		if (found < 0)
			return -1;
		if (!found)
			continue;
		HDF *row;
		char key[32];
		snprintf(key, sizeof key, "Accounts.%d", c->n);
		if (hdf_get_node(r->hdf, key, &row) != STATUS_OK)
			return -1;
		hdf_set_value(row, "id", values[i]);
		hdf_set_value(row, "name", name);
		snprintf(c->ids[c->n++], UUID_LEN, "%s", values[i]);
	}
	return c->n;
}

/* The action, the managers, the accounts and the Manage Selected page it
 * was started from. DONE to show, NOT_FOUND for an action this page does
 * not take, or 1 when nothing was selected (the message is shown). */
static int start(struct req *r, enum managers_action *a, struct manager_selection *s, struct chosen *c)
{
	*a = managers_action_from(form(r, "action"));
	if (*a != MANAGERS_ASSIGN && *a != MANAGERS_UNASSIGN)
		return NOT_FOUND;
	if (managers_read_selection(r, "account_manager", s) < 0 || read_accounts(r, c) < 0)
		return SERVER_ERROR;
	const char *tab = form(r, "tab");
	if (strspn(tab, "abcdefghijklmnopqrstuvwxyz") != strlen(tab))
		tab = "";
	hdf_set_value(r->hdf, "Confirm.Tab", tab);
	char back[sizeof s->query + 64];
	snprintf(back, sizeof back, "/account-managers/manage?%s&tab=%s", s->query, tab);
	hdf_set_value(r->hdf, "Confirm.Back", s->n ? back : "/account-managers");
	managers_publish_confirm(r, "account_managers_assign", *a);
	const char *none = s->n == 0 && !s->self ? "managers.account_managers_assign.none_managers"
			   : c->n == 0             ? "managers.account_managers_assign.none_accounts"
						   : NULL;
	if (!none)
		return DONE;
	managers_refuse(r, none);
	return 1;
}

int account_managers_assign_get(struct req *r)
{
	enum managers_action a;
	struct manager_selection s;
	struct chosen c;
	int rc = start(r, &a, &s, &c);
	return rc == 1 ? DONE : rc;
}

int account_managers_assign_post(struct req *r)
{
	enum managers_action a;
	struct manager_selection s;
	struct chosen c;
	int rc = start(r, &a, &s, &c);
	if (rc == 1 || (rc == DONE && form_has_errors(r)))
		return invalid(r);
	if (rc != DONE)
		return rc;
	const char *accounts[ACCOUNTS_MAX];
	for (int i = 0; i < c.n; i++)
		accounts[i] = c.ids[i];
	long long id = managers_run_job(r, a, &s, accounts, c.n, hdf_get_value(r->hdf, "Confirm.Back", "/account-managers"));
	if (id < 0)
		return SERVER_ERROR;
	return done(r, NULL, "/a/%s/jobs/%lld", r->me.partner_id, id);
}
