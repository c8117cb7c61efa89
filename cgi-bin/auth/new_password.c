#include "cgi-bin/auth/new_password.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <string.h>

static int has_error(struct req *r, const char *field)
{
	char key[96];
	snprintf(key, sizeof key, "Form.Errors.%s", field);
	return hdf_get_value(r->hdf, key, NULL) != NULL;
}

void new_password_check(struct req *r, const char *field, const char *confirm_field)
{
	if (has_error(r, field))
		return;
	const char *fresh = in(r, field);
	if (!valid_utf8(fresh))
		field_error(r, field, "errors.invalid_text");
	else if (utf8_length(fresh) < PASSWORD_MIN)
		field_error(r, field, "auth.password.too_short");
	else if (strcmp(fresh, in(r, confirm_field)) != 0 && !has_error(r, confirm_field))
		field_error(r, confirm_field, "auth.password.mismatch");
}
