#ifndef SB_USER_LIST_H
#define SB_USER_LIST_H
/* The Users list (guide §2.4): one account's users, sorted, searched,
 * filtered and paged, and the same matches for the Manage panel's "… for
 * all" jobs and the CSV export. It must stay fast with 100,000 users in an
 * account, so every query here walks an index that starts with account_id,
 * and no plan is left to the optimizer's statistics: indexes are named and
 * join orders fixed (STRAIGHT_JOIN), membership tests are scalar subqueries
 * on a primary key or unique index (never semi-joins, whose strategy is
 * chosen by cost). */
#include "lib/core/db.h"

enum user_sort { USER_SORT_NAME, USER_SORT_EMAIL, USER_SORT_EXT, USER_SORT_MODIFIED, USER_SORT_ROLE, USER_SORTS };

/* The Property filter (guide §2.4 Filter Users). */
enum user_property {
	USER_PROP_ADMINS, USER_PROP_USERS, USER_PROP_REGISTERED, USER_PROP_UNREGISTERED, USER_PROP_PBX,
	USER_PROP_MICLOUD, USER_PROP_IOT, USER_PROP_INACTIVE, USER_PROPS
};
const char *user_property_key(enum user_property p);    /* "admins", ... as in the URL */
int user_property_from_key(const char *key);            /* -1 when unknown */

/* Which users: the account's, narrowed by any of the filters and the search. */
struct user_match {
	const char *account_id;
	int property;              /* enum user_property, or -1 */
	const char *product;       /* users holding a licence for it, or NULL */
	const char *group;         /* members of the group of this id (SCIM groups), or NULL */
	const char *sms;           /* the user with this SMS number, or NULL */
	const char *q;             /* search text (any word start of a name, email or extension), or NULL */
};

/* A search's total is counted exactly up to this many matches; past it the
 * list pages on without a total ("more than 1,000"). */
#define USERS_MATCHES_EXACT 1000

/* What counting found, and how the page will be read. */
struct user_count {
	long long total;           /* exact, or -1: more than USERS_MATCHES_EXACT */
	int how;                   /* the plan (user_list.c) */
};

/* Counts the matches (a bounded number of indexed reads). 0 or -1. */
int users_count(db *d, const struct user_match *m, struct user_count *c);

/* One row of the list. Strings live until the callback returns. */
struct user_list_row {
	long long id;
	const char *display_name, *email, *extension, *role, *custom_role;
	int registered;
	const char *modified;      /* "YYYY-MM-DD HH:MM", UTC */
	const char *updated_by_name;
	const char *licenses;      /* product names, ", " between them */
	const char *mitel_one_tier;        /* its Mitel One tier's key (lib/mitel_one.h), "" without one */
	unsigned mitel_one_features;       /* the Mitel One features switched on (FEATURE_*) */
};
typedef int (*user_row_fn)(void *ctx, const struct user_list_row *u);

/* The page (limit rows from offset) of the matches in sort order, after
 * users_count. Returns the rows, or -1. With an open total (c->total -1)
 * one row more than limit is asked for: the caller knows a next page exists
 * when limit + 1 come back (the extra row is not passed to fn). */
int users_page(db *d, const struct user_match *m, const struct user_count *c, enum user_sort sort, int descending,
	       long long limit, long long offset, int *more, user_row_fn fn, void *ctx);

/* Every match in sort order, one query (the CSV export). Rows, or -1. */
int users_each(db *d, const struct user_match *m, enum user_sort sort, int descending, user_row_fn fn, void *ctx);

/* Inside the caller's transaction: every match as an item of job job_id
 * (the Manage panel's "… for all"). 0 or -1. */
int users_add_to_job(db *d, long long job_id, const struct user_match *m);

/* The products the account's users hold licences for, by name, at most
 * 200 (the Product filter's menu). The number, or -1. */
typedef int (*user_product_fn)(void *ctx, const char *product);
int users_products_each(db *d, const char *account_id, user_product_fn fn, void *ctx);
#endif
