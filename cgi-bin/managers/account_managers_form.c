#include "cgi-bin/managers/account_managers_form.h"
#include "lib/core/db_hdf.h"
#include "lib/jobs.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int managers_read_selection(struct req *r, const char *role_key, struct manager_selection *s)
{
	memset(s, 0, sizeof *s);
	const char *values[MANAGERS_SELECT_MAX];
	int n = form_list(r, "users", values, MANAGERS_SELECT_MAX);
	size_t text = 0, query = 0;
	char prefix[32];
	for (int i = 0; i < n; i++) {
		if (!valid_id(values[i]))
			continue;
		long long id = strtoll(values[i], NULL, 10);
		if (id == r->me.id) {
			s->self = 1;
			continue;
		}
		int seen = 0;
		for (int j = 0; j < s->n && !seen; j++)
			seen = s->ids[j] == id;
		if (seen)
			continue;
		snprintf(prefix, sizeof prefix, "Selected.%d", s->n);
		int found = db_row(r->db, r->hdf, prefix,
				   "SELECT id, display_name AS name, email FROM users WHERE id = ? AND account_id = ? AND role = ?",
				   "iss", id, r->me.partner_id, role_key);
		if (found < 0)
			return -1;
		if (!found)
			continue;
		s->ids[s->n++] = id;
		text += (size_t)snprintf(s->ids_text + text, sizeof s->ids_text - text, "%s%lld", text ? "," : "", id);
		query += (size_t)snprintf(s->query + query, sizeof s->query - query, "%susers=%lld", query ? "&" : "", id);
	}
	hdf_set_value(r->hdf, "Selected.Query", s->query);
	hdf_set_int_value(r->hdf, "Selected.Count", s->n);
	hdf_set_int_value(r->hdf, "Selected.Self", s->self);
	return s->n;
}

static const char *const action_keys[] = {
	[MANAGERS_NONE] = "", [MANAGERS_CONVERT] = "convert", [MANAGERS_UPGRADE] = "upgrade",
	[MANAGERS_ASSIGN] = "assign", [MANAGERS_UNASSIGN] = "unassign",
};

enum managers_action managers_action_from(const char *value)
{
	for (int a = MANAGERS_CONVERT; a <= MANAGERS_UNASSIGN; a++)
		if (strcmp(value, action_keys[a]) == 0)
			return (enum managers_action)a;
	return MANAGERS_NONE;
}

const char *managers_action_key(enum managers_action a)
{
	return action_keys[a];
}

long long managers_run_job(struct req *r, enum managers_action a, const struct manager_selection *s,
			   const char *const *accounts, int n)
{
	long long ids[MANAGERS_SELECT_MAX + 1];
	int k = 0;
	for (; k < s->n; k++)
		ids[k] = s->ids[k];
	if (s->self)
		ids[k++] = r->me.id;
	struct actor me = me_actor(r);
	if (db_begin(r->db) != 0)
		return -1;
	/* The actions and the job kinds share their keys. */
	long long id = jobs_enqueue(r->db, &me, r->me.partner_id, (enum job_kind)job_kind_from_key(action_keys[a]), ids, k);
	for (int i = 0; id > 0 && i < n; i++)
		if (job_add_account(r->db, id, accounts[i]) != 0)
			id = -1;
	return jobs_finish_start(r->db, id);
}

void managers_publish_confirm(struct req *r, enum managers_action a)
{
	char key[96];
	snprintf(key, sizeof key, "account_managers.confirm.%s_title", managers_action_key(a));
	hdf_set_value(r->hdf, "Confirm.Title", lang(r, key));
	snprintf(key, sizeof key, "account_managers.confirm.%s_body", managers_action_key(a));
	hdf_set_value(r->hdf, "Confirm.Body", lang(r, key));
	hdf_set_value(r->hdf, "Confirm.Action", managers_action_key(a));
	hdf_set_value(r->hdf, "Page.Title", hdf_get_value(r->hdf, "Confirm.Title", ""));
}
