#ifndef SB_COUNTRIES_H
#define SB_COUNTRIES_H
/* ISO 3166-1 alpha-2 country codes with their English short names, in the
 * order a person looks for them (by name). Accounts store the code. */

struct country {
	const char *code;
	const char *name;
};

/* The whole list; *count receives its length. */
const struct country *country_list(int *count);
/* 1 when code is an assigned ISO 3166-1 alpha-2 code (upper case). */
int valid_country(const char *code);
/* The English name of code, or "" when it is not a known code. */
const char *country_name(const char *code);
#endif
