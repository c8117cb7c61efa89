/* "Forgot your password?" (from the sign-in page): asks for an email and
 * queues a reset email to each registered user of an active account with
 * that address. The reply is the same whether or not one exists, and takes
 * no longer either way than a database round trip, so it reveals nothing. */
#include "cgi-bin/core/request.h"
#include "lib/core/db_hdf.h"
#include "cgi-bin/core/session.h"
#include "lib/mail.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The same email may belong to users of several accounts. */
#define MAX_MATCHES 5

static void start(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "forgot.title"));
	if (!r->signed_in)
		prelogin_token(r);
}

int forgot_get(struct req *r)
{
	start(r);
	hdf_set_int_value(r->hdf, "Forgot.Sent", strcmp(form(r, "sent"), "1") == 0);
	return DONE;
}

int forgot_post(struct req *r)
{
	start(r);
	const char *email = form(r, "email");
	if (check_text(r, "email", 1, EMAIL_MAX) && !valid_email(email))
		field_error(r, "email", "errors.invalid_email");
	if (form_has_errors(r)) {
		r->status = 422;
		return DONE;
	}
	if (db_begin(r->db) != 0)
		return SERVER_ERROR;
	/* One pending reset email per user is enough: asking again does not
	 * queue more (nor let anyone flood an inbox). */
	int n = db_rows(r->db, r->hdf, "Forgot.Users",
		"SELECT u.id, u.account_id FROM users u JOIN accounts a ON a.id = u.account_id"
		" WHERE u.email = ? AND u.registered = 1 AND a.status = 'active'"
		" AND NOT EXISTS (SELECT 1 FROM mail_outbox o WHERE o.user_id = u.id AND o.kind = 'reset' AND o.state = 'queued')"
		" ORDER BY u.id LIMIT ? FOR UPDATE", "si", email, (long long)MAX_MATCHES);
	/* Nobody is signed in: the event names the request, not a user. */
	struct actor requester = {0, "Forgot your password?", email};
	char key[64];
	for (int i = 0; i < n; i++) {
		snprintf(key, sizeof key, "Forgot.Users.%d.id", i);
		long long id = strtoll(hdf_get_value(r->hdf, key, "0"), NULL, 10);
		snprintf(key, sizeof key, "Forgot.Users.%d.account_id", i);
		const char *account_id = hdf_get_value(r->hdf, key, "");
		snprintf(key, sizeof key, "Forgot.Users.%d.id", i);
		if (mail_enqueue(r->db, account_id, id, 0, "reset") != 1 ||
		    audit_event(r->db, account_id, &requester, "user.password_reset_request", "user",
				hdf_get_value(r->hdf, key, ""), email, NULL) != 0)
			n = -1;
	}
	if (n < 0 || db_commit(r->db) != 0) {
		db_rollback(r->db);
		return SERVER_ERROR;
	}
	redirect(r, "/forgot?sent=1");
	return DONE;
}
