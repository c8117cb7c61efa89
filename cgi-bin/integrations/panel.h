#ifndef SB_INTEGRATIONS_PANEL_H
#define SB_INTEGRATIONS_PANEL_H
/* The Integrations panel (guide §2.3, §3.1; ch3 §1.1-1.3), drawn by
 * templates/integrations/panel.cs on Account Information and on the
 * Integrations & Apps page: each integration's row with its status line,
 * the Privileges, Call Services, and the warnings for subscriptions whose
 * integration is not enabled (guide §2.3). */
#include "cgi-bin/core/request.h"
#include "lib/integrations.h"

/* Fills Integrations.* for the :acct account when it is a customer account
 * (a partner account has none): Call Services always, the panel and its
 * warnings when the user may view its integrations. from: the page it is drawn on ("info", "integrations"), where
 * its forms come back to. DONE, or SERVER_ERROR. */
int integrations_panel_publish(struct req *r, const char *from);

/* The path of the panel's page named by from (the declared input "from"). */
void integrations_back(struct req *r, const char *from, char *out, size_t size);
/* A settings screen's way back (its query's "from"): <prefix>.From, the
 * page's name for its form, and <prefix>.Back, the page's path. */
void integrations_publish_from(struct req *r, const char *prefix);
/* The kind named by the declared input "kind", or NULL with a message next
 * to the field. Chat is a kind too (permanent). */
const struct integration_kind *integrations_kind_input(struct req *r);
/* The event of a change to the account's integrations, privileges or
 * policy (asset: the account), with what changed; k NULL when no one
 * integration is concerned. 0, or -1. */
int integrations_event(struct req *r, const char *action, const struct integration_kind *k, json_t *changes);
/* Whether this console has k's setup screen, and its path for the :acct account. */
int integration_setup_href(struct req *r, const struct integration_kind *k, char *out, size_t size);
#endif
