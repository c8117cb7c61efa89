#include "lib/perm.h"

#include <stdio.h>
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
	[FEAT_DEVELOPER] = V,          /* its only verb (guide §2.14.11) */
	[FEAT_ORDERS] = V,
	[FEAT_ACCOUNT_MANAGERS] = V | E,
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
	/* No Developer: it is the Partner role's alone (guide §2.14.11). */
};

/* The two Permissions tables of guide §2.14, row by row, with the cells each
 * feature's subsection (§2.14.1 to §2.14.12) makes applicable. Account's
 * View is read-only for both bases: everyone who reaches an account sees it. */
static const struct matrix_row partner_matrix[] = {
	{FEAT_ACCOUNTS, V | A | E | D, V},
	{FEAT_ROLES, V | A | E | S | D, 0},
	{FEAT_ORDERS, V, 0},
	{FEAT_USERS, V | A | E | D, 0},
	{FEAT_USER_TEMPLATES, V | A | E | D, 0},
	{FEAT_INTEGRATIONS, V | A | E | D, 0},
	{FEAT_SUBSCRIPTIONS, V | A, 0},
	{FEAT_SUPPORT, V, 0},
	{FEAT_MIVB, V, 0},
	{FEAT_CUSTOMER_CARE, V, 0},
	{FEAT_DEVELOPER, V, 0},
};

static const struct matrix_row admin_matrix[] = {
	{FEAT_ACCOUNT, V | E, V},
	{FEAT_USERS, V | A | E | D, 0},
	{FEAT_USER_TEMPLATES, V | A | E | D, 0},
	{FEAT_ROLES, V | S, 0},
	{FEAT_INTEGRATIONS, V | A | E | D, 0},
	{FEAT_SUBSCRIPTIONS, V, 0},
	{FEAT_SUPPORT, V, 0},
	{FEAT_MIVB, V, 0},
	{FEAT_CUSTOMER_CARE, V, 0},
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
	[FEAT_ACCOUNT_MANAGERS] = "account_managers",
};

/* Verbs in the order of the tables' columns, with their letters in the text form. */
static const struct {
	enum verb verb;
	const char *key;
	char letter;
} verbs[] = {
	{VERB_VIEW, "view", 'v'}, {VERB_ADD, "add", 'a'}, {VERB_EDIT, "edit", 'e'},
	{VERB_ASSIGN, "assign", 's'}, {VERB_DELETE, "delete", 'd'},
};
#define N_VERBS (sizeof verbs / sizeof verbs[0])

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

const char *verb_key(enum verb v)
{
	for (size_t i = 0; i < N_VERBS; i++)
		if (verbs[i].verb == v)
			return verbs[i].key;
	return "";
}

const char *base_key(enum base_role b)
{
	return b == BASE_ADMIN ? "admin" : "partner";
}

int base_from_key(const char *key, enum base_role *out)
{
	if (key && strcmp(key, "partner") == 0)
		*out = BASE_PARTNER;
	else if (key && strcmp(key, "admin") == 0)
		*out = BASE_ADMIN;
	else
		return 0;
	return 1;
}

static const unsigned *builtin_grants(enum role r)
{
	if (role_is_partner(r))
		return partner_grants;
	if (r == ROLE_ACCOUNT_ADMIN)
		return admin_grants;
	return NULL;
}

int perm_allows(enum role r, enum feature f, enum verb v)
{
	struct grants g;
	perm_effective(r, NULL, BASE_PARTNER, &g);
	return grants_allow(&g, f, v);
}

const struct matrix_row *perm_matrix(enum base_role b, int *count)
{
	if (b == BASE_ADMIN) {
		*count = (int)(sizeof admin_matrix / sizeof admin_matrix[0]);
		return admin_matrix;
	}
	*count = (int)(sizeof partner_matrix / sizeof partner_matrix[0]);
	return partner_matrix;
}

const struct matrix_row *perm_matrix_row(enum base_role b, enum feature f)
{
	int n;
	const struct matrix_row *rows = perm_matrix(b, &n);
	for (int i = 0; i < n; i++)
		if (rows[i].feature == f)
			return &rows[i];
	return NULL;
}

void perm_selection_full(enum base_role b, unsigned sel[FEAT_COUNT])
{
	memset(sel, 0, sizeof(unsigned) * FEAT_COUNT);
	int n;
	const struct matrix_row *rows = perm_matrix(b, &n);
	for (int i = 0; i < n; i++)
		sel[rows[i].feature] = rows[i].applicable;
}

