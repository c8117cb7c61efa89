#ifndef SB_MITEAM_H
#define SB_MITEAM_H
/* MiTeam Meetings' account setting (guide §3.1.5.2): Optional Waiting
 * Room, whether the account's users may choose, when they schedule a
 * meeting, to hold guests in a waiting room. Its integration's driver
 * (integration_miteam_driver, lib/integrations.h) takes the users'
 * licences back when it is switched off outside MiCollab (guide §3.1.5.1). */
#include <jansson.h>
#include "lib/core/db.h"

/* 1 on, 0 off, -1 error. */
int miteam_waiting_room(db *d, const char *account_id);
/* Sets it inside the caller's transaction, recording the change into
 * changes: 1 changed, 0 it was so already, -1 error. */
int miteam_set_waiting_room(db *d, const char *account_id, int on, json_t *changes);
#endif
