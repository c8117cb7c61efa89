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

/* The NAME column's value: Name if given, else "First Last". */
void user_display_name(const struct user_fields *u, char *out, size_t n);

/* Inside the caller's transaction; write the new id to out. partner_id NULL
 * creates a partner account. Return 0 or -1. */
int account_insert(db *d, const struct actor *who, const char *partner_id, const struct account_fields *f,
		   char out_id[UUID_LEN]);
int account_set_contacts(db *d, const char *account_id, char contacts[][EMAIL_MAX + 1], int n);
/* Returns the new user id, 0 when the email is taken in that account, -1 on error. */
long long user_insert(db *d, const struct actor *who, const char *account_id, const struct user_fields *f);
#endif
