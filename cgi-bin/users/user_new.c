/* Add User (guide §2.4): a name in at least one of Name, First Name and
 * Last Name, an email unique within the account, an optional mobile number
 * with its country code, and the Account Admin toggle. New users are
 * unregistered until they set a password from their welcome email, which
 * is queued with them (guide §2.1). In the partner account the new user is
 * partner staff (a partner administrator) and the toggle does not apply. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/users/user_form.h"
#include "lib/accounts.h"
#include "lib/mail.h"

#define EMAIL_TAKEN 1

int user_new_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "users.user_new.title"));
	return DONE;
}

struct creation {
	struct user_fields fields;
	long long id;
};

static int create(struct req *r, void *arg)
{
	struct creation *c = arg;
	struct actor me = me_actor(r);
	c->id = user_insert(r->db, &me, r->acct.id, &c->fields);
	if (c->id == 0)
		return EMAIL_TAKEN;   /* taken between the check and the insert */
	return c->id > 0 && mail_enqueue(r->db, r->acct.id, c->id, 0, "welcome") == 1 ? 0 : -1;
}

int user_new_post(struct req *r)
{
	user_name_rule(r);
	int admin = in_checked(r, "account_admin");
	/* Making someone an Account Admin is giving a role (guide §2.14.5). */
	if (admin && !can(r, FEAT_ROLES, VERB_ASSIGN))
		return NOT_FOUND;
	if (user_email_rule(r, 0) != 0)
		return SERVER_ERROR;
	if (form_has_errors(r))
		return invalid(r);
	struct creation c = {
		.fields = {
			.first_name = in(r, "first_name"), .last_name = in(r, "last_name"), .name = in(r, "name"),
			.email = in(r, "email"), .mobile = in(r, "mobile"), .extension = "",
			.role = r->acct.is_partner ? "partner_admin" : admin ? "account_admin" : "user",
		},
	};
	int rc = tx(r, create, &c);
	if (rc == EMAIL_TAKEN) {
		field_error(r, "email", "errors.email_taken");
		return invalid(r);
	}
	if (rc != 0)
		return SERVER_ERROR;
	return done(r, "flash.user_created", "/a/%s/users/%lld", r->acct.id, c.id);
}
