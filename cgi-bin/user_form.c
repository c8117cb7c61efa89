#include "cgi-bin/user_form.h"
#include "lib/validate.h"

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

void user_publish_role_options(struct req *r)
{
	static const char *const offered[] = {"user", "account_admin"};
	char key[64];
	for (size_t i = 0; i < sizeof offered / sizeof offered[0]; i++) {
		snprintf(key, sizeof key, "Roles.%zu.value", i);
		hdf_set_value(r->hdf, key, offered[i]);
		snprintf(key, sizeof key, "users.roles.%s", offered[i]);
		const char *label = lang(r, key);
		snprintf(key, sizeof key, "Roles.%zu.label", i);
		hdf_set_value(r->hdf, key, label);
	}
}

#define USER_COLUMNS \
	"SELECT id, first_name, last_name, name, display_name, email, mobile, extension, role, registered," \
	" source, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS created," \
	" DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i') AS modified, updated_by_name" \
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
