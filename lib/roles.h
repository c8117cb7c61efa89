#ifndef SB_ROLES_H
#define SB_ROLES_H
/* Custom roles (guide §2.14), read within the reach of whoever asks, and
 * the accounts they are assigned to. */
#include "lib/core/crypto.h"
#include "lib/core/db.h"
#include "lib/perm.h"

struct custom_role {
	long long id;
	char partner_id[UUID_LEN];
	char name[404];
	char description[2004];
	enum base_role base;
	char grants[404];              /* perm_selection_format's text */
	char modified[20];
	char updated_by_name[1024];
	long long users;               /* how many users hold it */
};

/* Whose roles: a partner user reaches their partner's roles, except that an
 * account manager reaches only the roles held nowhere but in the partner
 * account and their assigned accounts (guide §2.15: the rest belongs to
 * accounts they do not manage); an Account Admin reaches the roles
 * assigned to their own account. */
struct role_reach {
	const char *partner_id;        /* partner users: their partner account, else "" */
	const char *account_id;        /* customer users: their account, else "" */
	long long manager_id;          /* an account manager's user id, else 0 */
};

/* 1 found within reach, 0 not, -1 error; for_update locks the row. */
int roles_find(db *d, const struct role_reach *reach, long long id, int for_update, struct custom_role *out);

/* ---- the Roles list ---- */

struct role_row {
	long long id;
	const char *name, *description;
	enum base_role base;
	const char *modified, *updated_by_name;
	long long accounts;            /* how many accounts it is assigned to */
};
typedef int (*role_row_fn)(void *ctx, const struct role_row *row);

/* The roles within reach whose name matches name_like (a LIKE pattern):
 * how many (or -1), and one page of them by name. */
long long roles_count(db *d, const struct role_reach *reach, const char *name_like);
int roles_each(db *d, const struct role_reach *reach, const char *name_like, int descending, long limit, long offset,
	       role_row_fn fn, void *ctx);

/* ---- writing roles (inside the caller's transaction) ---- */

struct role_fields {
	const char *name, *description;
	enum base_role base;           /* New Role only: a role keeps its base */
	const char *grants;
};

/* Each returns 0, 1 when another role of the partner has that name
 * (nothing written), or -1. by_name is MODIFIED ON (BY)'s name. */
int roles_insert(db *d, const char *partner_id, const struct role_fields *f, const char *by_name, long long *id);
int roles_update(db *d, const char *partner_id, long long id, const struct role_fields *f, const char *by_name);
/* Removes the role with its assignments. 0, or -1 (also when users hold it). */
int roles_delete(db *d, const char *partner_id, long long id);

/* ---- a role's Accounts tab ---- */

/* The accounts a role may be assigned to by who reaches: an
 * Administrator-based role goes to the partner's active customer accounts
 * (an account manager's: the ones assigned to them), a Partner-based one
 * only to the partner account. */
struct role_account_row {
	const char *id, *name;
	int assigned;
};
typedef int (*role_account_fn)(void *ctx, const struct role_account_row *row);

long long role_accounts_count(db *d, const struct role_reach *reach, const struct custom_role *role,
			      const char *name_like);
int role_accounts_each(db *d, const struct role_reach *reach, const struct custom_role *role, const char *name_like,
		       int descending, long limit, long offset, role_account_fn fn, void *ctx);
/* 1 when account_id is one of those accounts (its name copied out), 0 not, -1 error. */
int role_account_find(db *d, const struct role_reach *reach, const struct custom_role *role, const char *account_id,
		      char *name, size_t name_size);
/* How many users of account_id hold the role, or -1. */
long long role_holders_in(db *d, long long role_id, const char *account_id);
/* 1 changed, 0 already so, -1 error. */
int role_assign(db *d, long long role_id, const char *account_id);
int role_unassign(db *d, long long role_id, const char *account_id);
#endif
