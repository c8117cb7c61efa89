#ifndef SB_FORM_PARSE_H
#define SB_FORM_PARSE_H
#include <ClearSilver.h>

/* Registers the console's parser for url-encoded form bodies with cgi. */
NEOERR *form_parse_register(CGI *cgi);

/* The most fields a form body may carry; a body with more is refused (400)
 * before any of it is stored. The console's largest forms (a page of
 * checkboxes, the permission matrix) have a few hundred. */
#define FORM_MAX_FIELDS 2000

/* Decodes one url-encoded body into Query.* of hdf, in time linear in its
 * length; an encoded NUL in a value arrives as U+0001 (see form_parse.c).
 * Returns 0, or -1 with nothing stored when the body has more than
 * max_fields fields. Exposed for tests. */
int form_parse_body(HDF *hdf, char *body, int max_fields);
#endif
