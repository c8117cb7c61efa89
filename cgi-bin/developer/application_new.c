/* Register application (guide §2.14.11): name, description and redirect
 * URIs; the answer shows the client id and the secret, once. */
#include "cgi-bin/developer/application_form.h"

#include <string.h>

int application_new_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "developer.application_new.title"));
	return DONE;
}

struct register_call {
	const struct application_fields *f;
	long long id;
	char client_id[UUID_LEN];
	char secret[TOKEN_HEX];
};

static int register_it(struct req *r, void *arg)
{
	struct register_call *c = arg;
	int rc = application_insert(r->db, r->me.partner_id, c->f, r->me.name, &c->id, c->client_id, c->secret);
	if (rc != 1)
		return rc < 0 ? -1 : 1;
	json_t *details = json_pack("{s:s,s:s,s:s}", "clientId", c->client_id, "description", c->f->description,
				    "redirectUris", c->f->redirect_uris);
	rc = details ? application_event(r, r->me.partner_id, "application.create", c->id, c->f->name, details) : -1;
	json_decref(details);
	return rc;
}

int application_new_post(struct req *r)
{
	struct application_fields f;
	if (!application_form_read(r, &f))
		return invalid(r);
	struct register_call c = {.f = &f};
	int rc = tx(r, register_it, &c);
	if (rc == 1) {
		field_error(r, "name", "developer.errors.name_taken");
		return invalid(r);
	}
	if (rc != 0)
		return SERVER_ERROR;
	int shown = application_secret_page(r, c.id, f.name, c.client_id, c.secret);
	memset(c.secret, 0, sizeof c.secret);
	return shown;
}
