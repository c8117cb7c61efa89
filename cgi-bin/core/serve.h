#ifndef SB_SERVE_H
#define SB_SERVE_H
#include <ClearSilver.h>
#include <fcgiapp.h>
#include "lib/core/db.h"

/* Serves one FastCGI request end to end (request.c). */
void request_handle(FCGX_Request *fr, db *d);
/* ClearSilver's CGI kit for one request, with the console's body parsers
 * registered (form_parse.c, api.c), over the tree hdf; closing frees both. */
NEOERR *request_cgi_open(CGI **cgi, HDF *hdf);
void request_cgi_close(CGI **cgi);
/* The master: preforks workers, replaces dead ones, drains on SIGTERM,
 * reloads on SIGHUP (serve.c). */
int serve_main(void);
#endif
