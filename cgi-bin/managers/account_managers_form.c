/* The Account Managers screens' shared parts (guide §2.15). */
#include "cgi-bin/managers/account_managers_form.h"
#include "lib/core/validate.h"
#include "lib/jobs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int managers_read_selection(struct req *r, const char *role_key, struct manager_selection *s)
{
	memset(s, 0, sizeof *s);
	const char *values[MANAGERS_SELECT_MAX];
	int n = form_list(r, "users", values, MANAGERS_SELECT_MAX);
	size_t text = 0, query = 0;
	for (int i = 0; i < n; i++) {
		if (!valid_id(values[i]))
			continue;
		long long id = strtoll(values[i], NULL, 10); /* valid_id: 1 to 18 digits */
		if (id == r->me.id) {
			s->self = 1;
			continue;
		}
		int seen = 0;
		for (int j = 0; j < s->n && !seen; j++)
			seen = s->ids[j] == id;
		if (seen)
			continue;
		struct partner_user u;
		int found = managers_find_user(r->db, r->me.partner_id, role_key, id, &u);
		if (found < 0)
			return -1;
		if (!found)
			continue;
		HDF *row;
		char key[32];
		snprintf(key, sizeof key, "Selected.%d", s->n);
		if (hdf_get_node(r->hdf, key, &row) != STATUS_OK)
			return -1;
		hdf_set_valuef(row, "id=%lld", u.id);
		hdf_set_value(row, "name", u.name);
		hdf_set_value(row, "email", u.email);
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

void managers_publish_confirm(struct req *r, const char *screen, enum managers_action a)
{
	char key[128];
	snprintf(key, sizeof key, "managers.%s.%s_title", screen, action_keys[a]);
	hdf_set_value(r->hdf, "Confirm.Title", lang(r, key));
	snprintf(key, sizeof key, "managers.%s.%s_body", screen, action_keys[a]);
	hdf_set_value(r->hdf, "Confirm.Body", lang(r, key));
	hdf_set_value(r->hdf, "Confirm.Action", action_keys[a]);
	hdf_set_value(r->hdf, "Page.Title", hdf_get_value(r->hdf, "Confirm.Title", ""));
}

void managers_refuse(struct req *r, const char *lang_key)
{
	hdf_set_value(r->hdf, "Confirm.Refused", lang(r, lang_key));
	r->status = 422;
}

struct start {
	enum managers_action action;
	const struct manager_selection *s;
	const char *const *accounts;
	int n;
	const char *back;
	long long id;
};

static int start_job(struct req *r, void *arg)
{
	struct start *st = arg;
	long long ids[MANAGERS_SELECT_MAX + 1];
	int k = 0;
	for (; k < st->s->n; k++)
		ids[k] = st->s->ids[k];
	if (st->s->self)
		ids[k++] = r->me.id;
	struct actor me = me_actor(r);
	st->id = jobs_enqueue(r->db, &me, r->me.partner_id, (enum job_kind)job_kind_from_key(action_keys[st->action]), ids,
			      k);
	if (st->id < 0)
		return -1;
	for (int i = 0; i < st->n; i++)
		if (job_add_account(r->db, st->id, st->accounts[i]) != 0)
			return -1;
	if (strlen(st->back) <= JOB_RETURN_MAX && job_return_to(r->db, st->id, st->back) != 0)
		return -1;
	return job_run_if_small(r->db, st->id);
}

long long managers_run_job(struct req *r, enum managers_action a, const struct manager_selection *s,
			   const char *const *accounts, int n, const char *back)
{
	struct start st = {a, s, accounts, n, back, -1};
	return tx(r, start_job, &st) == 0 ? st.id : -1;
}
