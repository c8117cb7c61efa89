/* The partner identity provider's sign-ins (guide §1.2): the first one of
 * an organisation makes its partner account with that person as partner
 * administrator, the first one of each further person of it adds them, and
 * every later one finds them. Two first sign-ins may race on any worker:
 * the unique keys (the organisation, the subject, the email within an
 * account) let one of them write, and the other, rolled back, runs again
 * and finds what the first one made. */
#include "lib/accounts.h"
#include "lib/saml_store.h"

#include <stdio.h>
#include <string.h>

#define RETRIES 4
#define RACE_LOST 2            /* a unique key was taken meanwhile: roll back and run again */
#define NOT_USABLE 3

struct jit {
	db *d;
	const struct partner_person *p;
	long long user_id;
	char account_id[UUID_LEN];
	int created;
};

struct linked {
	long long user_id;
	char account_id[UUID_LEN];
	int active;
};

static int linked_from_row(void *ctx, const struct db_row *row)
{
	struct linked *l = ctx;
	l->user_id = row_int(row, "id");
	row_copy(row, "account_id", l->account_id, sizeof l->account_id);
	l->active = strcmp(row_str(row, "status"), "active") == 0 && row_int(row, "active") == 1;
	return 0;
}

/* Inserts, telling a unique key taken by someone else (RACE_LOST) from an error. */
static int inserted(db *d, long long rc)
{
	if (rc == 1)
		return 0;
	return db_errno(d) == 1062 ? RACE_LOST : -1;
}

static int partner_user_tx(void *ctx)
{
	struct jit *j = ctx;
	db *d = j->d;
	const struct partner_person *p = j->p;
	struct actor who = {0, *p->display_name ? p->display_name : p->email, p->email};
	/* A person seen before. */
	struct linked l = {0};
	int found = db_one(d, linked_from_row, &l,
		"SELECT u.id, u.account_id, u.active, a.status FROM partner_idp_users s JOIN users u ON u.id = s.user_id"
		" JOIN accounts a ON a.id = u.account_id WHERE s.subject = ?",
		"s", p->subject);
	if (found < 0)
		return -1;
	if (found) {
		if (!l.active)
			return NOT_USABLE;
		j->user_id = l.user_id;
		snprintf(j->account_id, sizeof j->account_id, "%s", l.account_id);
		return 0;
	}
	struct user_fields admin = {
		.first_name = p->first_name, .last_name = p->last_name, .name = p->display_name, .email = p->email,
		.role = "partner_admin",
	};
	/* The organisation's partner account, made by its first sign-in. */
	found = db_str(d, j->account_id, sizeof j->account_id,
		       "SELECT account_id FROM partner_idp_accounts WHERE org_key = ?", "s", p->org_key);
	if (found < 0)
		return -1;
	if (!found) {
		if (partner_insert(d, &who, p->org_name, &admin, j->account_id, &j->user_id) != 0)
			return db_errno(d) == 1062 ? RACE_LOST : -1;
		int rc = inserted(d, db_exec(d,
			"INSERT INTO partner_idp_accounts (org_key, account_id, created_at) VALUES (?, ?, UTC_TIMESTAMP())",
			"ss", p->org_key, j->account_id));
		if (rc)
			return rc;
		j->created = 1;
	} else if (user_find_by_email(d, j->account_id, p->email, &j->user_id) == 0) {
		/* A further person of the organisation. */
		long long id = user_insert(d, &who, j->account_id, &admin);
		if (id <= 0)
			return id == 0 ? RACE_LOST : -1;
		j->user_id = id;
		j->created = 2;
	}
	if (j->user_id <= 0)
		return -1;
	int rc = inserted(d, db_exec(d,
		"INSERT INTO partner_idp_users (subject, user_id, created_at) VALUES (?, ?, UTC_TIMESTAMP())",
		"si", p->subject, j->user_id));
	if (rc)
		return rc;
	/* Signed up through the provider: nothing left to register. */
	return db_exec(d, "UPDATE users SET registered = 1 WHERE id = ? AND active = 1", "i", j->user_id) == 1
		? 0 : NOT_USABLE;
}

int saml_partner_user(db *d, const struct partner_person *p, long long *user_id, char account_id[UUID_LEN],
		      int *created)
{
	*user_id = 0;
	account_id[0] = 0;
	*created = 0;
	if (!p->subject[0] || !p->email[0] || !p->org_key[0] || !p->org_name[0])
		return 0;
	for (int attempt = 0; attempt < RETRIES; attempt++) {
		struct jit j = {.d = d, .p = p};
		int rc = db_tx(d, partner_user_tx, &j);
		if (rc == RACE_LOST)
			continue;
		if (rc == NOT_USABLE)
			return 0;
		if (rc != 0)
			return -1;
		*user_id = j.user_id;
		snprintf(account_id, UUID_LEN, "%s", j.account_id);
		*created = j.created;
		return 1;
	}
	return -1;
}

int saml_partner_account_of(db *d, const char *subject, const char *org_key, char account_id[UUID_LEN])
{
	int found = 0;
	if (subject && *subject)
		found = db_str(d, account_id, UUID_LEN,
			       "SELECT u.account_id FROM partner_idp_users s JOIN users u ON u.id = s.user_id WHERE s.subject = ?",
			       "s", subject);
	if (found == 0 && org_key && *org_key)
		found = db_str(d, account_id, UUID_LEN, "SELECT account_id FROM partner_idp_accounts WHERE org_key = ?", "s",
			       org_key);
	return found;
}
