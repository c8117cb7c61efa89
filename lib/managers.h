#ifndef SB_MANAGERS_H
#define SB_MANAGERS_H
/* Account Managers (guide §2.15): the partner account's administrators and
 * account managers, and the customer accounts assigned to the managers.
 * Every function takes the partner account whose users and accounts it
 * reads. */
#include "lib/core/crypto.h"
#include "lib/core/db.h"

/* ---- the partner's users, one tab (role) at a time ---- */

struct partner_user_row {
	long long id;
	const char *display_name, *email, *modified, *updated_by_name;
	long long managed;             /* accounts assigned to them */
};
typedef int (*partner_user_fn)(void *ctx, const struct partner_user_row *row);

/* The partner's users of role_key ("partner_admin" or "account_manager")
 * whose name or email matches like (a LIKE pattern), walking ix_users_role:
 * how many (or -1), and one page of them by name. */
long long managers_count(db *d, const char *partner_id, const char *role_key, const char *like);
int managers_each(db *d, const char *partner_id, const char *role_key, const char *like, int descending, long limit,
		  long offset, partner_user_fn fn, void *ctx);

struct partner_user {
	long long id;
	char name[1024];
	char email[1024];
};
/* The partner's user user_id if they hold role_key: 1 found, 0 not, -1 error. */
int managers_find_user(db *d, const char *partner_id, const char *role_key, long long user_id, struct partner_user *out);

/* A customer account of the partner: 1 found (its name copied out), 0 not, -1 error. */
int managers_find_account(db *d, const char *partner_id, const char *account_id, char *name, size_t name_size);

/* ---- Manage Selected: the partner's accounts as they stand for k selected managers ---- */

/* The managers' ids, "12,15" (FIND_IN_SET), and how many they are. */
struct manager_ids {
	const char *text;
	int k;
};

/* How many active customer accounts matching like are assigned to all k
 * managers, to some of them, and to none. 0, or -1. */
struct manage_counts {
	long long all, some, none;
};
int managers_manage_counts(db *d, const char *partner_id, const struct manager_ids *m, const char *like,
			   struct manage_counts *out);

/* Which accounts a tab lists. */
enum manage_tab { MANAGE_ALL, MANAGE_SOME, MANAGE_NONE };

struct manage_account_row {
	const char *id, *name, *modified;
	long long total_managers;
	const char *manager_names;     /* "Milo ..., Mona ...", "" for none */
};
typedef int (*manage_account_fn)(void *ctx, const struct manage_account_row *row);
/* One page of a tab's accounts, by name. The number of rows, or -1. */
int managers_manage_each(db *d, const char *partner_id, const struct manager_ids *m, enum manage_tab tab,
			 const char *like, int descending, long limit, long offset, manage_account_fn fn, void *ctx);
#endif
