#ifndef SB_SERVE_H
#define SB_SERVE_H
#include <fcgiapp.h>
#include "lib/core/db.h"

/* Serves one FastCGI request end to end (request.c). */
void request_handle(FCGX_Request *fr, db *d);
/* The master: preforks workers, replaces dead ones, drains on SIGTERM,
 * reloads on SIGHUP (serve.c). */
int serve_main(void);
#endif
