#ifndef SB_API_H
#define SB_API_H
/* The front line's side of the /api/v1 front (api.c); handlers use request.h. */
#include "cgi-bin/core/request.h"

#define API_BODY_MAX (1024 * 1024)   /* bytes of a JSON body: nginx.conf's client_max_body_size 1m on /api/ and /scim/ */

/* Registers the reader of JSON bodies (application/json, and any
 * application/<x>+json) with ClearSilver's CGI kit. */
NEOERR *api_parse_register(CGI *cgi);

/* Signs the request in with its bearer credential and checks the route
 * takes its kind; when the path names an account, looks it up within the
 * credential's reach in the same query (reached->id "" when out of reach).
 * DONE, or the status to answer (401, 403). */
int api_authenticate(struct req *r, struct account_ref *reached);
/* Refuses a body of the wrong kind (415: multipart where the route takes
 * JSON, or the other way round: routes.h R_UPLOAD), then parses the JSON
 * body, if any, into r->json. DONE, answering 400 or 415 when it fails. */
int api_read_body(struct req *r);
/* Writes an error status as the API's JSON error document. */
void api_error_body(struct req *r, int status);
/* 1 for a path of the machine front: /api/v1 and the SCIM service /scim/v2. */
int api_machine_path(const char *path);
#endif
