#ifndef SB_USER_LICENSES_H
#define SB_USER_LICENSES_H
/* A customer account user's Products and licenses (guide §2.4, §3.1.4.1,
 * §3.1.5.1): the products the account's subscriptions offer its users, each
 * with its pool and its state for this user, as Licenses.Products.* for the
 * user form and the Add Product dialog; MiTeam Meetings' toggle also as
 * Licenses.Miteam.* (state, held, remaining; guide §3.1.5.1). */
#include "cgi-bin/core/request.h"

/* For r->obj.user in the :acct account. 0, or -1. */
int user_licenses_publish(struct req *r);
#endif
