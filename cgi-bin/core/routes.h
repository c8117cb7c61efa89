#ifndef SB_ROUTES_H
#define SB_ROUTES_H
#include "cgi-bin/core/request.h"

/* Route flags. */
#define R_PUBLIC  (1u << 0)   /* no session needed (sign-in, static health) */
#define R_RAW     (1u << 1)   /* the handler produces its own body; no layout */

/* One row of the route table: cgit's cmd table, kcgi's declared needs.
 * A pattern segment ":acct" is an account id (scope-checked before the
 * handler runs), ":id" a numeric id. */
struct route {
	const char *method;
	const char *pattern;
	handler_fn handler;
	const char *template;
	unsigned flags;
	enum feature feature;
	enum verb verb;
};

/* Finds the row for method and path, filling r->path_id and r->acct.id.
 * Returns NULL when nothing matches; *path_matched tells a wrong method
 * (405) from an unknown path (404). */
const struct route *route_match(const char *method, const char *path, struct req *r, int *path_matched);
const struct route *route_table(int *count);
#endif
