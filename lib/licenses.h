#ifndef SB_LICENSES_H
#define SB_LICENSES_H
/* Users' licences (guide §2.4 "Products and licenses", §2.7, §3.1.4.1,
 * §3.1.5.1; ch2 §4.3): each product a customer account subscribes to per
 * user is a pool of M licences (its active subscriptions' quantities) of
 * which N are held by its users (user_licenses; N kept in account_products
 * by triggers). A licence is handed out only from a pool with one left:
 * the pool's row is locked in the granting transaction, so two
 * administrators at once never hand out more than there are. */
#include "lib/core/db.h"

/* How a product stands for one user (the user form's Products and licenses). */
enum license_state {
	LICENSE_AVAILABLE = 0,         /* licences left: Add */
	LICENSE_NOT_AVAILABLE,         /* every licence is held: "Licenses not available" */
	LICENSE_MICOLLAB,              /* MiTeam Meetings under MiCollab: its licences are MiCollab's (guide §3.1.5.1) */
	LICENSE_NO_INTEGRATION,        /* MiTeam Meetings while its integration is off: "No Licenses" (guide §3.1.5.1) */
};
/* "available", "not_available", "micollab", "no_integration" */
const char *license_state_key(enum license_state s);

/* Who assigns MiTeam Meetings licences in an account (guide §3.1.5.1; ch3
 * §4.3): MiCollab while it is integrated (read-only here, whatever the
 * MiTeam Meetings integration's state), else this console while the MiTeam
 * Meetings integration is on, else no one. */
enum miteam_rule { MITEAM_STANDALONE = 0, MITEAM_MICOLLAB = 1, MITEAM_OFF = 2 };
/* The account's rule: an enum miteam_rule, or -1. */
int license_miteam_rule(db *d, const char *account_id);
/* Whether product is MiTeam Meetings. */
int license_is_miteam(const char *product);

struct license_product {
	char product[101];
	long long total;               /* M: licences of the active subscriptions */
	long long holders;             /* N: users holding one */
	int held;                      /* this user holds one */
	enum license_state state;
};

/* The state of a product for a user, from its pool and, for MiTeam
 * Meetings, the account's enum miteam_rule. Pure. */
enum license_state license_state_of(const char *product, long long total, long long holders, int held,
				    enum miteam_rule miteam);

typedef int (*license_product_fn)(void *ctx, const struct license_product *p);
/* The products user_id may hold in account_id: the per-user products of
 * the account's active subscriptions, and any the user holds whose
 * subscriptions have ended; by product. Returns how many, or -1. */
int license_products_each(db *d, const char *account_id, long long user_id, license_product_fn fn, void *ctx);

enum license_grant_result {
	LICENSE_GRANTED = 0,
	LICENSE_HELD = 1,              /* the user holds it already: nothing written */
	LICENSE_SHORT,                 /* the pool is used up: nothing written (*short_by more needed) */
	LICENSE_NO_PRODUCT,            /* no per-user subscription of that product in the account */
	LICENSE_UNDER_MICOLLAB,        /* MiCollab assigns it */
	LICENSE_INTEGRATION_OFF,       /* MiTeam Meetings while its integration is off */
};
/* Hands user_id of account_id a licence of product, inside the caller's
 * transaction, the pool's row locked first. The result, or -1. */
int license_grant(db *d, const char *account_id, long long user_id, const char *product, long long *short_by);
/* Takes it back: 1 done, 0 the user held none, -1 error. */
int license_revoke(db *d, const char *account_id, long long user_id, const char *product);
/* Whether an administrator may take product from a user here: MiTeam
 * Meetings under MiCollab is MiCollab's (guide §3.1.5.1). LICENSE_GRANTED
 * (0) yes, LICENSE_UNDER_MICOLLAB, or -1. */
int license_revocable(db *d, const char *account_id, const char *product);
/* Guide §3.1.5.1: the MiTeam Meetings integration switched off (or removed
 * while on) with MiCollab not integrated takes every MiTeam Meetings
 * licence of the account back; under MiCollab they stay. Inside the
 * caller's transaction; micollab: MiCollab's state before the change. The
 * licences taken, or -1. */
long long license_miteam_switched_off(db *d, const char *account_id, int micollab);

/* The pool of product in account_id, its row locked when for_update
 * (inside the caller's transaction): 0, or -1. */
int license_pool(db *d, const char *account_id, const char *product, int for_update, long long *total, long long *holders);
#endif
