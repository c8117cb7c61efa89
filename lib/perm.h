#ifndef SB_PERM_H
#define SB_PERM_H
/* The permission vocabulary of guide §2.14: features × verbs, and what the
 * built-in roles grant. Routes declare a (feature, verb); perm_allows decides. */

enum role {
	ROLE_NONE = 0,
	ROLE_PARTNER_ADMIN,    /* partner administrator: every customer account of the partner */
	ROLE_ACCOUNT_MANAGER,  /* partner user restricted to assigned accounts */
	ROLE_ACCOUNT_ADMIN,    /* administrator of one customer account */
	ROLE_USER,             /* an ordinary user: signs in, changes own password */
};

enum feature {
	FEAT_NONE = 0,         /* any signed-in user */
	FEAT_ACCOUNTS,         /* the partner's customer accounts (Accounts, partner table) */
	FEAT_ACCOUNT,          /* one account's own information (Account, admin table) */
	FEAT_USERS,
	FEAT_USER_TEMPLATES,
	FEAT_ROLES,
	FEAT_INTEGRATIONS,
	FEAT_SUBSCRIPTIONS,
	FEAT_SUPPORT,
	FEAT_MIVB,
	FEAT_CUSTOMER_CARE,
	FEAT_DEVELOPER,
	FEAT_ORDERS,
	FEAT_COUNT
};

enum verb {
	VERB_VIEW = 1 << 0,
	VERB_ADD = 1 << 1,
	VERB_EDIT = 1 << 2,
	VERB_ASSIGN = 1 << 3,
	VERB_DELETE = 1 << 4,
};

const char *role_key(enum role r);            /* stable name stored in the database */
enum role role_from_key(const char *key);
int role_is_partner(enum role r);
const char *feature_key(enum feature f);
int perm_allows(enum role r, enum feature f, enum verb v);
#endif
