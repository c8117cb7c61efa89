#ifndef SB_ROLES_H
#define SB_ROLES_H
/* Custom roles (guide §2.14), read within the reach of whoever asks. */
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
#endif
