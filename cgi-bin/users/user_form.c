#include "cgi-bin/users/user_form.h"
#include "lib/core/db_hdf.h"
#include "lib/core/validate.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The columns' widths (schema.sql), in characters. */
#define FIRST_NAME_MAX 100
#define LAST_NAME_MAX 100
#define NAME_MAX_CHARS 200
#define EMAIL_MAX_CHARS 254
#define MOBILE_INPUT_MAX 32   /* as typed, with spaces and dashes */

/* "+1 (415) 555-0100" -> "+14155550100". Returns 0 when the text holds
 * anything but digits, one leading '+' and the usual separators. */
static int normalise_phone(const char *in, char out[MOBILE_MAX + 1])
{
	size_t n = 0;
	for (const char *p = in; *p; p++) {
		if (*p == ' ' || *p == '-' || *p == '.' || *p == '(' || *p == ')')
			continue;
		if (!(isdigit((unsigned char)*p) || (*p == '+' && n == 0)))
			return 0;
		if (n == MOBILE_MAX)
			return 0;
		out[n++] = *p;
	}
	out[n] = 0;
	return 1;
}

int user_input_read(struct req *r, struct user_input *in)
{
	memset(in, 0, sizeof *in);
	int names_ok = check_text(r, "first_name", 0, FIRST_NAME_MAX);
	names_ok &= check_text(r, "last_name", 0, LAST_NAME_MAX);
	names_ok &= check_text(r, "name", 0, NAME_MAX_CHARS);
	in->first_name = form(r, "first_name");
	in->last_name = form(r, "last_name");
	in->name = form(r, "name");
	if (names_ok && !*in->first_name && !*in->last_name && !*in->name)
		field_error(r, "name", "errors.name_required");

	if (check_text(r, "email", 1, EMAIL_MAX_CHARS) && !valid_email(form(r, "email")))
		field_error(r, "email", "errors.invalid_email");
	in->email = form(r, "email");

	if (check_text(r, "mobile", 0, MOBILE_INPUT_MAX)) {
		const char *typed = form(r, "mobile");
		if (*typed && (!normalise_phone(typed, in->mobile) || !valid_e164(in->mobile)))
			field_error(r, "mobile", "errors.invalid_phone");
	}
	return !form_has_errors(r);
}

int user_check_email_free(struct req *r, const struct user_input *in, long long except_id)
{
	if (hdf_get_obj(r->hdf, "Form.Errors.email"))
		return 0;
	long long found = 0;
	int rc = db_int(r->db, &found, "SELECT id FROM users WHERE account_id = ? AND email = ? AND id <> ? LIMIT 1",
			"ssi", r->acct.id, in->email, except_id);
	if (rc == 1)
		field_error(r, "email", "errors.email_taken");
	return rc < 0 ? -1 : 0;
}

int user_admin_may_manage(const struct req *r)
{
	return !r->acct.is_partner || r->me.role == ROLE_PARTNER_ADMIN;
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

int user_publish_role_choices(struct req *r, const char *staff_role)
{
	char key[64];
	int n = 2;
	if (staff_role) {
		snprintf(key, sizeof key, "users.roles.%s", staff_role);
		set_option(r, 0, staff_role, lang(r, key));
		n = 1;
	} else {
		user_publish_role_options(r);
	}
	/* Custom roles come after, as role-<id>, by name. */
	int custom = db_rows(r->db, r->hdf, "CustomRoles",
			     "SELECT r.id, r.name FROM role_accounts ra JOIN roles r ON r.id = ra.role_id"
			     " WHERE ra.account_id = ? AND r.base = ? ORDER BY r.name",
			     "ss", r->acct.id, staff_role ? "partner" : "admin");
	if (custom < 0)
		return -1;
	char value[32];
	for (int i = 0; i < custom; i++) {
		snprintf(key, sizeof key, "CustomRoles.%d.id", i);
		snprintf(value, sizeof value, "role-%s", hdf_get_value(r->hdf, key, ""));
		snprintf(key, sizeof key, "CustomRoles.%d.name", i);
		set_option(r, n + i, value, hdf_get_value(r->hdf, key, ""));
	}
	return 0;
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

#define USER_COLUMNS \
	"SELECT id, first_name, last_name, name, display_name, email, mobile, extension, role, registered," \
	" source, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS created," \
	" DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i') AS modified, updated_by_name, custom_role_id," \
	" (SELECT name FROM roles WHERE roles.id = users.custom_role_id) AS custom_role_name," \
	" IF(custom_role_id IS NULL, role, CONCAT('role-', custom_role_id)) AS role_choice" \
	" FROM users WHERE id = ? AND account_id = ?"

int user_load(struct req *r, const char *prefix, int for_update)
{
	long long id = strtoll(r->path_id, NULL, 10); /* valid_id: 1 to 18 digits */
	hdf_remove_tree(r->hdf, prefix);
	if (for_update)
		return db_row(r->db, r->hdf, prefix, USER_COLUMNS " FOR UPDATE", "is", id, r->acct.id);
	return db_row(r->db, r->hdf, prefix, USER_COLUMNS, "is", id, r->acct.id);
}

long long user_count_admins_locked(struct req *r)
{
	long long n = 0;
	if (db_int(r->db, &n, "SELECT COUNT(*) FROM users WHERE account_id = ? AND role = 'account_admin' FOR UPDATE",
		   "s", r->acct.id) != 1)
		return -1;
	return n;
}
