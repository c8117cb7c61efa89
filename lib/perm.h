#ifndef SB_PERM_H
#define SB_PERM_H
/* The permission vocabulary of guide §2.14: features × verbs, what the
 * built-in roles grant, the matrix a custom role restricts, and the
 * effective permissions of one actor. Routes declare a (feature, verb);
 * grants_allow decides. */
#include <stddef.h>

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
	FEAT_ACCOUNT_MANAGERS, /* guide §2.15: unrestricted partner administrators only; in no matrix */
	FEAT_COUNT
};

enum verb {
	VERB_VIEW = 1 << 0,
	VERB_ADD = 1 << 1,
	VERB_EDIT = 1 << 2,
	VERB_ASSIGN = 1 << 3,
	VERB_DELETE = 1 << 4,
};
#define VERB_ALL (VERB_VIEW | VERB_ADD | VERB_EDIT | VERB_ASSIGN | VERB_DELETE)

/* The role a custom role is based on (guide §2.14 "Choose the base role"). */
enum base_role {
	BASE_PARTNER = 0,
	BASE_ADMIN,
};

/* One row of a base role's Permissions table: the cells that exist
 * (applicable) and those shown checked but read-only (fixed). */
struct matrix_row {
	enum feature feature;
	unsigned applicable;
	unsigned fixed;
};

/* What one actor may do: the verbs granted per feature. */
struct grants {
	unsigned verbs[FEAT_COUNT];
};

/* A custom role's text form (roles.grants): "feature:letters" separated by
 * spaces, letters v a e s d for view add edit assign delete, e.g.
 * "accounts:vad users:v". Features not named grant nothing of their row. */
#define GRANTS_TEXT_MAX 400

const char *role_key(enum role r);            /* stable name stored in the database */
enum role role_from_key(const char *key);
int role_is_partner(enum role r);
const char *feature_key(enum feature f);
const char *verb_key(enum verb v);            /* view, add, edit, assign, delete */
const char *base_key(enum base_role b);       /* partner, admin (roles.base) */
int base_from_key(const char *key, enum base_role *out);

/* The built-in role's permission, as the guide's defaults. */
int perm_allows(enum role r, enum feature f, enum verb v);

/* The rows of a base role's Permissions table, in the guide's order. */
const struct matrix_row *perm_matrix(enum base_role b, int *count);
/* The matrix row of feature f for base b, or NULL when f has none. */
const struct matrix_row *perm_matrix_row(enum base_role b, enum feature f);
/* A selection with every applicable cell checked: what New Role starts with. */
void perm_selection_full(enum base_role b, unsigned sel[FEAT_COUNT]);
/* Keeps only the applicable cells, forces the fixed ones on. */
void perm_selection_clean(enum base_role b, unsigned sel[FEAT_COUNT]);

/* Text form of a selection, and back. parse returns 0, or -1 on text it
 * does not understand (the caller then grants nothing). */
void perm_selection_format(enum base_role b, const unsigned sel[FEAT_COUNT], char *out, size_t size);
int perm_selection_parse(enum base_role b, const char *text, unsigned sel[FEAT_COUNT]);

/* The actor's effective permissions: the built-in role's grants, narrowed
 * by a custom role (custom_text NULL: none) of base b. A cleared View takes
 * the whole feature; a custom role never reaches Account Managers. */
void perm_effective(enum role r, const char *custom_text, enum base_role b, struct grants *out);
int grants_allow(const struct grants *g, enum feature f, enum verb v);
#endif
