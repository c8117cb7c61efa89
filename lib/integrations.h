#ifndef SB_INTEGRATIONS_H
#define SB_INTEGRATIONS_H
/* Integrations of a customer account (guide §2.3, §3.1; ch3 §1): the one
 * table of integration kinds (integrations.c) — every integration the guide
 * names is a row, so a later feature adds a row (its setup screen, its
 * driver) and no mechanism — the privileges they imply, and the account's
 * policy the apps obey (Bandwidth Optimization, Chat Service Settings).
 *
 * A partner account has no integrations (guide §3.1): callers pass customer
 * accounts only (the route table's R_CUSTOMER). Every write below runs
 * inside the caller's transaction and records what it changed into a JSON
 * object of {"<property>": {"from", "to"}} for the caller's event. */
#include <ClearSilver.h>
#include <jansson.h>
#include "lib/audit.h"
#include "lib/core/db.h"
#include "lib/credentials.h"

enum integration_tab { TAB_NONE = 0, TAB_MITEL, TAB_THIRD_PARTY };
const char *integration_tab_key(enum integration_tab t);        /* "", "mitel", "third_party" */

/* The privileges of guide §3.1, as bits. */
enum privilege {
	PRIV_DELEGATED_AUTH = 1 << 0,  /* Delegated Authentication: account servers get user tokens */
	PRIV_GUEST_ACCESS = 1 << 1,    /* Allow Guest Access: anonymous guests chat with the users */
};
#define PRIVILEGES ((unsigned)(PRIV_DELEGATED_AUTH | PRIV_GUEST_ACCESS))
const char *privilege_key(enum privilege p);      /* "delegated_authentication", "guest_access" */
int privilege_from_key(const char *key);          /* 0 when unknown */

/* A privilege set by hand, or following the integrations (auto). */
enum manual_state { MANUAL_AUTO = 0, MANUAL_ON, MANUAL_OFF };

enum integration_state {
	INTEG_ABSENT = 0,              /* not added */
	INTEG_INCOMPLETE,              /* added; its setup is not finished */
	INTEG_ADDED,                   /* added with its toggle off */
	INTEG_ENABLED,
	INTEG_REMOVING,                /* a removal job runs (a driver's) */
	INTEG_ERROR,
};
const char *integration_state_key(enum integration_state s);    /* account_integrations.state */
enum integration_state integration_state_from_key(const char *key);

/* A kind's flags. */
#define INTEG_NEEDS_SETUP (1u << 0)    /* added incomplete: its setup screen finishes it (ch3 §1.4) */
#define INTEG_STARTS_OFF  (1u << 1)    /* added with its toggle off, switched on after (ch3 §1.4) */
#define INTEG_PERMANENT   (1u << 2)    /* always present, never added or removed: Chat (guide §3.1) */

/* A status line: level and text. The text is a key of the lang file's
 * integrations.status section, or what a driver reported, word for word. */
enum status_level { LEVEL_NONE = 0, LEVEL_OK, LEVEL_WARN, LEVEL_ERROR, LEVEL_INCOMPLETE };
const char *status_level_key(enum status_level l);  /* "", "ok", "warn", "error", "incomplete" */
enum status_level status_level_from_key(const char *key);

struct integration_status {
	enum status_level level;
	const char *text_key;          /* under integrations.status; NULL: text */
	char text[513];
	int setup_link;                /* the line offers the kind's setup screen (Complete setup) */
	int finished;                  /* a driver says its setup is done (see integration_setup_finished) */
};

struct account_integrations;

/* What a kind that talks to an outside system adds, from its own module.
 * Each hook may be NULL. */
struct integration_driver {
	/* Inside the add transaction, once the row is written (a gateway's
	 * onboarding starts). 0, or -1. */
	int (*added)(db *d, const struct actor *who, const char *account_id);
	/* Inside the removal transaction, before the row goes (a factory reset
	 * queued, licences revoked). 0, or -1. */
	int (*removed)(db *d, const struct actor *who, const char *account_id);
	/* Inside the transaction that switches it off, or removes it while it
	 * is on; before: the account's integrations until then. Records what
	 * it changed into changes. 0, or -1. */
	int (*switched_off)(db *d, const char *account_id, const struct account_integrations *before, json_t *changes);
	/* The status line, when the driver knows better than the row's reported
	 * status (one bounded query at most); lang is the language the page is
	 * drawn in, for texts with values in them. 1 set, 0 nothing to say, -1. */
	int (*status)(db *d, HDF *lang, const char *language, const char *account_id, struct integration_status *out);
};

/* One kind of integration. Its catalogue description is the lang file's
 * integrations.about.<key>. */
struct integration_kind {
	const char *key;               /* account_integrations.kind, the policy API's "kind" */
	enum integration_tab tab;      /* the catalogue tab; TAB_NONE: not in the catalogue */
	const char *name;              /* the product's name as the guide writes it (every language) */
	const char *icon;              /* /static/img/integrations/<icon>.svg */
	unsigned privileges;           /* PRIV_* it implies while switched on (guide §3.1) */
	unsigned flags;                /* INTEG_* */
	/* The GET route of its setup and settings screen ("/a/:acct/integrations/<key>"),
	 * linked from its row while the route table has it; NULL: none. */
	const char *setup_route;
	const struct integration_driver *driver;   /* NULL: nothing outside to talk to */
	/* The status shown while it is switched on and nothing else is known
	 * (a key of integrations.status), or NULL. */
	const char *enabled_status;
	/* Subscription products (names they start with) that need it (ch3 §1.6),
	 * and the status key shown while it is on and the account has none. */
	const char *products[3];
	const char *unsubscribed_status;
};

