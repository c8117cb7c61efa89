#ifndef SB_USER_FORM_H
#define SB_USER_FORM_H
/* What Add User and Edit User share (guide §2.4): the rules across the
 * person's fields (each field itself is checked by the front line, from
 * USER_FIELDS in routes.def) and the roles a user may be given. */
#include "cgi-bin/core/request.h"

/* A name in at least one of Name, First Name and Last Name: otherwise a
 * message next to Name. */
void user_name_rule(struct req *r);

/* The email unique within the account (any user but except_id): otherwise
 * a message next to it. 0, or -1 on a database error. */
int user_email_rule(struct req *r, long long except_id);

/* 1 when the role key is partner staff's, who are never deleted nor demoted here. */
int user_role_is_partner(const char *role_key);

/* Publishes Roles.N.value/label, the built-in roles a customer account's
 * user may be given on these screens: User and Account Admin. */
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

/* The user's role as an option's value: "role-<id>" or the role key. */
void user_role_value(const struct user *u, char *out, size_t size);
#endif
