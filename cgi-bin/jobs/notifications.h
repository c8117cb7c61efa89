#ifndef SB_NOTIFICATIONS_PAGE_H
#define SB_NOTIFICATIONS_PAGE_H
/* The notification bell of the layout (guide §1.3). */
#include "cgi-bin/core/request.h"

#include "lib/sessions.h"

/* Publishes Notifications.Unseen (the badge) and Notifications.Items.* from
 * what the session query brought (lib/sessions.h). */
void notifications_publish(struct req *r, const struct session *s);
/* Once the request's language is chosen (after the session that brought the
 * bell): each notification's why (Notifications.Items.N.detail_key and
 * detail_args, lib/stored_message.h) in that language's words, as .detail. */
void notifications_in_language(struct req *r);
#endif