void perm_selection_clean(enum base_role b, unsigned sel[FEAT_COUNT])
{
	unsigned clean[FEAT_COUNT] = {0};
	int n;
	const struct matrix_row *rows = perm_matrix(b, &n);
	for (int i = 0; i < n; i++)
		clean[rows[i].feature] = (sel[rows[i].feature] & rows[i].applicable) | rows[i].fixed;
	memcpy(sel, clean, sizeof clean);
}

void perm_selection_format(enum base_role b, const unsigned sel[FEAT_COUNT], char *out, size_t size)
{
	size_t len = 0;
	out[0] = 0;
	int n;
	const struct matrix_row *rows = perm_matrix(b, &n);
	for (int i = 0; i < n; i++) {
		unsigned cells = sel[rows[i].feature] & rows[i].applicable;
		if (!cells)
			continue;
		char letters[N_VERBS + 1];
		size_t k = 0;
		for (size_t j = 0; j < N_VERBS; j++)
			if (cells & verbs[j].verb)
				letters[k++] = verbs[j].letter;
		letters[k] = 0;
		int w = snprintf(out + len, size - len, "%s%s:%s", len ? " " : "", feature_keys[rows[i].feature], letters);
		if (w < 0 || (size_t)w >= size - len) {
			out[len] = 0; /* GRANTS_TEXT_MAX holds every row: not reached */
			return;
		}
		len += (size_t)w;
	}
}

int perm_selection_parse(enum base_role b, const char *text, unsigned sel[FEAT_COUNT])
{
	memset(sel, 0, sizeof(unsigned) * FEAT_COUNT);
	if (!text)
		return -1;
	const char *p = text;
	while (*p) {
		if (*p == ' ') {
			p++;
			continue;
		}
		size_t name_len = strcspn(p, ": ");
		if (p[name_len] != ':')
			return -1;
		const struct matrix_row *row = NULL;
		for (int f = FEAT_ACCOUNTS; f < FEAT_COUNT && !row; f++)
			if (strlen(feature_keys[f]) == name_len && strncmp(p, feature_keys[f], name_len) == 0)
				row = perm_matrix_row(b, (enum feature)f);
		if (!row)
			return -1;
		p += name_len + 1;
		for (; *p && *p != ' '; p++) {
			size_t j = 0;
			while (j < N_VERBS && verbs[j].letter != *p)
				j++;
			if (j == N_VERBS || !(row->applicable & verbs[j].verb))
				return -1;
			sel[row->feature] |= verbs[j].verb;
		}
	}
	return 0;
}

void perm_effective(enum role r, const char *custom_text, enum base_role b, struct grants *out)
{
	memset(out, 0, sizeof *out);
	const unsigned *base = builtin_grants(r);
	if (r == ROLE_NONE)
		return;
	out->verbs[FEAT_NONE] = VERB_ALL;
	if (!base)
		return;
	memcpy(out->verbs, base, sizeof out->verbs);
	out->verbs[FEAT_NONE] = VERB_ALL;
	/* Account Managers belongs to unrestricted partner administrators. */
	if (r != ROLE_PARTNER_ADMIN || custom_text)
		out->verbs[FEAT_ACCOUNT_MANAGERS] = 0;
	if (!custom_text)
		return;

	/* A custom role narrows only a built-in role of its own base. */
	unsigned sel[FEAT_COUNT];
	if ((b == BASE_PARTNER) != (role_is_partner(r) != 0) || perm_selection_parse(b, custom_text, sel) != 0) {
		memset(out->verbs, 0, sizeof out->verbs);
		out->verbs[FEAT_NONE] = VERB_ALL;
		return;
	}
	perm_selection_clean(b, sel);
	int n;
	const struct matrix_row *rows = perm_matrix(b, &n);
	for (int i = 0; i < n; i++) {
		enum feature f = rows[i].feature;
		unsigned cleared = rows[i].applicable & ~sel[f];
		/* View is needed for anything else of the feature (guide §2.14.3 and on). */
		if (cleared & V)
			out->verbs[f] = 0;
		else
			out->verbs[f] &= ~cleared;
	}
	/* A partner's Account information follows its Accounts row (§2.14.2). */
	if (b == BASE_PARTNER && !(sel[FEAT_ACCOUNTS] & E))
		out->verbs[FEAT_ACCOUNT] &= ~(unsigned)E;
}

int grants_allow(const struct grants *g, enum feature f, enum verb v)
{
	if (f >= FEAT_COUNT)
		return 0;
	return (g->verbs[f] & (unsigned)v) == (unsigned)v && v != 0;
}
