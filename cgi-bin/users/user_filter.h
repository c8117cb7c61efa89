#ifndef SB_USER_FILTER_H
#define SB_USER_FILTER_H
/* The Users list's filters (guide §2.4 Filter Users), shared by the list
 * (users.c) and the Manage panel's "… for all" actions (manage.c):
 *  - Property: admins, users, registered, unregistered, pbx, micloud, iot, inactive;
 *  - Product: users holding a licence for that product;
 *  - SMS Number: the user with that number. It cannot be combined with a
 *    Property filter nor with the search, so it drops them.
 * Filters live in the URL (?property=&product=&sms=), so a filtered list
 * can be bookmarked. Every condition is served by an index of users (or
 * user_licenses) that starts with account_id. */
#include "cgi-bin/core/request.h"

struct user_filter {
	const char *property;      /* a known key, or NULL */
	const char *product;       /* or NULL */
	const char *sms;           /* or NULL */
	const char *q;             /* search text, or NULL */
	char q_prefix[512];        /* the search as a LIKE prefix pattern */
	/* " AND ..." conditions on users u, program literals only. They always
	 * take, in this order, product, sms and five times the search prefix
	 * (NULL when not filtering by it: the condition is then always true). */
	char where[1024];
	const char *index;         /* " FORCE INDEX (...)" of the filter, or "" */
	const char *walk_index;    /* with no filter index: the sort index to walk, or NULL */
};

/* Reads and checks the filter parameters (unknown values are dropped),
 * builds the conditions, and publishes Filter.* for the chips, the
 * "+ Add Filter" menu and links. q is the list's search text ("" for none). */
void user_filter_read(struct req *r, struct user_filter *f, const char *q);
int user_filter_active(const struct user_filter *f);
/* Filter.Products.N.product: what the account's users hold licences for. */
int user_filter_publish_products(struct req *r);

/* For the list: the number of users the filter (and search) matches, or -1. */
long long user_filter_count(struct req *r, const struct user_filter *f);
/* For the list: one page of them into prefix.N.*. columns is the list's
 * "SELECT ... " of users u, order_by its ORDER BY terms (program literals). */
int user_filter_page(struct req *r, const struct user_filter *f, const char *columns, const char *order_by,
		     long long limit, long long offset, const char *prefix);
#endif
