/* Add User (guide §2.4): a name in at least one of Name, First Name and
 * Last Name, an email unique within the account, an optional mobile number
 * with its country code, and the Account Admin toggle. New users are
 * unregistered until they set a password from their welcome email. In the partner account the new
 * user is partner staff (a partner administrator) and the toggle does not apply. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/users/user_form.h"
#include "lib/accounts.h"
#include "lib/mail.h"

static int start(struct req *r)
{
	if (!user_admin_may_manage(r))
		return NOT_FOUND;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "users.new_title"));
	return DONE;
}

int user_new_get(struct req *r)
{
	return start(r);
}

int user_new_post(struct req *r)
{
	int rc = start(r);
	if (rc != DONE)
		return rc;
	struct user_input in;
	user_input_read(r, &in);
	int admin = form_checked(r, "account_admin");
	/* Making someone an Account Admin is giving a role (guide §2.14.5). */
	if (admin && !can(r, FEAT_ROLES, VERB_ASSIGN))
		return NOT_FOUND;
	if (admin)
		hdf_set_value(r->hdf, "Form.Values.account_admin", "1");
	if (user_check_email_free(r, &in, 0) < 0)
		return SERVER_ERROR;
	if (form_has_errors(r)) {
		r->status = 422;
		return DONE;
	}

	struct user_fields f = {
		.first_name = in.first_name, .last_name = in.last_name, .name = in.name, .email = in.email,
		.mobile = in.mobile, .extension = "",
		.role = r->acct.is_partner ? "partner_admin" : admin ? "account_admin" : "user",
		.password = NULL,
	};
	struct actor me = me_actor(r);
	if (db_begin(r->db) != 0)
		return SERVER_ERROR;
	long long id = user_insert(r->db, &me, r->acct.id, &f);
	/* The welcome email goes out with the user (guide §2.1), or neither does. */
	if (id > 0 && mail_enqueue(r->db, r->acct.id, id, 0, "welcome") != 1)
		id = -1;
	if (id <= 0 || db_commit(r->db) != 0) {
		db_rollback(r->db);
		if (id != 0)
			return SERVER_ERROR;
		/* Someone took the email between the check and the insert. */
		field_error(r, "email", "errors.email_taken");
		r->status = 422;
		return DONE;
	}
	flash(r, "flash.user_created");
	redirect(r, "/a/%s/users/%lld", r->acct.id, id);
	return DONE;
}
