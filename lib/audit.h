#ifndef SB_AUDIT_H
#define SB_AUDIT_H
/* The Event History (guide §2.16): every user-visible change writes one
 * event in the same transaction as the change itself. */
#include <jansson.h>
#include "lib/core/db.h"

struct actor {
	long long user_id;          /* 0 for the system (CLI, syncd) */
	const char *name;           /* as shown in the history */
	const char *email;
};

/* changes: an object of {"field": {"from": ..., "to": ...}} or any details;
 * may be NULL. Returns 0, or -1 (the caller rolls back). */
int audit_event(db *d, const char *account_id, const struct actor *who, const char *action,
		const char *asset_type, const char *asset_id, const char *asset_name, json_t *changes);

/* Records one field's change into changes when before and after differ. */
void audit_change(json_t *changes, const char *field, const char *before, const char *after);
#endif
