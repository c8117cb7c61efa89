/* Delete an application (guide §2.14.11), confirmed by typing "delete": it
 * goes with its assignments, and every token it holds is revoked. */
#include "cgi-bin/developer/application_form.h"

#include <stdio.h>
#include <stdlib.h>

int application_delete_get(struct req *r)
{
	const struct application *a = &r->obj.application;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "developer.application_delete.title"));
	hdf_set_int_value(r->hdf, "App.id", (int)a->id);
	hdf_set_value(r->hdf, "App.name", a->name);
	hdf_set_int_value(r->hdf, "App.accounts", a->accounts);
	return DONE;
}

#define ASSIGNED_MAX 500

struct assigned {
	char id[UUID_LEN];
	char name[1024];
};

struct assigned_list {
	struct assigned *rows;
	int n;
};

static int keep(void *ctx, const struct application_account *acct)
{
	struct assigned_list *l = ctx;
	if (l->n < ASSIGNED_MAX) {
		snprintf(l->rows[l->n].id, sizeof l->rows[0].id, "%s", acct->account_id);
		snprintf(l->rows[l->n].name, sizeof l->rows[0].name, "%s", acct->name);
		l->n++;
	}
	return 0;
}

/* Each account it was assigned to records that it is no longer. */
static int unassign_events(struct req *r, const struct application *a)
{
	struct assigned_list l = {calloc(ASSIGNED_MAX, sizeof(struct assigned)), 0};
	int rc = l.rows && application_accounts_each(r->db, r->me.partner_id, a->id, keep, &l) >= 0 ? 0 : -1;
	for (int i = 0; rc == 0 && i < l.n; i++) {
		json_t *details = json_pack("{s:s,s:s}", "account", l.rows[i].name, "accountId", l.rows[i].id);
		if (!details || application_event(r, l.rows[i].id, "application.unassign", a->id, a->name, details) != 0)
			rc = -1;
		json_decref(details);
	}
	free(l.rows);
	return rc;
}

static int remove_it(struct req *r, void *arg)
{
	const struct application *a = &r->obj.application;
	if (unassign_events(r, a) != 0)
		return -1;
	int rc = application_delete(r->db, r->me.partner_id, a->id);
	if (rc != 1)
		return rc < 0 ? -1 : 1;
	json_t *details = json_pack("{s:s}", "clientId", a->client_id);
	rc = details ? application_event(r, r->me.partner_id, "application.delete", a->id, a->name, details) : -1;
	json_decref(details);
	return rc;
}

int application_delete_post(struct req *r)
{
	int rc = tx(r, remove_it, NULL);
	if (rc != 0)
		return rc == 1 ? NOT_FOUND : SERVER_ERROR;
	return done(r, "flash.application_deleted", "/developer");
}
