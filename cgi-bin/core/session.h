#ifndef SB_SESSION_H
#define SB_SESSION_H
#include "cgi-bin/core/request.h"

#define SESSION_COOKIE "sb_session"
#define PRELOGIN_COOKIE "sb_csrf"       /* double-submit token for the sign-in form */
#define LANGUAGE_COOKIE "sb_lang"       /* the language chosen on this browser */

/* Forms used before signing in (sign-in, sign-up, password reset) carry a
 * double-submit CSRF token: a random cookie echoed as CSRF (login.c). */
void prelogin_token(struct req *r);

/* Loads the session named by the cookie into r->me and r->csrf, with the
 * bell (Notifications.*) when with_bell: one query. Returns 1 when signed
 * in, 0 when not (expired, unknown or deactivated counts as none), -1 when
 * the database could not say. */
int session_load(struct req *r, int with_bell);
/* Starts a fresh session (a new id: rotation at sign-in) for user_id. */
int session_start(struct req *r, long long user_id);
/* ... signed in through the partner identity provider (guide §1.2, §1.3). */
int session_start_via_idp(struct req *r, long long user_id);
void session_end(struct req *r);
#endif
