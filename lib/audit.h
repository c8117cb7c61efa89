#ifndef SB_AUDIT_H
#define SB_AUDIT_H
/* The Event History (guide §2.16): every user-visible change writes one
 * event in the same transaction as the change itself, so it shows the
 * moment the change commits. */
#include <jansson.h>
#include "lib/core/db.h"

struct actor {
	long long user_id;          /* 0 for the system (CLI, syncd) */
	const char *name;           /* as shown in the history */
	const char *email;
};

/* A console change: EVENT TYPE Admin (MiVB for the PBX's own assets),
 * ACTION from the dotted action (lib/events_vocab.h: user.update is Edit),
 * ASSET asset_type made a key (event_vocab_of), ACTOR ID the
 * user's id (System without one), PROPERTIES CHANGED the fields of changes
 * that hold {"from", "to"}, CORE DETAILS changes, the asset in EXTRA
 * DETAILS and the action among the LOG TAGS. changes: an object of
 * {"field": {"from": ..., "to": ...}} or any details; may be NULL, and is
 * not taken. Returns 0, or -1 (the caller rolls back). */
int audit_event(db *d, const char *account_id, const struct actor *who, const char *action,
		const char *asset_type, const char *asset_id, const char *asset_name, json_t *changes);

/* Any event, with every field of the guide. NULL fields take what
 * audit_event would give them; the json_t fields are not taken. */
struct event_record {
	const char *account_id;
	const struct actor *who;       /* NULL: System */
	const char *actor_ref;         /* ACTOR ID, e.g. "solution:12", "scim:3"; NULL: from who */
	const char *action;            /* a dotted action, always among the log tags */
	const char *event_type;        /* EVENT_TYPE_* (lib/events_vocab.h); NULL: from the action (event_vocab_of) */
	const char *act;               /* ACTION key; NULL: from action */
	const char *asset_type;        /* ASSET, made a key (event_vocab_of) */
	const char *asset_id;
	const char *asset_name;
	json_t *core;                  /* CORE DETAILS; NULL: {} */
	json_t *properties;            /* PROPERTIES CHANGED, an array of names; NULL: from core's {"from", "to"} */
	json_t *extra;                 /* EXTRA DETAILS beyond the asset's id and name; may be NULL */
	const char *const *tags;       /* more LOG TAGS, ended by NULL; may be NULL */
};
int audit_record(db *d, const struct event_record *e);

/* Records one field's change into changes when before and after differ. */
void audit_change(json_t *changes, const char *field, const char *before, const char *after);
#endif
