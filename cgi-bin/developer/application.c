/* A registered application (guide §2.14.11): its client id, when its
 * secret was made (Regenerate secret), and its name, description and
 * redirect URIs to edit. */
#include "cgi-bin/developer/application_form.h"

int application_get(struct req *r)
{
	const struct application *a = &r->obj.application;
	hdf_set_value(r->hdf, "Page.Title", a->name);
	hdf_set_int_value(r->hdf, "App.id", (int)a->id);
	hdf_set_value(r->hdf, "App.name", a->name);
	hdf_set_value(r->hdf, "App.client_id", a->client_id);
	hdf_set_value(r->hdf, "App.secret_created", a->secret_created);
	hdf_set_int_value(r->hdf, "App.accounts", a->accounts);
	form_default(r, "name", a->name);
	form_default(r, "description", a->description);
	form_default(r, "redirect_uris", a->redirect_uris);
	return DONE;
}

struct update_call {
	const struct application_fields *f;
};

static int update(struct req *r, void *arg)
{
	struct update_call *c = arg;
	const struct application *before = &r->obj.application;
	int rc = application_update(r->db, r->me.partner_id, before->id, c->f);
	if (rc != 1)
		return rc < 0 ? -1 : 1;
	json_t *changes = json_object();
	if (!changes)
		return -1;
	audit_change(changes, "name", before->name, c->f->name);
	audit_change(changes, "description", before->description, c->f->description);
	audit_change(changes, "redirectUris", before->redirect_uris, c->f->redirect_uris);
	rc = json_object_size(changes) == 0 ? 0
	     : application_event(r, r->me.partner_id, "application.update", before->id, c->f->name, changes);
	json_decref(changes);
	return rc;
}

int application_post(struct req *r)
{
	struct application_fields f;
	if (!application_form_read(r, &f))
		return invalid(r);
	struct update_call c = {&f};
	int rc = tx(r, update, &c);
	if (rc == 1) {
		field_error(r, "name", "developer.errors.name_taken");
		return invalid(r);
	}
	if (rc != 0)
		return SERVER_ERROR;
	return done(r, "flash.application_saved", "/developer/%lld", r->obj.application.id);
}
