/* "Resend the welcome email" on Edit User (guide §2.4): queues the welcome
 * email again for a user who has not registered yet. Its link, like every
 * earlier one not yet used, works until the first of them is used. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/users/user_form.h"
#include "lib/mail.h"

#include <stdlib.h>

int user_welcome_post(struct req *r)
{
	if (!user_admin_may_manage(r))
		return NOT_FOUND;
	if (db_begin(r->db) != 0)
		return SERVER_ERROR;
	int found = user_load(r, "User", 1);
	if (found != 1) {
		db_rollback(r->db);
		return found == 0 ? NOT_FOUND : SERVER_ERROR;
	}
	if (hdf_get_int_value(r->hdf, "User.registered", 0)) {
		db_rollback(r->db);
		flash(r, "flash.welcome_registered");
		redirect(r, "/a/%s/users/%s", r->acct.id, r->path_id);
		return DONE;
	}
	struct actor me = me_actor(r);
	json_t *details = json_pack("{s:s}", "email", hdf_get_value(r->hdf, "User.email", ""));
	int ok = details && mail_enqueue(r->db, r->acct.id, strtoll(r->path_id, NULL, 10), 0, "welcome") == 1 &&
		 audit_event(r->db, r->acct.id, &me, "user.welcome_email", "user", r->path_id,
			     hdf_get_value(r->hdf, "User.display_name", ""), details) == 0 &&
		 db_commit(r->db) == 0;
	json_decref(details);
	if (!ok) {
		db_rollback(r->db);
		return SERVER_ERROR;
	}
	flash(r, "flash.welcome_queued");
	redirect(r, "/a/%s/users/%s", r->acct.id, r->path_id);
	return DONE;
}
