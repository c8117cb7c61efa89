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

/* 1 when a user of the account other than except_id (0: none) has email,
 * 0 when none, -1 on error. The unique key still decides a race. */
int users_email_taken(db *d, const char *account_id, const char *email, long long except_id);

/* The account's Account Admins (a customer account keeps at least one);
 * for_update locks them for the caller's transaction. -1 on error. */
long long users_count_admins(db *d, const char *account_id, int for_update);

/* The account's users, the sum of its count slots (schema.sql:
 * account_user_counts). 0 or -1. */
int users_total(db *d, const char *account_id, long long *total);

/* Locks the account's row for the caller's transaction: adding a user
 * share-locks it first (the users' foreign key, before the count triggers),
 * so a delete takes it first too. 0 or -1. */
int users_lock_account(db *d, const char *account_id);

/* Edit User's change of a user (guide §2.4). */
struct user_change {
	const char *first_name, *last_name, *name, *display_name, *email, *mobile;
	const char *role;              /* role key */
	long long custom_role_id;      /* 0: none */
	const char *by_name;           /* who changed it (the MODIFIED column) */
};
/* Inside the caller's transaction. 1 saved, 0 when another user of the
 * account has the email, -1 on error. */
int users_update(db *d, const char *account_id, long long id, const struct user_change *c);

/* Inside the caller's transaction; licences, sessions and tokens go with
 * the row. 1 deleted, 0 not found, -1 error. */
int users_delete(db *d, const char *account_id, long long id);

/* The language the user chose with the footer's picker (lib/lang.h), in
 * the caller's transaction; before gets the one it replaces ("" for none)
 * when not NULL. 1 saved, 0 not found, -1 error. */
int users_set_language(db *d, const char *account_id, long long id, const char *language, char *before, size_t size);

/* The custom roles assigned to the account with the given base ("admin" or
 * "partner"), by name: what Edit User offers. The number, or -1. */
typedef int (*users_role_fn)(void *ctx, long long id, const char *name);
int users_assignable_roles_each(db *d, const char *account_id, const char *base, users_role_fn fn, void *ctx);
#endif
