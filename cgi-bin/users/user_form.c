#include "cgi-bin/users/user_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void user_name_rule(struct req *r)
{
	if (!hdf_get_obj(r->hdf, "Form.Errors.name") && !hdf_get_obj(r->hdf, "Form.Errors.first_name") &&
	    !hdf_get_obj(r->hdf, "Form.Errors.last_name") && !*in(r, "first_name") && !*in(r, "last_name") &&
	    !*in(r, "name"))
		field_error(r, "name", "errors.name_required");
}

int user_email_rule(struct req *r, long long except_id)
{
	if (hdf_get_obj(r->hdf, "Form.Errors.email"))
		return 0;
	int taken = users_email_taken(r->db, r->acct.id, in(r, "email"), except_id);
	if (taken == 1)
		field_error(r, "email", "errors.email_taken");
	return taken < 0 ? -1 : 0;
}

int user_role_is_partner(const char *role_key)
{
	return role_is_partner(role_from_key(role_key));
}

static void set_option(struct req *r, int i, const char *value, const char *label)
{
	char key[64];
	snprintf(key, sizeof key, "Roles.%d.value", i);
	hdf_set_value(r->hdf, key, value);
	snprintf(key, sizeof key, "Roles.%d.label", i);
	hdf_set_value(r->hdf, key, label);
}

void user_publish_role_options(struct req *r)
{
	static const char *const offered[] = {"user", "account_admin"};
	char key[64];
	for (size_t i = 0; i < sizeof offered / sizeof offered[0]; i++) {
		snprintf(key, sizeof key, "users.roles.%s", offered[i]);
		set_option(r, (int)i, offered[i], lang(r, key));
	}
}

struct options {
	struct req *r;
	int n;
};

static int add_custom(void *ctx, long long id, const char *name)
{
	struct options *o = ctx;
	char value[32];
	snprintf(value, sizeof value, "role-%lld", id);
	set_option(o->r, o->n++, value, name);
	return 0;
}

int user_publish_role_choices(struct req *r, const char *staff_role)
{
	struct options o = {r, 2};
	if (staff_role) {
		char key[64];
		snprintf(key, sizeof key, "users.roles.%s", staff_role);
		set_option(r, 0, staff_role, lang(r, key));
		o.n = 1;
	} else {
		user_publish_role_options(r);
	}
	/* Custom roles come after, as role-<id>, by name. */
	return users_assignable_roles_each(r->db, r->acct.id, staff_role ? "partner" : "admin", add_custom, &o) < 0 ? -1 : 0;
}

int user_role_choice(struct req *r, const char *value, const char **role_key, long long *custom_role_id)
{
	for (HDF *o = hdf_get_child(r->hdf, "Roles"); o; o = hdf_obj_next(o)) {
		if (strcmp(hdf_get_value(o, "value", ""), value) != 0)
			continue;
		if (strncmp(value, "role-", 5) == 0) {
			*custom_role_id = strtoll(value + 5, NULL, 10);
			/* A custom role narrows its base: an Administrator-based one is
			 * held by an Account Admin, a Partner-based one keeps the staff's role. */
			const char *first = hdf_get_value(r->hdf, "Roles.0.value", "");
			*role_key = strcmp(first, "user") == 0 ? "account_admin" : first;
		} else {
			*custom_role_id = 0;
			*role_key = hdf_get_value(o, "value", "");
		}
		return 1;
	}
	return 0;
}

void user_role_value(const struct user *u, char *out, size_t size)
{
	if (u->custom_role_id)
		snprintf(out, size, "role-%lld", u->custom_role_id);
	else
		snprintf(out, size, "%s", u->role);
}
