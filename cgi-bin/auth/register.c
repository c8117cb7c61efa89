/* The sign-up page (guide §2.1): the welcome email's "Finish building your
 * account" link opens it; the new user chooses a password and is then
 * Registered and can sign in. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/auth/token_page.h"

static const struct token_page page = {
	.purpose = "welcome", .lang = "register", .path = "/register", .action = "user.register", .end_sessions = 0,
};

int register_get(struct req *r) { return token_page_get(r, &page); }
int register_post(struct req *r) { return token_page_post(r, &page); }
