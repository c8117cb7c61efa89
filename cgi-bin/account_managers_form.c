#include "cgi-bin/account_managers_form.h"
#include "lib/validate.h"

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
		int seen = id == r->me.id;
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

void managers_publish_done(struct req *r)
{
	enum managers_action a = managers_action_from(form(r, "done"));
	if (a == MANAGERS_NONE)
		return;
	char key[96];
	snprintf(key, sizeof key, "account_managers.progress.%s", action_keys[a]);
	hdf_set_value(r->hdf, "Done.Title", lang(r, key));
	long n = form_int(r, "n", 0, 0, 100000);
	hdf_set_int_value(r->hdf, "Done.Count", (int)n);
	char text[256];
	lang_number(r, "account_managers.progress.done", n, text, sizeof text);
	hdf_set_value(r->hdf, "Done.Text", text);
}
