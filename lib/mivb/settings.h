#ifndef SB_MIVB_SETTINGS_H
#define SB_MIVB_SETTINGS_H
/* The MiVoice Business integration's own settings (guide §3.1.2
 * Integrating MiVoice Business): its Customer Admin Portal feature, which
 * puts the MiVoice Business menu in the account's navigation. Kept in the
 * integration's row (account_integrations.config); accounts.c reads it with
 * the account scope of every request. */
#include <jansson.h>
#include "lib/core/db.h"

/* 1 on, 0 off (or not added), -1 error. */
int mivb_admin_portal(db *d, const char *account_id);
/* Inside the caller's transaction, the integration added: sets the feature
 * and records {"customer_admin_portal": {from, to}} in changes. 1 changed,
 * 0 already so (or not added), -1 error. */
int mivb_set_admin_portal(db *d, const char *account_id, int on, json_t *changes);
/* 1 when the account's PBX link is a MiVoice Business (the integration's
 * prerequisite: a gateway with its PBX configured, guide §3.1.2), 0 not, -1. */
int mivb_linked(db *d, const char *account_id);
/* Set Default MBG's condition (guide §3.1.2 Voice Gateway): the CloudLink
 * Gateway is deployed (its onboarding complete) and a CloudLink Daemon
 * linked to the account reports from the site. 1, 0, -1 error. */
int mivb_default_mbg_possible(db *d, const char *account_id);
#endif
