/* Delete an application (guide §2.14.11), confirmed by typing "delete": it
 * goes with its assignments, and every token it holds is revoked. */
#include "cgi-bin/developer/application_form.h"

int application_delete_get(struct req *r)
{
	const struct application *a = &r->obj.application;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "developer.application_delete.title"));
	hdf_set_int_value(r->hdf, "App.id", (int)a->id);
	hdf_set_value(r->hdf, "App.name", a->name);
	hdf_set_int_value(r->hdf, "App.accounts", a->accounts);
	return DONE;
}

static int remove_it(struct req *r, void *arg)
{
	const struct application *a = &r->obj.application;
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
