/* "Forgot your password?" (from the sign-in page): asks for an email and
 * queues a reset email to each registered user of an active account with
 * that address, a few an hour at most per email and per client address
 * (lib/throttle.h), so nobody can flood an inbox. The reply is the same
 * whether or not one exists or was sent, and takes no longer either way
 * than a database round trip, so it reveals nothing. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/core/session.h"
#include "lib/passwords.h"
#include "lib/throttle.h"

#include <string.h>

/* The same email may belong to users of several accounts. */
#define MAX_MATCHES 5

int forgot_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "auth.forgot.title"));
	if (!r->signed_in)
		prelogin_token(r);
	hdf_set_int_value(r->hdf, "Forgot.Sent", strcmp(form(r, "sent"), "1") == 0);
	return DONE;
}

static int request_reset(struct req *r, void *email)
{
	int allowed = throttle_reset_request(r->db, email, hdf_get_value(r->hdf, "CGI.RemoteAddress", ""));
	if (allowed <= 0)
		return allowed;
	/* Nobody is signed in: the event names the request, not a user. */
	struct actor requester = {0, "Forgot your password?", email};
	return passwords_reset_request(r->db, email, &requester, MAX_MATCHES) < 0 ? -1 : 0;
}

int forgot_post(struct req *r)
{
	if (form_has_errors(r))
		return invalid(r);
	if (tx(r, request_reset, (void *)in(r, "email")) != 0)
		return SERVER_ERROR;
	return done(r, NULL, "/forgot?sent=1");
}
