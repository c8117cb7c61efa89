#include "cgi-bin/developer/application_form.h"

#include <stdio.h>

int application_form_read(struct req *r, struct application_fields *f)
{
	f->name = in(r, "name");
	f->description = in(r, "description");
	f->redirect_uris = in(r, "redirect_uris");
	static char uris[REDIRECT_URIS_MAX][REDIRECT_URI_MAX + 1];
	int bad;
	int n = redirect_uris_split(f->redirect_uris, uris, REDIRECT_URIS_MAX, &bad);
	if (n == -2)
		field_error(r, "redirect_uris", "developer.errors.too_many_uris");
	else if (n < 0)
		field_error(r, "redirect_uris", "developer.errors.invalid_uri");
	return !form_has_errors(r);
}

int application_event(struct req *r, const char *account_id, const char *action, long long id, const char *name,
		      json_t *details)
{
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", id);
	return event(r, account_id, action, "application", id_text, name, details);
}

int application_secret_page(struct req *r, long long id, const char *name, const char *client_id, const char *secret)
{
	char href[64];
	snprintf(href, sizeof href, "/developer/%lld", id);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "developer.application_secret.title"));
	hdf_set_value(r->hdf, "Secret.Name", name);
	hdf_set_value(r->hdf, "Secret.ClientId", client_id);
	hdf_set_value(r->hdf, "Secret.Value", secret);
	hdf_set_value(r->hdf, "Secret.Href", href);
	r->template = "developer/application_secret.cs";
	r->status = 200;
	return DONE;
}
