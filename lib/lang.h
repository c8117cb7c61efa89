#ifndef SB_LANG_H
#define SB_LANG_H
/* The console's languages and their conventions for writing numbers, dates
 * and spreadsheets. A language exists when its text does: a file
 * templates/lang/<code>.hdf in the template directory or the administrators'
 * override directory (ARCHITECTURE §6). English is always the reference and
 * the last resort. */
#include <stddef.h>

#define LANG_CODE 16
#define LANG_MAX 32          /* languages offered at most */

/* A well-formed code: two or three lower-case letters, optionally a region
 * ("pt-br"). Codes name files, so nothing else is accepted. */
int lang_code_ok(const char *code);
/* 1 when code's language file exists in either template directory. */
int lang_exists(const char *code);
/* The template directories in search order (Templates.Override first, when
 * set, then Templates.Dir): where templates and language files are read. */
int template_dirs(const char *dirs[2]);
/* The languages that exist, English first, then in the order of their
 * codes. Returns how many (at most max). */
int lang_available(char codes[][LANG_CODE], int max);

/* The first language of an Accept-Language header (RFC 9110 §12.5.4) that
 * exists, by weight, a region falling back to its language ("fr-CA" gives
 * fr); 0 when none does. */
int lang_from_accept(const char *header, char out[LANG_CODE]);

/* How a language writes numbers, dates and CSV files. */
struct lang_locale {
	const char *code;
	const char *group;          /* between groups of three digits */
	const char *decimal;
	const char *date;           /* "dmy/" day, month, year and their separator */
	char csv_sep;               /* a spreadsheet of that locale opens a .csv split on this */
};
/* The conventions of code; English's for a language without its own. */
const struct lang_locale *lang_locale(const char *code);

/* n in code's way ("12,345", "12 345", "12.345"). */
void lang_format_int(const char *code, long long n, char *out, size_t size);
/* A date or date and time as the database writes it ("2026-03-05" or
 * "2026-03-05 14:07[:09]", also "2026-03-05, 14:07:09") in code's way: English keeps the ISO order,
 * French writes 05/03/2026 14:07, German 05.03.2026 14:07. Text that is not
 * such a date is copied as it is. */
void lang_format_datetime(const char *code, const char *iso, char *out, size_t size);

/* text with its placeholders {1} to {9} replaced by args[0] to args[n - 1]
 * (a placeholder without an argument is left as it is): a message stored
 * as a key and its arguments, in any language's words. */
void lang_fill(const char *text, const char *const args[], int n, char *out, size_t size);
#endif
