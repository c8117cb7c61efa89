#ifndef SB_SCIM_ERROR_H
#define SB_SCIM_ERROR_H
/* Why a SCIM request failed: the HTTP status, the scimType of RFC 7644
 * §3.12 (invalidFilter, tooMany, uniqueness, mutability, invalidSyntax,
 * invalidPath, noTarget, invalidValue, invalidVers, sensitive; "" for
 * errors without one, such as 404 or 412) and a detail for the client. */

struct scim_error {
	int status;
	char type[24];
	char detail[384];
};

/* Fills err and returns -1 (so "return scim_fail(...)" reads as a failure). */
int scim_fail(struct scim_error *err, int status, const char *scim_type, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
#endif
