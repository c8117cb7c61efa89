#ifndef SB_NEW_PASSWORD_H
#define SB_NEW_PASSWORD_H
/* The rule of a new password (guide §1.3, §2.1): at least 8 characters,
 * typed the same twice. Shared by Change your password, sign-up and reset. */
#include "cgi-bin/core/request.h"

#define PASSWORD_MIN 8

/* Puts a message next to field or confirm_field when the new password
 * breaks the rule (unless the front line already said what is wrong). */
void new_password_check(struct req *r, const char *field, const char *confirm_field);
#endif
