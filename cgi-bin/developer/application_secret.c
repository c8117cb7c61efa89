/* Regenerate secret (guide §2.14.11): a new secret, shown once; the old one
 * and every access token issued with it stop working at once. */
#include "cgi-bin/developer/application_form.h"

#include <string.h>

struct secret_call {
	char secret[TOKEN_HEX];
};

static int regenerate(struct req *r, void *arg)
{
	struct secret_call *c = arg;
	const struct application *a = &r->obj.application;
	int rc = application_new_secret(r->db, r->me.partner_id, a->id, c->secret);
	if (rc != 1)
		return rc < 0 ? -1 : 1;
	return application_event(r, r->me.partner_id, "application.secret", a->id, a->name, NULL);
}

int application_secret_post(struct req *r)
{
	struct secret_call c;
	int rc = tx(r, regenerate, &c);
	if (rc != 0)
		return rc == 1 ? NOT_FOUND : SERVER_ERROR;
	const struct application *a = &r->obj.application;
	int shown = application_secret_page(r, a->id, a->name, a->client_id, c.secret);
	memset(c.secret, 0, sizeof c.secret);
	return shown;
}
