#include "lib/perm.h"

#include <string.h>

#define V VERB_VIEW
#define A VERB_ADD
#define E VERB_EDIT
#define S VERB_ASSIGN
#define D VERB_DELETE

/* The built-in Partner role's grants (guide §2.14, the Partner table). A
 * partner acting inside a customer account is governed by its Accounts row
 * for that account's information. */
static const unsigned partner_grants[FEAT_COUNT] = {
	[FEAT_ACCOUNTS] = V | A | E | D,
	[FEAT_ACCOUNT] = V | E,
	[FEAT_USERS] = V | A | E | D,
	[FEAT_USER_TEMPLATES] = V | A | E | D,
	[FEAT_ROLES] = V | A | E | S | D,
	[FEAT_INTEGRATIONS] = V | A | E | D,
	[FEAT_SUBSCRIPTIONS] = V | A,
	[FEAT_SUPPORT] = V,
	[FEAT_MIVB] = V,
	[FEAT_CUSTOMER_CARE] = V,
	[FEAT_DEVELOPER] = V | A | E | D,
	[FEAT_ORDERS] = V,
};

/* The built-in Administrator (Account Admin) role's grants (the admin table). */
static const unsigned admin_grants[FEAT_COUNT] = {
	[FEAT_ACCOUNT] = V | E,
	[FEAT_USERS] = V | A | E | D,
	[FEAT_USER_TEMPLATES] = V | A | E | D,
	[FEAT_ROLES] = V | S,
	[FEAT_INTEGRATIONS] = V | A | E | D,
	[FEAT_SUBSCRIPTIONS] = V,
	[FEAT_SUPPORT] = V,
	[FEAT_MIVB] = V,
	[FEAT_CUSTOMER_CARE] = V,
	[FEAT_DEVELOPER] = V | A | E | D,
};

static const char *const role_keys[] = {
	[ROLE_NONE] = "",
	[ROLE_PARTNER_ADMIN] = "partner_admin",
	[ROLE_ACCOUNT_MANAGER] = "account_manager",
	[ROLE_ACCOUNT_ADMIN] = "account_admin",
	[ROLE_USER] = "user",
};

static const char *const feature_keys[FEAT_COUNT] = {
	[FEAT_NONE] = "none",
	[FEAT_ACCOUNTS] = "accounts",
	[FEAT_ACCOUNT] = "account",
	[FEAT_USERS] = "users",
	[FEAT_USER_TEMPLATES] = "user_templates",
	[FEAT_ROLES] = "roles",
	[FEAT_INTEGRATIONS] = "integrations",
	[FEAT_SUBSCRIPTIONS] = "subscriptions",
	[FEAT_SUPPORT] = "support",
	[FEAT_MIVB] = "mivb",
	[FEAT_CUSTOMER_CARE] = "customer_care",
	[FEAT_DEVELOPER] = "developer",
	[FEAT_ORDERS] = "orders",
};

const char *role_key(enum role r)
{
	return r <= ROLE_USER ? role_keys[r] : "";
}

enum role role_from_key(const char *key)
{
	for (int r = ROLE_PARTNER_ADMIN; r <= ROLE_USER; r++)
		if (key && strcmp(key, role_keys[r]) == 0)
			return (enum role)r;
	return ROLE_NONE;
}

int role_is_partner(enum role r)
{
	return r == ROLE_PARTNER_ADMIN || r == ROLE_ACCOUNT_MANAGER;
}

const char *feature_key(enum feature f)
{
	return f < FEAT_COUNT ? feature_keys[f] : "";
}

int perm_allows(enum role r, enum feature f, enum verb v)
{
	if (r == ROLE_NONE || f >= FEAT_COUNT)
		return 0;
	if (f == FEAT_NONE)
		return 1;
	if (role_is_partner(r))
		return (partner_grants[f] & v) == (unsigned)v;
	if (r == ROLE_ACCOUNT_ADMIN)
		return (admin_grants[f] & v) == (unsigned)v;
	return 0;
}
