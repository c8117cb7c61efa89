#ifndef SB_ORDER_VIEW_H
#define SB_ORDER_VIEW_H
/* What the Orders screens share (guide §2.6): an order's fields in the HDF,
 * the expiring window, and the account an Add Order came from. */
#include "cgi-bin/core/request.h"
#include "lib/orders.h"

/* Orders.ExpiringSoonDays of the config (ch2 §3.2), 30 unless set. */
int order_soon_days(void);
/* The order's fields under prefix (".number", ".sap", ".status", ...); a
 * missing value is left out, and the template says Unavailable. */
void order_row_publish(struct req *r, const char *prefix, const struct order_row *o);
/* The "for" parameter (ch2 §3.4): an active customer account within the
 * user's reach, published as For.id and For.name; anything else is left
 * out. 0, or -1 on error. */
int order_for_account(struct req *r);
/* Who the signed-in user reaches (for the Company choices and the assignment). */
struct account_reach order_reach(const struct req *r);
#endif
