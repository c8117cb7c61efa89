#ifndef SB_USERS_H
#define SB_USERS_H
/* A user of an account (guide §2.4), read under the account's scope. */
#include "lib/core/crypto.h"
#include "lib/core/db.h"

struct user {
	long long id;
	char account_id[UUID_LEN];
	char first_name[404], last_name[404], name[804], display_name[1024];
	char email[1024], mobile[20], extension[132];
	char role[20];                 /* role key, lib/perm.h */
	int registered;
	char source[132];
	char created[20], modified[20];   /* "YYYY-MM-DD HH:MM", UTC */
	char updated_by_name[1024];
	long long custom_role_id;      /* 0: none */
	char custom_role_name[404];
};

/* The user id of account_id; for_update locks the row for the caller's
 * transaction. 1 found, 0 not (or in another account), -1 error. */
int users_find(db *d, const char *account_id, long long id, int for_update, struct user *out);
#endif
