/* The password reset page (guide §2.4 Reset Passwords): opened from the
 * reset email's link; sets a new password and ends every session of the
 * user, so whoever knew the old one is signed out. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/auth/token_page.h"

static const struct token_page page = {
	.purpose = "reset", .lang = "reset", .path = "/reset", .action = "user.password_reset", .end_sessions = 1,
};

int reset_get(struct req *r) { return token_page_get(r, &page); }
int reset_post(struct req *r) { return token_page_post(r, &page); }
