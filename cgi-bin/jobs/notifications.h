#ifndef SB_NOTIFICATIONS_PAGE_H
#define SB_NOTIFICATIONS_PAGE_H
/* The notification bell of the layout (guide §1.3). */
#include "cgi-bin/core/request.h"

/* Publishes Notifications.Unseen (the badge) and Notifications.Items.* from
 * what the session query brought (lib/sessions.h): the unseen count and
 * the latest notifications as a JSON array, or NULL for none. */
void notifications_publish(struct req *r, long long unseen, const char *items_json);
#endif
