/* Assign and Unassign on Manage Selected (guide §2.15.1): the chosen
 * customer accounts are given to, or taken from, every selected account
 * manager. A confirmation first; then a job (lib/jobs.h) does each manager
 * with a "user.update" event naming the accounts that changed, and its page
 * shows the progress. A manager reaches the accounts from their next
 * request. */
#include "cgi-bin/managers/account_managers_form.h"
#include "lib/core/db_hdf.h"
#include "cgi-bin/core/request.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <string.h>

#define ACCOUNTS_MAX 200

struct chosen {
	int n;
	char ids[ACCOUNTS_MAX][UUID_LEN];
};

/* The selected accounts that are the partner's customer accounts, into
 * Accounts.N.id/name; -1 on a database error. */
static int read_accounts(struct req *r, struct chosen *c)
{
	const char *values[ACCOUNTS_MAX];
	int n = form_list(r, "accounts", values, ACCOUNTS_MAX);
	c->n = 0;
	char prefix[32];
	for (int i = 0; i < n; i++) {
		if (!valid_uuid(values[i]))
			continue;
		int seen = 0;
		for (int j = 0; j < c->n && !seen; j++)
			seen = strcmp(c->ids[j], values[i]) == 0;
		if (seen)
			continue;
		snprintf(prefix, sizeof prefix, "Accounts.%d", c->n);
		int found = db_row(r->db, r->hdf, prefix,
				   "SELECT id, name FROM accounts WHERE id = ? AND partner_id = ? AND kind = 'customer'",
				   "ss", values[i], r->me.partner_id);
		if (found < 0)
			return -1;
		if (found)
			snprintf(c->ids[c->n++], UUID_LEN, "%s", values[i]);
	}
	return c->n;
}

static int start(struct req *r, enum managers_action *a, struct manager_selection *s, struct chosen *c)
{
	*a = managers_action_from(form(r, "action"));
	if (*a != MANAGERS_ASSIGN && *a != MANAGERS_UNASSIGN) {
		redirect(r, "/account-managers");
		return DONE;
	}
	int k = managers_read_selection(r, "account_manager", s);
	int n = k > 0 || s->self ? read_accounts(r, c) : 0;
	if (k < 0 || n < 0)
		return SERVER_ERROR;
	const char *tab = form(r, "tab");
	hdf_set_value(r->hdf, "Confirm.Tab", strspn(tab, "abcdefghijklmnopqrstuvwxyz") == strlen(tab) ? tab : "");
	if (k == 0 && !s->self) {
		redirect(r, "/account-managers");
		return DONE;
	}
	if (n == 0) {
		redirect(r, "/account-managers/manage?%s&tab=%s", s->query, hdf_get_value(r->hdf, "Confirm.Tab", ""));
		return DONE;
	}
	managers_publish_confirm(r, *a);
	return DONE;
}

int account_managers_assign_get(struct req *r)
{
	enum managers_action a;
	struct manager_selection s;
	struct chosen c;
	return start(r, &a, &s, &c);
}

int account_managers_assign_post(struct req *r)
{
	enum managers_action a;
	struct manager_selection s;
	struct chosen c;
	int rc = start(r, &a, &s, &c);
	if (rc != DONE || r->location[0])
		return rc;
	const char *accounts[ACCOUNTS_MAX];
	for (int i = 0; i < c.n; i++)
		accounts[i] = c.ids[i];
	long long id = managers_run_job(r, a, &s, accounts, c.n);
	if (id < 0)
		return SERVER_ERROR;
	redirect(r, "/a/%s/jobs/%lld", r->me.partner_id, id);
	return DONE;
}
