#ifndef SB_CLI_INTEGRATIONS_H
#define SB_CLI_INTEGRATIONS_H
/* Operator commands and demo data of Integrations & Apps and Developer. */
#include "lib/audit.h"
#include "lib/core/db.h"

/* console add-subscription: records a subscription assigned to a customer
 * account (what the orders feature does when an order is assigned), for
 * subscriptions bought outside the ordering feed. */
int cli_add_subscription(int argc, char **argv);

/* seed-demo's integrations: some on Acme and Globex, a subscription whose
 * integration Acme lacks (the warning), and a registered application
 * assigned to Acme. Through the lib/ functions the screens use. 0 or -1. */
int demo_integrations(db *d, const char *partner_id, const struct actor *pat);
#endif