/* The drivers of the kinds that talk to an outside system. */
extern const struct integration_driver integration_gateway_driver;   /* integrations_gateway.c */
extern const struct integration_driver integration_sso_driver;       /* integrations_sso.c */
extern const struct integration_driver integration_azure_driver;     /* integrations_azure.c */
extern const struct integration_driver integration_miteam_driver;    /* miteam.c */

#define INTEGRATION_KINDS_MAX 32

/* The table, in the catalogue's order. */
const struct integration_kind *integration_kinds(int *count);
/* The kind called key, or NULL. */
const struct integration_kind *integration_kind(const char *key);
/* The kind a subscription's product needs, or NULL (ch3 §1.6). */
const struct integration_kind *integration_for_product(const char *product);

/* ---- one account's integrations, privileges and policy ---- */

struct integration_entry {
	const struct integration_kind *kind;
	enum integration_state state;
	enum status_level reported_level;      /* what a driver last wrote; LEVEL_NONE: nothing */
	char reported_text[513];
};

struct account_integrations {
	struct integration_entry rows[INTEGRATION_KINDS_MAX];  /* added ones, in the table's order */
	int n;
	enum manual_state manual[2];           /* by privilege: [0] delegated, [1] guest */
	int bandwidth_optimization;
	int chat_allow_edit_delete;
	int mitel_one_avatar_change;           /* Mitel One Settings (guide §3.1.4): users may change their avatar */
};

/* Loads it all in one query; for_update locks the account's rows for the
 * caller's transaction. Rows of kinds no longer in the table are skipped.
 * 0, or -1. */
int account_integrations_load(db *d, const char *account_id, int for_update, struct account_integrations *out);
/* The same, read in the lookup of the bearer credential token that asks for
 * it (lib/credentials.h: credential_find_reaching, whose results it gives
 * too), in one query: the policy API's request is one round trip. out is
 * the account's only when reached->id is set. 1, 0 (no such live
 * credential), or -1. */
int account_integrations_load_signing_in(db *d, const char *token, const char *account_id, struct credential *c,
					  struct account_ref *reached, struct account_integrations *out);
/* The entry of kind k, or NULL when it is not added. */
const struct integration_entry *integration_entry_of(const struct account_integrations *a,
						     const struct integration_kind *k);

/* Pure rules (unit-tested). */
/* A kind implies its privileges while added and not switched off. */
int integration_switched_on(enum integration_state s);
/* The privileges the switched-on integrations imply, each counted once per
 * integration: counts[0] delegated, counts[1] guest. Returns the bits of
 * those implied at least once. */
unsigned privileges_implied(const struct account_integrations *a, int counts[2]);
/* The effective privileges: each one's manual state if set, else implied. */
unsigned privileges_effective(const struct account_integrations *a);
/* The status line of an added integration. subscribed: the account has a
 * subscription of one of its products; setup_available: its setup screen
 * exists in this console. */
void integration_status_of(const struct integration_entry *e, int subscribed, int setup_available,
			   struct integration_status *out);

/* ---- changes: each inside the caller's transaction ---- */

/* Adds kind k: incomplete when it needs setup, added when it starts off,
 * else enabled; the privileges it implies follow the integrations again
 * (guide §3.1: adding one enables them). 1 added, 0 it was there already
 * (or is permanent), -1 error. */
int integration_add(db *d, const struct actor *who, const char *account_id, const struct integration_kind *k,
		    json_t *changes);
/* Its setup screen finished the setup of kind k (its wizard's last step):
 * incomplete becomes enabled, and its privileges follow. 1 changed, 0 it
 * was not incomplete, -1 error. */
int integration_setup_finished(db *d, const char *account_id, const struct integration_kind *k, json_t *changes);
/* A setup screen saved kind k's setup: added if it was not (the screen has
 * an address of its own), then finished. 0, or -1. */
int integration_set_up(db *d, const struct actor *who, const char *account_id, const struct integration_kind *k,
			json_t *changes);
/* Switches an added integration on or off (its row stays, with its setup).
 * Off releases the privileges no other switched-on integration implies.
 * 1 changed, 0 not added, incomplete, or already so, -1 error. */
int integration_switch(db *d, const char *account_id, const struct integration_kind *k, int on, json_t *changes);
/* Removes kind k (its driver's removed hook first); privileges as for off.
 * 1 removed, 0 not added (or permanent), -1 error. */
int integration_remove(db *d, const struct actor *who, const char *account_id, const struct integration_kind *k,
		       json_t *changes);
/* A privilege toggled by hand: it stays as set until an integration that
 * implies it is added or switched on. 1 changed, 0 already so, -1 error. */
int privilege_set(db *d, const char *account_id, enum privilege p, int on, json_t *changes);
/* Call Services' Bandwidth Optimization. 1 changed, 0 already so, -1. */
int account_set_bandwidth_optimization(db *d, const char *account_id, int on, json_t *changes);
/* Chat Service Settings' Allow editing and deleting of messages. 1, 0, -1. */
int account_set_chat_edit_delete(db *d, const char *account_id, int allow, json_t *changes);
/* Mitel One Settings' Allow users to change their avatar. 1, 0, -1. */
int account_set_mitel_one_avatar_change(db *d, const char *account_id, int allow, json_t *changes);
#endif
