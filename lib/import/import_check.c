#include "lib/import/import.h"
#include "lib/core/validate.h"

#include <ctype.h>
#include <string.h>

/* The widths of the users columns (schema.sql), in characters. */
static const size_t max_chars[IMPORT_FIELDS] = {100, 100, 200, 254, 64};

char *import_clean_text(char *s)
{
	char *out = s;
	int space = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == ' ' || *p == 0x7f) {
			space = out != s;   /* leading white space goes */
			continue;
		}
		if (space)
			*out++ = ' ';
		space = 0;
		*out++ = (char)*p;
	}
	*out = 0;
	return s;
}

const char *import_role_key(const char *text)
{
	char key[32];
	size_t n = 0;
	for (; *text; text++) {
		if (isspace((unsigned char)*text) || *text == '_' || *text == '-')
			continue;
		if (n + 1 == sizeof key)
			return NULL;
		key[n++] = (char)tolower((unsigned char)*text);
	}
	key[n] = 0;
	if (n == 0 || strcmp(key, "user") == 0)
		return "user";
	if (strcmp(key, "accountadmin") == 0)
		return "account_admin";
	return NULL;
}

unsigned import_check_row(char *const v[IMPORT_FIELDS])
{
	unsigned errors = 0;
	for (int f = 0; f < IMPORT_FIELDS; f++)
		if (!valid_utf8(v[f]) || utf8_length(v[f]) > max_chars[f])
			errors |= f == IMPORT_ROLE ? IMPORT_ERR_ROLE : IMPORT_ERR_TOO_LONG;
	if (!*v[IMPORT_FIRST_NAME] && !*v[IMPORT_LAST_NAME] && !*v[IMPORT_NAME])
		errors |= IMPORT_ERR_NAME;
	if (!valid_email(v[IMPORT_EMAIL]))
		errors |= IMPORT_ERR_EMAIL;
	if (!import_role_key(v[IMPORT_ROLE]))
		errors |= IMPORT_ERR_ROLE;
	return errors;
}
