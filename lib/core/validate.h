#ifndef SB_VALIDATE_H
#define SB_VALIDATE_H
/* Pure checks on user input; each returns 1 when the value is acceptable. */
#include <stddef.h>

int valid_utf8(const char *s);
size_t utf8_length(const char *s);               /* characters, for length limits */
int is_blank(const char *s);
int valid_email(const char *s);
int valid_e164(const char *s);                   /* +<country code><number>, 8-15 digits */
int valid_uuid(const char *s);
int valid_id(const char *s);                     /* a positive decimal row id */
int valid_key(const char *s);                    /* a choice's key: [a-z0-9_-]+ */
int valid_line(const char *s, int allow_breaks); /* UTF-8 without control characters (but tab) */
int valid_calendar_date(const char *s);                 /* a calendar date written YYYY-MM-DD, 1970 or later */
/* A phone number as typed ("+1 (415) 555-0100") made +<digits>: 1 when the
 * result is a valid E.164 number. */
#define PHONE_MAX 16
int phone_normalise(const char *in, char out[PHONE_MAX + 1]);
/* Splits a list of emails separated by commas, semicolons or white space
 * into out (at most max); returns the number found, -1 if any is invalid,
 * -2 if there are more than max. */
#define EMAIL_MAX 255
int email_list_split(const char *list, char out[][EMAIL_MAX + 1], int max);
#endif
