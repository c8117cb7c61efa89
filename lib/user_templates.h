#ifndef SB_USER_TEMPLATES_H
#define SB_USER_TEMPLATES_H
/* User Templates (guide §3.1.3.2, permissions §2.14.4): an account's
 * templates of what a user gets with a product. The MiVoice Business block
 * holds the service category, the Service Programming defaults (group,
 * location, department) and a phone with its programmable keys, checked
 * with the rules of lib/mivb/rules.h. Every function takes the account
 * scope; writes run inside the caller's transaction. */
#include "lib/core/db.h"
#include "lib/mivb/services.h"

#define USER_TEMPLATE_NAME_MAX 100
#define USER_TEMPLATE_KEYS_MAX 12      /* keys a template programs */

struct user_template {
	long long id;
	char name[4 * USER_TEMPLATE_NAME_MAX + 1];
	char description[2001];
	int mivb;                      /* the template has the MiVoice Business product */
	char category[65], group[65], location[129], department[101];
	struct mivb_phone phone;       /* type "" when the template adds no phone */
};

/* The account's templates by name. The count, or -1. */
int user_templates_each(db *d, const char *account_id, int (*fn)(void *ctx, const struct user_template *t), void *ctx);
/* 1 found, 0 not, -1 error. */
int user_template_find(db *d, const char *account_id, long long id, struct user_template *out);
/* The new id; -2 when the account has a template of that name; -1 error. */
long long user_template_insert(db *d, const char *account_id, const struct user_template *t);
/* 1 saved, 0 no such template, -2 the name is another template's, -1 error. */
int user_template_update(db *d, const char *account_id, long long id, const struct user_template *t);
/* 1 deleted, 0 none, -1 error. */
int user_template_delete(db *d, const char *account_id, long long id);

/* A user given the template (guide §3.1.3.2: Apply Changes, Complete setup):
 * its category and Service Programming defaults, and its phone with its set
 * and programmable keys: the user's first phone of that type takes
 * them, else the phone is added (on the user's prime line). Nothing for a
 * template without MiVoice Business. */
void user_template_apply(const struct user_template *t, struct mivb_services *s);
#endif
