#ifndef SB_SUBSCRIPTIONS_PANEL_H
#define SB_SUBSCRIPTIONS_PANEL_H
/* The Subscriptions panel (guide §2.7; ch2 §4), drawn by
 * templates/subscriptions/panel.cs at the bottom of Account Information and
 * on Billing → Subscriptions: the :acct account's subscriptions grouped by
 * product and plan, "N assigned of M license(s)" for licences users hold,
 * and Add Order for a partner allowed to add one. */
#include "cgi-bin/core/request.h"

/* Fills Subscriptions.* for the :acct customer account when the user may
 * view its subscriptions and its partner has a billing account (guide
 * §2.7: none without one). DONE, or SERVER_ERROR. */
int subscriptions_panel_publish(struct req *r);
#endif
