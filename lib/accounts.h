#ifndef SB_ACCOUNTS_H
#define SB_ACCOUNTS_H
/* Accounts (guide §2.2, §2.3) and creating users: shared by the screens,
 * the CLI and the demo data, so every path applies the same rules and
 * writes the same events. Every function takes the tenant it works in. */
#include "lib/audit.h"
#include "lib/core/crypto.h"
#include "lib/core/db.h"
#include "lib/core/validate.h"

#define ACCOUNT_CONTACTS_MAX 20        /* support contacts of one account (errors.too_many_emails) */

struct account_fields {
	const char *name, *country, *province, *address, *city, *postal_code;
	const char *default_language, *business_type;
};

struct user_fields {
	const char *first_name, *last_name, *name, *email, *mobile, *extension;
	const char *role;          /* role key, see lib/perm.h */
	const char *password;      /* NULL: unregistered until they register */
};

/* Who asks for an account (ARCHITECTURE §4): a partner user reaches the
 * partner account and its customer accounts — an account manager only the
 * customer accounts assigned to them; anyone else only their own account. */
struct account_reach {
	const char *own_account_id;    /* the asker's own account */
	const char *partner_id;        /* partner users: their partner account; else "" */
	long long manager_id;          /* an account manager's user id; else 0 */
};

struct account_ref {
	char id[UUID_LEN];
	char name[1024];
	int is_partner;                /* the partner account itself */
	int active;
	/* account_find_in_reach only: its MiVoice Business integration is on
	 * with the Customer Admin Portal (guide §3.1.2: the MiVoice Business menu) */
	int mivb;
	int zoom;                      /* account_find_in_reach only: Zoom is on (Emergency Services) */
	int micollab;                  /* ... and MiCollab is present (Tools) */
};

/* The account account_id if it is within reach: 1 found, 0 not (whether it
 * exists or not), -1 error. */
int account_find_in_reach(db *d, const struct account_reach *who, const char *account_id, struct account_ref *out);

/* ---- the Accounts list (guide §2.2) ---- */

enum account_sort { ACCOUNT_SORT_NAME, ACCOUNT_SORT_COUNTRY, ACCOUNT_SORT_CITY, ACCOUNT_SORT_CREATED };

struct account_list_query {
	const char *partner_id;
	long long manager_id;          /* an account manager's user id: only their accounts; else 0 */
	int deactivated;               /* the Deactivated accounts, else the Active ones */
	const char *search;            /* "", or text the name or one of its words starts with */
	enum account_sort sort;
	int descending;
	long limit, offset;
};

struct account_row {
	const char *id, *name, *country, *city;
	const char *created_on;        /* "YYYY-MM-DD" */
};
typedef int (*account_row_fn)(void *ctx, const struct account_row *a);

/* How many accounts the query matches; 0 or -1. */
int accounts_count(db *d, const struct account_list_query *q, long long *total);
/* Calls fn for the query's page of accounts, in its order; the number, or -1. */
int accounts_each(db *d, const struct account_list_query *q, account_row_fn fn, void *ctx);

/* ---- one account (guide §2.3) ---- */

struct account {
	char id[UUID_LEN];
	int is_partner;
	char name[1024], country[12], province[1024], address[1024], city[1024], postal_code[132];
	char default_language[36], business_type[260], sap_customer_number[260], pbx_type[260];
	char contacts[ACCOUNT_CONTACTS_MAX * (EMAIL_MAX + 2) + 1];   /* "a@x.com, b@y.com", in order */
};

/* The account as stored; for_update locks it for the caller's transaction.
 * 1 found, 0 not, -1 error. The caller has checked the account is in reach. */
int account_load(db *d, const char *account_id, int for_update, struct account *out);

/* Inside the caller's transaction; write the new id to out. partner_id NULL
 * creates a partner account. Writes the account.create events. 0 or -1. */
int account_insert(db *d, const struct actor *who, const char *partner_id, const struct account_fields *f,
		   char out_id[UUID_LEN]);
/* A partner account named name with its first administrator (admin's role
 * is partner_admin whatever it says), inside the caller's transaction:
 * writes both ids. 0 or -1. */
int partner_insert(db *d, const struct actor *who, const char *name, const struct user_fields *admin,
		   char out_id[UUID_LEN], long long *admin_id);
/* The customer information of Account Information. 0 or -1. */
int account_update(db *d, const char *account_id, const struct account_fields *f);
/* Replaces the support contacts, in order. 0 or -1. */
int account_set_contacts(db *d, const char *account_id, char contacts[][EMAIL_MAX + 1], int n);
/* A customer account of partner_id from active to deactivated (active 0) or
 * back (active 1): 1 changed, 0 it was not in the other state, -1 error. */
int account_set_status(db *d, const char *partner_id, const char *account_id, int active);
/* Deletes a customer account of partner_id with everything that hangs on
 * it (foreign keys cascade): 1 deleted, 0 not found, -1 error. */
int account_delete(db *d, const char *partner_id, const char *account_id);
/* Assigns a customer account to an account manager (guide §2.15). 0 or -1. */
int account_assign_manager(db *d, long long manager_id, const char *account_id);

/* The id of partner_id's customer account named name, or of the partner
 * account named name when partner_id is NULL: 1 found, 0 not, -1 error. */
int account_find_by_name(db *d, const char *partner_id, const char *name, char out_id[UUID_LEN]);

/* The header's account search (guide §1.3): the active customer accounts
 * within who's reach (a partner user's; an account manager's assigned ones)
 * with a word of their name starting with text, at most max of them into
 * out, ordered by the words matched. Returns how many, or -1. */
int accounts_search(db *d, const struct account_reach *who, const char *text, struct account_ref *out, int max);

/* ---- support contacts (guide §2.9) ---- */

/* Users of the partner account whose name or email starts with text, by
 * name, at most limit. */
struct contact_candidate {
	const char *name, *email;
};
typedef int (*contact_candidate_fn)(void *ctx, const struct contact_candidate *c);
int account_contact_candidates(db *d, const char *partner_id, const char *text, int limit, contact_candidate_fn fn,
			       void *ctx);

/* ---- users ---- */

/* The NAME column's value: Name if given, else "First Last". */
void user_display_name(const struct user_fields *u, char *out, size_t n);
/* Returns the new user id, 0 when the email is taken in that account, -1 on error. */
long long user_insert(db *d, const struct actor *who, const char *account_id, const struct user_fields *f);
/* The id of the user of account_id with that email: 1 found, 0 not, -1 error. */
int user_find_by_email(db *d, const char *account_id, const char *email, long long *user_id);
#endif
