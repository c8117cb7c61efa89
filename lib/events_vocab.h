#ifndef SB_EVENTS_VOCAB_H
#define SB_EVENTS_VOCAB_H
/* The Event History's vocabulary (guide §2.16): the keys of EVENT TYPE,
 * ASSET and ACTION that events carry (their labels are in
 * templates/lang, events.types, events.assets and events.acts), and how the
 * console's dotted actions ("user.update") map onto them. Pure functions. */
#include <stddef.h>

/* EVENT TYPE: Admin (console configuration), MiVB (MiVoice Business
 * administration and PBX changes), Service Delivery (Zoom licences). */
#define EVENT_TYPE_ADMIN "admin"
#define EVENT_TYPE_MIVB "mivb"
#define EVENT_TYPE_SERVICE_DELIVERY "service_delivery"

/* Keys are 1 to max characters of a-z, 0-9 and '_' (a kind joins three with
 * '/', so a key never holds one, nor a LIKE wildcard). */
#define EVENT_KEY_MAX 40
int event_key_valid(const char *key, size_t max);

/* The ACTION key of a dotted action: its last word, "update" read as the
 * guide's "edit" (user.update: Edit; role.assign: Assign; user.password_change:
 * Password Change). "" when the word is no key. */
void event_act_of(const char *action, char *out, size_t size);

/* The EVENT TYPE and ASSET key of an event written with a dotted action
 * and an asset type as any writer names it ("PBX user", "DID", "Gateway"):
 * the asset type made a key (lower case, '_' between words), and the PBX's
 * own assets — learned from the PBX by sync, or changed through MiVoice
 * Business administration — named as the guide does (a PBX user is a PBX
 * User Profile) and typed MiVB. type gets a constant. */
void event_vocab_of(const char *action, const char *asset_type, const char **type, char *asset, size_t size);

/* The label of a key that has no text in the language file yet, so a new
 * asset or action still reads well: "pbx_user_profile" -> "Pbx User Profile". */
void event_key_label(const char *key, char *out, size_t size);

/* A kind "type/asset/act" split into its keys; 0, or -1 when malformed. */
int event_kind_split(const char *kind, char type[EVENT_KEY_MAX + 1], char asset[EVENT_KEY_MAX + 1],
		     char act[EVENT_KEY_MAX + 1]);
#endif
