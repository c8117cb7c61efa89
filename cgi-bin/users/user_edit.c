/* Edit User (guide §2.4): the person's names, email and mobile number, and
 * the role: User, Account Admin or a custom Administrator-based role
 * assigned to the account for a customer account's user; for partner staff
 * their own role or a custom Partner-based role (guide §2.14). Changing a
 * role takes Roles and Permissions' Assign (§2.14.5): without it the role
 * is shown, and a request to change it is refused. Status, Source and
 * Created are shown read-only. A save writes the row and one "user.update"
 * event listing what changed. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/users/user_form.h"
#include "lib/accounts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Publishes what the template needs besides the form values. */
static int publish(struct req *r)
{
	const char *role = hdf_get_value(r->hdf, "User.role", "");
	int staff = user_role_is_partner(role);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "users.edit_title"));
	hdf_set_int_value(r->hdf, "User.is_partner_staff", staff);
	hdf_set_int_value(r->hdf, "User.is_me", strcmp(hdf_get_value(r->hdf, "User.id", ""), r->me.id_text) == 0);
	hdf_set_int_value(r->hdf, "Users.ReadOnly", !user_admin_may_manage(r) || !can(r, FEAT_USERS, VERB_EDIT));
	if (user_publish_role_choices(r, staff ? role : NULL) != 0)
		return -1;
	/* Staff with no custom role to choose from have nothing to pick. */
	hdf_set_int_value(r->hdf, "User.role_choosable", can(r, FEAT_ROLES, VERB_ASSIGN) &&
			  (!staff || hdf_get_obj(r->hdf, "Roles.1")));
	const char *custom = hdf_get_value(r->hdf, "User.custom_role_name", NULL);
	char key[64];
	snprintf(key, sizeof key, "users.roles.%s", role);
	hdf_set_value(r->hdf, "User.role_label", custom ? custom : lang(r, key));
	return 0;
}

/* 1 found (User.* set), else NOT_FOUND or SERVER_ERROR. */
static int load(struct req *r)
{
	int found = user_load(r, "User", 0);
	return found == 1 ? 1 : found == 0 ? NOT_FOUND : SERVER_ERROR;
}

int user_edit_get(struct req *r)
{
	int rc = load(r);
	if (rc != 1)
		return rc;
	static const char *const fields[] = {"first_name", "last_name", "name", "email", "mobile"};
	char from[64], to[64];
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		snprintf(from, sizeof from, "User.%s", fields[i]);
		snprintf(to, sizeof to, "Form.Values.%s", fields[i]);
		hdf_set_value(r->hdf, to, hdf_get_value(r->hdf, from, ""));
	}
	hdf_set_value(r->hdf, "Form.Values.role", hdf_get_value(r->hdf, "User.role_choice", ""));
	return publish(r) == 0 ? DONE : SERVER_ERROR;
}

/* The role the form asks for, one of the options; the current one when the
 * form names none and the signed-in user may not assign roles. 0 with a
 * field error for anything else; -1 when it changes a role they may not. */
static int wanted_role(struct req *r, const char **role, long long *custom)
{
	const char *current = hdf_get_value(r->hdf, "User.role_choice", "");
	const char *asked = hdf_get_obj(r->hdf, "Query.role") ? form(r, "role") : current;
	/* Partner staff keep their built-in role here: any value but a custom
	 * role's means none. */
	if (hdf_get_int_value(r->hdf, "User.is_partner_staff", 0) && strncmp(asked, "role-", 5) != 0)
		asked = hdf_get_value(r->hdf, "User.role", "");
	if (strcmp(asked, current) != 0 && !can(r, FEAT_ROLES, VERB_ASSIGN))
		return -1;
	if (!user_role_choice(r, asked, role, custom)) {
		field_error(r, "role", "errors.invalid_choice");
		return 0;
	}
	hdf_set_value(r->hdf, "Form.Values.role", asked);
	return 1;
}

