#ifndef SB_ORDERS_H
#define SB_ORDERS_H
/* Orders (guide §2.6; ch2 §3): the subscriptions a partner bought, as the
 * ordering system publishes them (PUT /api/v1/orders/{orderNumber}, ch2
 * §3.7), listed on Billing → Orders and assigned, one at a time and once, to
 * a customer account, whose Subscriptions they become (lib/subscriptions.h).
 *
 * Ingestion (orders.c), the list and one order (orders_list.c), the
 * assignment (orders_assign.c). Every function takes the partner whose
 * orders it reads or writes: no path reaches another partner's orders. */
#include <jansson.h>
#include "lib/accounts.h"
#include "lib/audit.h"
#include "lib/core/db.h"

#define ORDER_NUMBER_MAX 64
#define ORDER_LINES_MAX 50
#define ORDER_TRACKING_MAX 50
#define ORDER_EXPIRING_DAYS 30   /* ch2 §3.2: EXPIRING SOON within this many days (Orders.ExpiringSoonDays) */

/* An order number as the path carries it ("A-S00371665"): 1 to 64 of
 * letters, digits, '-', '_' and '.', starting with a letter or digit. */
int order_number_valid(const char *s);

struct order_line {
	const char *product, *plan, *plan_code, *plan_details;
	int quantity;
};
struct order_event {
	const char *at;                /* "YYYY-MM-DDTHH:MM:SSZ" or "YYYY-MM-DD HH:MM:SS" */
	const char *stage, *detail;
};

/* A published order, as read from its JSON document (strings point into
 * the document, which must outlive it). */
struct order_doc {
	const char *partner_billing_id;
	const char *sap_order_number, *reseller_po, *customer_po, *end_customer_sap, *tracking_id;
	const char *start_date;        /* YYYY-MM-DD or NULL */
	int term_months;               /* 0: not given */
	const char *expiry_date;       /* YYYY-MM-DD, or NULL: perpetual */
	int activated;
	long long revision;
	int n_lines;
	struct order_line lines[ORDER_LINES_MAX];
	int n_tracking;
	struct order_event tracking[ORDER_TRACKING_MAX];
};

/* Reads the document (ch2 §3.7's fields: partnerBillingId, sapOrderNumber,
 * resellerPo, customerPo, endCustomerSap, trackingId, startDate, termMonths,
 * expiryDate|null, activated, lines[], tracking[], revision). Puts a
 * message per bad field into errors ({"lines[0].quantity": "..."}).
 * 0 when it is acceptable, else -1. Pure. */
int order_parse(json_t *doc, struct order_doc *out, json_t *errors);

enum order_put_result {
	ORDER_CREATED = 1,
	ORDER_UPDATED,
	ORDER_UNCHANGED,               /* the same revision again: nothing written */
	ORDER_STALE,                   /* an older revision: ignored, nothing written */
	ORDER_UNKNOWN_PARTNER,         /* no partner of partner_id has that billing id: nothing written */
};

/* Writes the order numbered number for partner_id (the credential's
 * partner; the document's partnerBillingId must be that partner's billing
 * id), with its event in the partner's history, inside the caller's
 * transaction. An assigned order's subscriptions follow its new revision.
 * The result, or -1 on error. */
int order_put(db *d, const struct actor *who, const char *actor_ref, const char *partner_id, const char *number,
	      const struct order_doc *o, long long *id);

/* The partner's billing id (ch2 §3.7), "" to remove it: 1 set, 0 no such
 * partner, -2 another partner has it, -1 error. */
int partner_set_billing_id(db *d, const char *partner_id, const char *billing_id);
/* 1 when the partner has a billing account, 0 not, -1 error. */
int partner_has_billing(db *d, const char *partner_id);
/* A Prime Partner or not (guide §2.7): 1 set, 0 no such partner, -1 error. */
int partner_set_prime(db *d, const char *partner_id, int prime);

/* ---- the status chips (ch2 §3.2) ---- */

