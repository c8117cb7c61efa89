/* POST /language: the footer's Supported Languages (guide §1.3; the
 * choice order is request.c's choose_language). Signed in, the choice is
 * the user's own, kept on their row with its event; on this browser it is
 * kept in a cookie too, so that the sign-in page after signing out stays in
 * it. Then back to the page it was made on, with that page's search, sort
 * and filters. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/core/session.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <string.h>

#define LANGUAGE_COOKIE_SECONDS (365 * 24 * 3600)

static int save(struct req *r, void *arg)
{
	const char *code = arg;
	char before[16];
	int saved = users_set_language(r->db, r->me.account_id, r->me.id, code, before, sizeof before);
	if (saved != 1)
		return -1;
	if (strcmp(before, code) == 0)
		return 0;
	json_t *changes = json_object();
	if (!changes)
		return -1;
	audit_change(changes, "language", before, code);
	int rc = event(r, r->me.account_id, "user.update", "user", r->me.id_text, r->me.name, changes);
	json_decref(changes);
	return rc;
}

int language_post(struct req *r)
{
	if (form_has_errors(r))
		return invalid(r);
	const char *code = in(r, "lang");
	if (r->signed_in && tx(r, save, (void *)code) != 0)
		return SERVER_ERROR;
	set_cookie(r, LANGUAGE_COOKIE, code, LANGUAGE_COOKIE_SECONDS);
	/* A local path only (redirect() sees to that) and one line. */
	const char *back = in(r, "back");
	return done(r, NULL, "%s", *back && valid_line(back, 0) ? back : "/");
}
