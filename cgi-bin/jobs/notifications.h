#ifndef SB_NOTIFICATIONS_H
#define SB_NOTIFICATIONS_H
/* The notification bell of the layout (guide §1.3). */
#include "cgi-bin/core/request.h"

/* Publishes Notifications.Unseen (the badge) and Notifications.Items.* (the
 * latest, with their jobs' completion status) for the signed-in user. */
void notifications_publish(struct req *r);
#endif
