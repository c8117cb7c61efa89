#ifndef SB_TOKEN_PAGE_H
#define SB_TOKEN_PAGE_H
/* What the sign-up page (register.c, guide §2.1) and the password reset
 * page (reset.c, guide §2.4) share: both are opened from an emailed link
 * carrying a single-use token, and both set a new password. */
#include "cgi-bin/core/request.h"

struct token_page {
	const char *purpose;     /* "welcome" or "reset": the token's purpose */
	const char *lang;        /* "register" or "reset": the Lang.auth.<x>.* texts */
	const char *path;        /* "/register" or "/reset" */
	const char *action;      /* the event written when the password is set */
	int end_sessions;        /* a reset signs the user out everywhere */
};

/* GET: the form when the link is good, else only what is wrong with it
 * (Token.State = expired, used or unknown), or the "done" page. */
int token_page_get(struct req *r, const struct token_page *p);
/* POST: checks the passwords (at least 8 characters, both the same) and
 * the token again under a lock, sets the password, marks the user
 * registered, uses the token up and writes the event, in one transaction. */
int token_page_post(struct req *r, const struct token_page *p);
#endif
