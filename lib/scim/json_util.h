#ifndef SB_SCIM_JSON_UTIL_H
#define SB_SCIM_JSON_UTIL_H
/* Small helpers over jansson for SCIM documents, whose attribute names are
 * case-insensitive (RFC 7643 §2.1) and whose clients send booleans as
 * strings (Microsoft Entra's "True"/"False"). Pure. */
#include <jansson.h>
#include <stddef.h>

/* The member of obj named name (len bytes), case-insensitively; NULL if
 * none or obj is no object. key_out: the key as stored. */
json_t *scim_member(json_t *obj, const char *name, size_t len, const char **key_out);
/* Removes the member named name, case-insensitively. */
void scim_member_del(json_t *obj, const char *name);
/* Sets obj[name] (taking value), replacing a member of any case. */
void scim_member_set(json_t *obj, const char *name, json_t *value);

/* A boolean, or a string "true"/"false" in any case: 1 read into *out, 0 not a boolean. */
int scim_bool(json_t *v, int *out);
/* ASCII case-folding comparison (strcmp's sign). */
int scim_strcasecmp(const char *a, const char *b);
/* An RFC 3339 / xsd:dateTime ("2024-05-01T10:20:30Z", optional fraction and
 * offset) as seconds since the epoch: 1 parsed, 0 not. */
int scim_datetime(const char *s, double *out);
/* "YYYY-MM-DDTHH:MM:SSZ" from "YYYY-MM-DD HH:MM:SS" (a database DATETIME in UTC). */
void scim_datetime_format(const char *sql_datetime, char out[32]);
/* Deep equality with strings compared case-insensitively when fold is set. */
int scim_json_equal(json_t *a, json_t *b, int fold);
#endif
