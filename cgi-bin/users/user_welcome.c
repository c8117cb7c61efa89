/* "Resend the welcome email" on Edit User (guide §2.4): queues the welcome
 * email again for a user who has not registered yet. Its link, like every
 * earlier one not yet used, works until the first of them is used. */
#include "cgi-bin/core/request.h"
#include "lib/mail.h"

#define REGISTERED 1
#define GONE 2

static int resend(struct req *r, void *arg)
{
	struct user u;
	int found = users_find(r->db, r->acct.id, r->id, 1, &u);
	if (found != 1)
		return found == 0 ? GONE : -1;
	if (u.registered)
		return REGISTERED;
	json_t *details = json_pack("{s:s}", "email", u.email);
	int ok = details && mail_enqueue(r->db, r->acct.id, u.id, 0, "welcome") == 1 &&
		 event(r, r->acct.id, "user.welcome_email", "user", r->path_id, u.display_name, details) == 0;
	json_decref(details);
	return ok ? 0 : -1;
}

int user_welcome_post(struct req *r)
{
	int rc = tx(r, resend, NULL);
	if (rc < 0 || rc == GONE)
		return rc < 0 ? SERVER_ERROR : NOT_FOUND;
	return done(r, rc == REGISTERED ? "flash.welcome_registered" : "flash.welcome_queued", "/a/%s/users/%s", r->acct.id,
		    r->path_id);
}
