#ifndef SB_SUBSCRIPTIONS_H
#define SB_SUBSCRIPTIONS_H
/* Subscriptions assigned to a customer account (guide §2.7; ch2 §4): one
 * row per product line of an order assigned to it. This module holds only
 * what the Integrations panel's warning needs (guide §2.3) and what the
 * orders feature will call when it assigns an order:
 *
 *   for each line of the order, inside the assignment's transaction:
 *       subscription_insert(d, &(struct subscription_fields){...});
 *   then the event of the assignment (the caller's, as for every change).
 *
 * The Subscriptions panel (its groups and licence counts) is the orders
 * feature's. */
#include "lib/core/crypto.h"
#include "lib/core/db.h"

#define SUBSCRIPTIONS_LIST_MAX 500   /* one account's list is bounded */

struct subscription_fields {
	const char *account_id;          /* a customer account of partner_id (else nothing is written) */
	const char *partner_id;
	const char *subscription_number; /* the order's subscription number */
	const char *product;             /* "Zoom Hybrid", "Mitel One": lib/integrations.h maps it */
	const char *plan;                /* "hMitel Indirect", or NULL */
	const char *plan_code;           /* "5401484", or NULL */
	int quantity;                    /* licences, 1 or more */
	const char *start_date;          /* YYYY-MM-DD */
	const char *expiry_date;         /* YYYY-MM-DD, or NULL: perpetual */
	const char *source_ref;          /* what brought it (the order's number), or NULL */
};

/* Checks the fields (required, lengths, dates well formed, quantity 1 or
 * more): NULL when acceptable, else the name of the first bad field. */
const char *subscription_fields_check(const struct subscription_fields *f);

/* Inside the caller's transaction. Returns the new id, 0 when that line of
 * that subscription is the account's already or the account is no customer
 * account of partner_id, -1 on error (bad fields too). */
long long subscription_insert(db *d, const struct subscription_fields *f);

/* Deletes the account's subscriptions brought by source_ref (an order's
 * number) inside the caller's transaction, before they are written again
 * from that order's new revision. Returns how many, or -1. */
long long subscriptions_delete_source(db *d, const char *account_id, const char *source_ref);

struct subscription {
	long long id;
	char subscription_number[65];
	char product[101], plan[101], plan_code[65];
	int quantity;
	char start_date[11], expiry_date[11];   /* expiry "" when perpetual */
	int active;                             /* not expired */
	char plan_details[501];                 /* the order line's plan details (the info icon), or "" */
};
typedef int (*subscription_fn)(void *ctx, const struct subscription *s);

/* The account's subscriptions by product, only the unexpired ones when
 * active_only, at most SUBSCRIPTIONS_LIST_MAX. Returns how many, or -1. */
int subscriptions_each(db *d, const char *account_id, int active_only, subscription_fn fn, void *ctx);

/* Whether a product's licences go to users one by one ("N assigned of M
 * license(s)") or to the account as a whole (Workflow Studio's plans, guide
 * §2.7, §3.1.8). Pure. */
int subscription_per_user(const char *product);

/* How many of the account's users hold each product's licence (kept by the
 * triggers of user_licenses in account_products): fn per product, in no
 * particular order. Returns how many, or -1. */
typedef int (*holders_fn)(void *ctx, const char *product, long long holders);
int subscription_holders_each(db *d, const char *account_id, holders_fn fn, void *ctx);
#endif