static int refuse(struct req *r, const char *field, const char *lang_key)
{
	db_rollback(r->db);
	field_error(r, field, lang_key);
	r->status = 422;
	return DONE;
}

int user_edit_post(struct req *r)
{
	if (!user_admin_may_manage(r))
		return NOT_FOUND;
	int rc = load(r);
	if (rc != 1)
		return rc;
	if (publish(r) != 0)
		return SERVER_ERROR;
	long long id = strtoll(r->path_id, NULL, 10); /* valid_id: 1 to 18 digits */
	struct user_input in;
	user_input_read(r, &in);
	const char *role = "";
	long long custom = 0;
	if (wanted_role(r, &role, &custom) < 0)
		return NOT_FOUND;
	if (user_check_email_free(r, &in, id) < 0)
		return SERVER_ERROR;
	if (form_has_errors(r)) {
		r->status = 422;
		return DONE;
	}
	int demoting = strcmp(hdf_get_value(r->hdf, "User.role", ""), "account_admin") == 0 &&
		       strcmp(role, "account_admin") != 0;

	if (db_begin(r->db) != 0)
		return SERVER_ERROR;
	/* A customer account keeps at least one Account Admin. The admins are
	 * locked before the user's row, so two demotions wait for each other. */
	if (demoting && !r->acct.is_partner) {
		long long admins = user_count_admins_locked(r);
		if (admins < 0)
			goto fail;
		if (admins <= 1)
			return refuse(r, "role", "users.errors.last_admin");
	}
	int found = user_load(r, "Before", 1);
	if (found != 1) {
		db_rollback(r->db);
		return found == 0 ? NOT_FOUND : SERVER_ERROR;
	}

	struct user_fields f = {
		.first_name = in.first_name, .last_name = in.last_name, .name = in.name,
		.email = in.email, .mobile = in.mobile, .role = role,
	};
	char display[256];
	user_display_name(&f, display, sizeof display);
	json_t *changes = json_object();
	if (!changes)
		goto fail;
	audit_change(changes, "first_name", hdf_get_value(r->hdf, "Before.first_name", ""), f.first_name);
	audit_change(changes, "last_name", hdf_get_value(r->hdf, "Before.last_name", ""), f.last_name);
	audit_change(changes, "name", hdf_get_value(r->hdf, "Before.name", ""), f.name);
	audit_change(changes, "email", hdf_get_value(r->hdf, "Before.email", ""), f.email);
	audit_change(changes, "mobile", hdf_get_value(r->hdf, "Before.mobile", ""), f.mobile);
	audit_change(changes, "role", hdf_get_value(r->hdf, "Before.role_choice", ""),
		     hdf_get_value(r->hdf, "Form.Values.role", ""));

	if (json_object_size(changes) > 0) {
		struct actor me = me_actor(r);
		long long n = db_exec(r->db,
			"UPDATE users SET first_name = ?, last_name = ?, name = ?, display_name = ?, email = ?,"
			" mobile = ?, role = ?, custom_role_id = NULLIF(?, 0), updated_at = UTC_TIMESTAMP(),"
			" updated_by_name = ? WHERE id = ? AND account_id = ?",
			"sssssssisis", f.first_name, f.last_name, f.name, display, f.email, f.mobile, f.role, custom,
			r->me.name, id, r->acct.id);
		if (n < 0 && db_errno(r->db) == 1062) {
			json_decref(changes);
			return refuse(r, "email", "errors.email_taken");
		}
		if (n < 0 || audit_event(r->db, r->acct.id, &me, "user.update", "user", r->path_id, display, changes) != 0) {
			json_decref(changes);
			goto fail;
		}
	}
	json_decref(changes);
	if (db_commit(r->db) != 0)
		goto fail;

	flash(r, "flash.user_saved");
	/* Whoever gave up their own admin role can no longer manage users. */
	if (id == r->me.id && demoting)
		redirect(r, "/");
	else
		redirect(r, "/a/%s/users/%lld", r->acct.id, id);
	return DONE;
fail:
	db_rollback(r->db);
	return SERVER_ERROR;
}
