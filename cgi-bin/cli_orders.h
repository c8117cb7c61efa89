#ifndef SB_CLI_ORDERS_H
#define SB_CLI_ORDERS_H
/* Operator commands and demo data of Orders (guide §2.6; ch2 §3.7). */
#include "lib/audit.h"
#include "lib/core/db.h"

/* The demo partner's billing account in the ordering system: what
 * billing-sim publishes its orders for (scripts/run). */
#define DEMO_BILLING_ID "DEMO-0040012345"

/* console billing-id --partner ID --billing-id BID: the partner's billing
 * account, which the orders its ordering system publishes name ("" to
 * remove it: the partner then has no billing account, guide §2.7). */
int cli_billing_id(int argc, char **argv);

/* console order-feed --partner ID --source SRC: the folder or index URL the
 * partner's ordering system leaves order files in, polled by syncd (""
 * removes it); run again, it is polled at once (lib/order_feed.h). */
int cli_order_feed(int argc, char **argv);
/* console prime-partner --partner ID --prime yes|no: a Prime Partner has no
 * Subscriptions panel (guide §2.7). */
int cli_prime_partner(int argc, char **argv);

/* seed-demo's billing account for the demo partner, when it has none. 0 or -1. */
int demo_billing(db *d, const char *partner_id, const struct actor *who);
#endif
