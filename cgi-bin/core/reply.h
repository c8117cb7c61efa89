#ifndef SB_REPLY_H
#define SB_REPLY_H
/* The front line's side of reply.c; handlers use request.h. */
#include "cgi-bin/core/request.h"

#define FLASH_COOKIE "sb_flash"

/* Cookies carry Secure when the console is reached over https (Site.BaseURL),
 * unless Session.CookieSecure says otherwise. */
int cookies_secure(void);
#endif
