#ifndef SB_FORM_PARSE_H
#define SB_FORM_PARSE_H
#include <ClearSilver.h>

/* Registers the console's parser for url-encoded form bodies with cgi. */
NEOERR *form_parse_register(CGI *cgi);

/* Decodes one url-encoded body into Query.* of hdf; an encoded NUL in a value
 * arrives as U+0001 (see form_parse.c). Returns 0. Exposed for tests. */
int form_parse_body(HDF *hdf, char *body);
#endif
