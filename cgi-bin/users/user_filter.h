#ifndef SB_USER_FILTER_H
#define SB_USER_FILTER_H
/* The Users list's filters (guide §2.4 Filter Users), read from the URL by
 * the list (users.c), the Manage panel's "… for all" actions (manage.c) and
 * the export (users_export.c):
 *  - Property: admins, users, registered, unregistered, pbx, micloud, iot, inactive;
 *  - Product: users holding a licence for that product;
 *  - Group: members of one of the account's SCIM groups (ch3 §8), offered
 *    only when the account has groups;
 *  - SMS Number: the user with that number. It cannot be combined with a
 *    Property filter nor with the search, so it drops them.
 * Filters live in the URL (?property=&product=&group=&sms=), so a filtered list
 * can be bookmarked. lib/user_list.h reads the users they match. */
#include "cgi-bin/core/request.h"
#include "lib/user_list.h"

/* Reads and checks the filter parameters and the search text q (unknown
 * values are dropped) into m, for the request's account, and publishes
 * Filter.* for the chips, the "+ Add Filter" menu and links. 0, or -1. */
int user_filter_read(struct req *r, struct user_match *m, const char *q);
int user_filter_active(const struct user_match *m);
/* Filter.Products.N.product: what the account's users hold licences for. */
int user_filter_publish_products(struct req *r);
/* Filter.Groups.N.id and .name: the account's groups, by name (none: no
 * Group filter is offered). */
#define USER_FILTER_GROUPS_MAX 200
int user_filter_publish_groups(struct req *r);
#endif
