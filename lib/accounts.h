#ifndef SB_ACCOUNTS_H
#define SB_ACCOUNTS_H
/* Creating accounts and users: shared by the screens, the CLI and seeding,
 * so every path applies the same rules and writes the same events. */
#include "lib/audit.h"
#include "lib/core/crypto.h"
#include "lib/core/db.h"
#include "lib/core/validate.h"

struct account_fields {
	const char *name, *country, *province, *address, *city, *postal_code;
	const char *default_language, *business_type;
};

struct user_fields {
	const char *first_name, *last_name, *name, *email, *mobile, *extension;
	const char *role;          /* role key, see lib/perm.h */
	const char *password;      /* NULL: unregistered until they register */
};

/* The condition every query listing, searching or counting a partner's
 * customer accounts adds (col: the account id column): an account manager
 * sees only the accounts assigned to them. A program literal chosen by who
 * asks, rather than one condition for both ("? = 0 OR col IN (...)"), which
 * keeps MariaDB from using the assignments' index: 10 times slower at
 * 20,000 accounts. Either takes one parameter ("i"): the manager's user id,
 * or any positive number. */
#define SCOPE_MINE(col) " AND " col " IN (SELECT account_id FROM account_manager_accounts WHERE user_id = ?)"
#define SCOPE_ALL " AND ? > 0"
#define SCOPE_ASSIGNED(r, col) ((r)->me.restricted ? SCOPE_MINE(col) : SCOPE_ALL)
#define SCOPE_ARG(r) ((r)->me.id)

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
};

/* The account account_id if it is within reach: 1 found, 0 not (whether it
 * exists or not), -1 error. */
int account_find_in_reach(db *d, const struct account_reach *who, const char *account_id, struct account_ref *out);

/* The NAME column's value: Name if given, else "First Last". */
void user_display_name(const struct user_fields *u, char *out, size_t n);

/* Inside the caller's transaction; write the new id to out. partner_id NULL
 * creates a partner account. Return 0 or -1. */
int account_insert(db *d, const struct actor *who, const char *partner_id, const struct account_fields *f,
		   char out_id[UUID_LEN]);
int account_set_contacts(db *d, const char *account_id, char contacts[][EMAIL_MAX + 1], int n);
/* Returns the new user id, 0 when the email is taken in that account, -1 on error. */
long long user_insert(db *d, const struct actor *who, const char *account_id, const struct user_fields *f);

/* The header's account search (guide §1.3): the active customer accounts
 * within who's reach (a partner user's; an account manager's assigned ones)
 * with a word of their name starting with text, at most max of them into
 * out, ordered by the words matched. Returns how many, or -1. */
int accounts_search(db *d, const struct account_reach *who, const char *text, struct account_ref *out, int max);
#endif
