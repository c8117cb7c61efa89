#ifndef SB_SESSION_H
#define SB_SESSION_H
#include "cgi-bin/core/request.h"

#define SESSION_COOKIE "sb_session"
#define PRELOGIN_COOKIE "sb_csrf"       /* double-submit token for the sign-in form */

/* Forms used before signing in (sign-in, sign-up, password reset) carry a
 * double-submit CSRF token: a random cookie echoed as CSRF (login.c). */
void prelogin_token(struct req *r);

/* Loads the session named by the cookie into r->me and r->csrf. Returns 1
 * when signed in; an expired, unknown or deactivated one counts as none. */
int session_load(struct req *r);
/* Starts a fresh session (a new id: rotation at sign-in) for user_id. */
int session_start(struct req *r, long long user_id);
void session_end(struct req *r);
/* Ends every session of one user, or of every user of one account. */
int sessions_end_user(db *d, long long user_id);
int sessions_end_account(db *d, const char *account_id);

/* Sign-in throttling: failures are counted per email and per client
 * address over a window. throttle_wait returns the minutes to wait (0: go on). */
int throttle_wait(db *d, const char *email, const char *addr);
void throttle_fail(db *d, const char *email, const char *addr);
void throttle_clear(db *d, const char *email);
#endif