enum order_status {
	ORDER_NONE = 0,                /* assigned and active: no chip */
	ORDER_ASSIGN,
	ORDER_EXPIRING_SOON,
	ORDER_EXPIRED,
	ORDER_PERPETUAL,
	ORDER_PENDING_ACTIVATION,
};
const char *order_status_key(enum order_status s);   /* "", "assign", "expiring_soon", ... */
/* The chip of an order, in ch2 §3.2's precedence: EXPIRED, PENDING
 * ACTIVATION, PERPETUAL, EXPIRING SOON, ASSIGN, none. Dates are YYYY-MM-DD
 * ("" expiry: perpetual); soon is today plus the expiring days. Pure. */
enum order_status order_status_of(const char *expiry, int activated, int assigned, const char *today, const char *soon);

/* ---- the list (guide §2.6) ---- */

enum order_filter { ORDERS_ALL = 0, ORDERS_UNASSIGNED, ORDERS_EXPIRING };
enum order_sort { ORDER_SORT_EXPIRY = 0, ORDER_SORT_NUMBER, ORDER_SORT_SAP };

struct order_query {
	const char *partner_id;
	enum order_filter filter;
	const char *search;            /* "", or a prefix of a searched field */
	enum order_sort sort;
	int descending;
	int soon_days;
	long limit, offset;
	long long matches;             /* a search's count (orders_count), -1 when not known */
	long long version;             /* the partner's orders' version (orders_count of All or Unassigned), -1 when not known */
};

struct order_row {
	long long id;
	char order_number[ORDER_NUMBER_MAX + 1];
	char sap_order_number[65], reseller_po[101], customer_po[101], tracking_id[65], end_customer_sap[65];
	char start_date[11], expiry_date[11];   /* "" when missing (perpetual) */
	int term_months, activated, licenses;
	char assigned_account_id[UUID_LEN];      /* "" when unassigned */
	char assigned_account_name[256];
	char assigned_at[20], assigned_by_name[256];
	enum order_status status;
};
typedef int (*order_row_fn)(void *ctx, const struct order_row *o);

#define ORDERS_SEARCH_EXACT 1000   /* a search's matches are counted up to this many, then "more than" */
/* How many orders match: All and Unassigned from the partner's counters,
 * Expiring by its index range, a search's matches up to
 * ORDERS_SEARCH_EXACT + 1. 0 or -1. */
int orders_count(db *d, struct order_query *q, long long *total);
/* The page of orders, in the query's order; how many, or -1. */
int orders_each(db *d, const struct order_query *q, order_row_fn fn, void *ctx);

/* The dates a search text that begins a date YYYY-MM-DD spans ("2026-05"
 * spans 2026-05-01 to 2026-05-31), for the search by SUBSCRIPTION EXPIRY; a
 * text that begins no date spans nothing (lo after hi). Pure. */
void order_expiry_span(const char *q, char lo[11], char hi[11]);

/* One order of the partner: 1 found, 0 not, -1 error. */
int order_load(db *d, const char *partner_id, const char *number, int soon_days, struct order_row *out);
typedef int (*order_line_fn)(void *ctx, const struct order_line *l);
int order_lines_each(db *d, long long order_id, order_line_fn fn, void *ctx);
typedef int (*order_event_fn)(void *ctx, const struct order_event *e);
int order_tracking_each(db *d, long long order_id, order_event_fn fn, void *ctx);

/* ---- the assignment (guide §2.6, ch2 §3.3) ---- */

/* Makes the assigned order order_id's lines its account's subscriptions
 * again (after the assignment, or a new revision): while the order is
 * activated; a pending one counts no licences yet (ch2 §3.3). Inside the
 * caller's transaction; 0, or -1. */
int order_subscriptions_sync(db *d, long long order_id);

enum order_assign_result {
	ASSIGN_DONE = 0,
	ASSIGN_NO_ORDER = 1,           /* not the partner's */
	ASSIGN_ALREADY,                /* assigned before: assignment is one-way */
	ASSIGN_EXPIRED,
	ASSIGN_NO_ACCOUNT,             /* not an active customer account within reach */
};
/* Assigns the partner's order to account_id, within reach, inside the
 * caller's transaction: the order row is locked, its active lines become
 * the account's subscriptions, and the event is written in the partner's
 * history and the account's. The result, or -1 on error. */
int order_assign(db *d, const struct actor *who, const struct account_reach *reach, const char *partner_id,
		 const char *number, const char *account_id, struct account_ref *account);
#endif
