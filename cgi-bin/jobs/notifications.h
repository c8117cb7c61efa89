#ifndef SB_NOTIFICATIONS_PAGE_H
#define SB_NOTIFICATIONS_PAGE_H
/* The notification bell of the layout (guide §1.3). */
#include "cgi-bin/core/request.h"

#include "lib/sessions.h"

/* Publishes Notifications.Unseen (the badge) and Notifications.Items.* from
 * what the session query brought (lib/sessions.h). */
void notifications_publish(struct req *r, const struct session *s);
#endif
