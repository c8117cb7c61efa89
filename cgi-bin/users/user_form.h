#ifndef SB_USER_FORM_H
#define SB_USER_FORM_H
/* What the Add User and Edit User forms share (guide §2.4): reading and
 * checking the person's fields, the email's uniqueness within the account,
 * and who may manage which users. */
#include "cgi-bin/core/request.h"

#define MOBILE_MAX 16   /* '+' and at most 15 digits (E.164), the column's width */

struct user_input {
	const char *first_name;
	const char *last_name;
	const char *name;
	const char *email;
	char mobile[MOBILE_MAX + 1];   /* normalised to +<digits>, or "" */
};

/* Reads First Name, Last Name, Name, Email and Mobile Number, echoes them
 * into Form.Values.* and puts a message next to each bad one. Returns 1 when
 * all are acceptable. Uniqueness of the email is checked separately. */
int user_input_read(struct req *r, struct user_input *in);

/* When the email passed its checks, puts errors.email_taken next to it if
 * another user of the account (any but except_id) has it. Returns 0, or -1
 * on a database error. The unique key still decides a race. */
int user_check_email_free(struct req *r, const struct user_input *in, long long except_id);

/* Partner staff (the partner account's users) are managed only by partner
 * administrators: an account manager must not add, change or remove them. */
int user_admin_may_manage(const struct req *r);

/* 1 when the user is partner staff, who are never deleted nor demoted here. */
int user_role_is_partner(const char *role_key);

/* Publishes Roles.N.value/label, the roles a customer account's user may
 * be given on these screens. */
void user_publish_role_options(struct req *r);

/* Publishes Roles.N.value/label, the roles a user may be given on Edit
 * User: in a customer account User, Account Admin and the custom
 * Administrator-based roles assigned to it ("role-<id>"); for partner staff
 * (staff_role, else NULL) their own built-in role and the custom
 * Partner-based roles assigned to the partner account. -1 on error. */
int user_publish_role_choices(struct req *r, const char *staff_role);

/* The role the form asks for, one of the options published: the built-in
 * role's key and the custom role (0: none). 0 when it is not an option. */
int user_role_choice(struct req *r, const char *value, const char **role_key, long long *custom_role_id);

/* Loads the user named by the path (r->path_id) within the account into
 * prefix.* (id, first_name, last_name, name, display_name, email, mobile,
 * extension, role, registered, source, created, modified, updated_by_name,
 * custom_role_id, custom_role_name and role_choice: "role-<id>" or the role).
 * for_update locks the row for the caller's transaction. 1 found, 0 not, -1 error. */
int user_load(struct req *r, const char *prefix, int for_update);

/* Locks the account's Account Admins and counts them (inside the caller's
 * transaction): a customer account keeps at least one. -1 on error. */
long long user_count_admins_locked(struct req *r);
#endif
