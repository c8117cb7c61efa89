#ifndef SB_APPLICATION_FORM_H
#define SB_APPLICATION_FORM_H
/* The fields of Register application and of an application's Details
 * (guide §2.14.11): name, description, redirect URIs. */
#include "cgi-bin/core/request.h"

/* Reads the declared fields and checks the redirect URIs, one per line,
 * with a message next to them. 1 when acceptable. */
int application_form_read(struct req *r, struct application_fields *f);
/* An application's event (asset: the application) in account_id's history. */
int application_event(struct req *r, const char *account_id, const char *action, long long id, const char *name,
		      json_t *details);
/* The secret page: the client id and the secret shown once (the POST that
 * made it answers with it, since a redirect would need it kept). */
int application_secret_page(struct req *r, long long id, const char *name, const char *client_id, const char *secret);
#endif
