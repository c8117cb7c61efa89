#ifndef SB_APPLICATIONS_H
#define SB_APPLICATIONS_H
/* Applications registered on the Developer page (guide §2.14.11): a
 * partner's outside software with a public client id and a secret shown
 * once (only its SHA-256 is kept), assigned to some of the partner's
 * customer accounts. An assigned application obtains short-lived access
 * tokens for one of those accounts with the OAuth 2.0 client credentials
 * grant (RFC 6749 §4.4; POST /api/v1/oauth/token): machine credentials of
 * kind oauth-access bound to the account (lib/credentials.h). A new secret,
 * an unassignment or a deletion revokes the tokens it covers.
 *
 * Every function takes the partner it works in. */
#include "lib/core/crypto.h"
#include "lib/core/db.h"

#define APPLICATION_NAME_MAX 100
#define APPLICATION_DESCRIPTION_MAX 500
#define REDIRECT_URIS_MAX 10
#define REDIRECT_URI_MAX 2000
#define APPLICATIONS_LIST_MAX 200
#define ASSIGNABLE_LIST_MAX 500

/* A redirect URI an application may register (RFC 6749 §3.1.2, RFC 8252
 * §7): absolute, without a fragment or white space; https, or http to a
 * loopback host (127.0.0.1, [::1], localhost), or a private-use scheme
 * with a dot (com.example.app:/callback). 1 when acceptable. */
int redirect_uri_valid(const char *uri);
/* Splits one URI per line into out (at most max, each trimmed; blank lines
 * skipped). Returns how many, -1 if one is not acceptable (*bad_line: its
 * number, from 1), -2 if there are more than max. */
int redirect_uris_split(const char *text, char out[][REDIRECT_URI_MAX + 1], int max, int *bad_line);

struct application_fields {
	const char *name;
	const char *description;
	const char *redirect_uris;       /* checked by redirect_uris_split, stored one per line */
};

struct application {
	long long id;
	char partner_id[UUID_LEN];
	char client_id[UUID_LEN];
	char name[404];
	char description[2004];
	char redirect_uris[REDIRECT_URIS_MAX * (REDIRECT_URI_MAX + 1) + 1];
	char created_on[11], secret_created[20];
	int accounts;                    /* assigned accounts */
};
typedef int (*application_fn)(void *ctx, const struct application *a);

/* The partner's applications by name (at most APPLICATIONS_LIST_MAX), each
 * with its number of assigned accounts. Returns how many, or -1. */
int applications_each(db *d, const char *partner_id, application_fn fn, void *ctx);
/* The partner's application id: 1 found, 0 not, -1 error. */
int application_find(db *d, const char *partner_id, long long id, struct application *out);

/* Registers an application; writes its id, client id and the secret to
 * show once. Inside the caller's transaction. 1 done, 0 the partner has
 * an application of that name, -1 error. */
int application_insert(db *d, const char *partner_id, const struct application_fields *f, const char *by_name,
		       long long *id, char client_id[UUID_LEN], char secret[TOKEN_HEX]);
/* Name, description, redirect URIs. 1 done, 0 the name is taken, -1. */
int application_update(db *d, const char *partner_id, long long id, const struct application_fields *f);
/* A new secret (written to secret, shown once); the old one stops working
 * and so does every token issued with it. 1, 0 not found, -1. */
int application_new_secret(db *d, const char *partner_id, long long id, char secret[TOKEN_HEX]);
/* Deletes it and revokes its tokens. 1, 0 not found, -1. */
int application_delete(db *d, const char *partner_id, long long id);

/* ---- assignment to customer accounts ---- */

/* Assigns application id to account_id, an active customer account of
 * the partner: 1 done, 0 assigned already, 2 no such account of the
 * partner, -1 error. Writes the account's name into name (size n). */
int application_assign(db *d, const char *partner_id, long long id, const char *account_id, const char *by_name,
		       char *name, size_t n);
/* Unassigns it and revokes its tokens for that account: 1 done, 0 it was
 * not assigned there, -1. Writes the account's name into name. */
int application_unassign(db *d, const char *partner_id, long long id, const char *account_id, char *name, size_t n);

struct application_account {
	const char *account_id, *name, *assigned_on;
};
typedef int (*application_account_fn)(void *ctx, const struct application_account *a);
/* The accounts application id is assigned to, by name. */
int application_accounts_each(db *d, const char *partner_id, long long id, application_account_fn fn, void *ctx);
/* The partner's active customer accounts it is not assigned to, by name,
 * at most ASSIGNABLE_LIST_MAX (assigned_on is ""). */
int application_assignable_each(db *d, const char *partner_id, long long id, application_account_fn fn, void *ctx);

/* ---- the token endpoint ---- */

/* The application whose client id and secret these are: 1 (id and partner
 * written), 0 no such client or a wrong secret, -1 error. */
int application_authenticate(db *d, const char *client_id, const char *secret, long long *id,
			     char partner_id[UUID_LEN], char name[404]);
/* Whether application id of partner_id is assigned to account_id (an
 * active customer account): 1, 0, -1. */
int application_assigned(db *d, const char *partner_id, long long id, const char *account_id);
#endif
