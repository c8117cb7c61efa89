#ifndef SB_MIVB_SERVICES_H
#define SB_MIVB_SERVICES_H
/* A MiVoice Business user's configuration (guide §3.1.2.2 User
 * Configuration): Service Programming (group, user PIN, location,
 * department) and Phones (Desk Phone, Generic SIP Phone, Hot Desk) with
 * their programmable keys. Read from the PBX and saved back whole in one
 * request the PBX applies entirely or not at all, with the change token of
 * what was read (docs/pbx-link-protocol.md §8.6). */
#include "lib/core/db.h"
#include "lib/mivb/pbx_admin.h"
#include "lib/mivb/rules.h"

#define MIVB_PHONES_MAX 8
#define MIVB_KEYS_MAX 48               /* the largest set's keys (catalogue.c) */

struct mivb_key_row {
	int button;
	char function[41], label[4 * MIVB_KEY_LABEL_MAX + 1], ring_type[17], extension[MIVB_DN_MAX + 1];
	int is_float;
};

struct mivb_phone {
	char id[65];
	char type[9];                  /* "desk", "sip", "hotdesk" */
	char dn[MIVB_DN_MAX + 1];
	char model[9];                 /* a catalogue model: Desk Phone only */
	int acd_agent;                 /* Hot Desk's Additional options */
	int external_phone;
	int n_keys;
	struct mivb_key_row keys[MIVB_KEYS_MAX];
};

struct mivb_services {
	char token[65];
	char category[65];             /* the service category, "" when none is assigned */
	char group[65];
	char pin[MIVB_PIN_MAX + 1];
	char location[129];
	char department[101];
	int n_phones;
	struct mivb_phone phones[MIVB_PHONES_MAX];
};

/* The phone types of Select a phone, in its order. */
extern const char *const mivb_phone_types[3];

/* The PBX id of the account's user, when the user is synced from its PBX.
 * 1 found, 0 not, -1 error. */
int mivb_user_pbx_id(db *d, const char *account_id, long long user_id, char out[65]);

/* As pbx_objects.h: 0 taken, 1 refused (rep), -1 no answer. */
int mivb_services_get(struct pbx_admin *a, const char *pbx_id, struct mivb_services *out, struct pbx_reply *rep);
/* stored: the services as the PBX now holds them (its answer, read back). */
int mivb_services_put(struct pbx_admin *a, const char *pbx_id, const struct mivb_services *s, struct mivb_services *stored,
		      struct pbx_reply *rep);

/* Removes the user's services on the PBX (§8.6.1): its category and its
 * phones with their DNs; the user stays. stored: what the PBX now holds. */
int mivb_services_delete(struct pbx_admin *a, const char *pbx_id, struct mivb_services *stored, struct pbx_reply *rep);

/* The account's user as the PBX has them, with the service category the
 * console last wrote for them ("" for MiVoice Business (no service
 * assigned), guide §3.1.2.1). 1 found, 0 the PBX does not have the user, -1. */
int mivb_user_service(db *d, const char *account_id, long long user_id, char pbx_id[65], char category[65]);
/* Inside the caller's transaction, once the PBX took a write: the console's
 * copy of the user (pbx_users: service category, department, location,
 * directory numbers) as the PBX now holds it. 0, or -1. */
int mivb_services_record(db *d, const char *account_id, const char *pbx_id, const struct mivb_services *s);

/* The keys of phone p as the rules take them (pointing into p). */
int mivb_phone_keys(const struct mivb_phone *p, struct mivb_key *out);
#endif
