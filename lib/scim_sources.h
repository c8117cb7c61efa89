#ifndef SB_SCIM_SOURCES_H
#define SB_SCIM_SOURCES_H
/* SCIM 2.0 sources an account pulls its users from (ch3 §8.5, beyond the
 * guide): a base URL, a bearer token sealed at rest (secret_seal under
 * Crypto.Key), a schedule and an optional filter. syncd claims a due source
 * under a lease, lists its Users page by page and applies the difference:
 * users it gained are created (or adopted), changed ones updated, and the
 * ones it lost deleted — or let go, if the source had adopted a console
 * user. A fetch that failed or came back partial changes no user, and an
 * unchanged source costs no write. */
#include "lib/audit.h"
#include "lib/core/crypto.h"
#include "lib/core/db.h"
#include "lib/stored_message.h"

#include <jansson.h>

#define SCIM_SOURCE_TOKEN_MAX 1024
#define SCIM_SOURCE_SEALED_MAX SECRET_SEALED(SCIM_SOURCE_TOKEN_MAX)
#define SCIM_SOURCE_WATERMARK_MAX 64

struct scim_source {
	long long id;
	char account_id[UUID_LEN];
	char name[404];
	char base_url[1028];
	char filter[1028];
	int interval_minutes;
	int failures;
	int due_now;                        /* a pull is due (or asked for) */
	int running;                        /* a syncd holds it */
	char last_attempt[20], last_success[20], created[20];   /* "YYYY-MM-DD HH:MM" UTC, or "" */
	char last_error[2052];         /* why the last pull failed, in English words */
	char last_error_key[41];       /* ... and as a key under scim.errors (lib/stored_message.h); "" for a
					  row written before */
	char last_error_args[1100];
	char last_result[512];              /* JSON {fetched, added, changed, removed, skipped, writes, seconds}, or "" */
	char created_by[256];
};

struct scim_source_fields {
	const char *name, *base_url, *filter;
	int interval_minutes;
};

int scim_source_find(db *d, const char *account_id, long long id, struct scim_source *out);
typedef int (*scim_source_fn)(void *ctx, const struct scim_source *s);
/* The account's sources, by name; the number, or -1. */
int scim_sources_each(db *d, const char *account_id, scim_source_fn fn, void *ctx);

/* Inside the caller's transaction, with the event; the token comes sealed.
 * The new source is due at once. The id, or -1. */
long long scim_source_add(db *d, const char *account_id, const struct scim_source_fields *f, const char *token_sealed,
			  const struct actor *by);
/* token_sealed NULL keeps the token. 0 or -1. */
int scim_source_update(db *d, const char *account_id, long long id, const struct scim_source_fields *f,
		       const char *token_sealed, const struct actor *by);
/* Sync now. 0 or -1. */
int scim_source_request(db *d, const char *account_id, long long id);
/* Removes the source; its users stay, no longer source-owned. 0 or -1. */
int scim_source_delete(db *d, const char *account_id, long long id, const char *name, const struct actor *by);

/* ---- syncd ---- */

/* What a pull needs of a source it claimed. */
struct scim_source_claim {
	long long id;
	char account_id[UUID_LEN];
	char name[404];
	char base_url[1028];
	char filter[1028];
	char token_sealed[SCIM_SOURCE_SEALED_MAX];
	int interval_minutes, failures;
	/* the newest meta.lastModified listed so far, "" when unknown; list_all:
	 * every user is to be listed this time (none yet today) */
	char watermark[SCIM_SOURCE_WATERMARK_MAX + 1];
	int list_all;
};

/* Claims one due source whose lease is free, leasing it to owner (db_claim:
 * one owner at a time across Galera nodes, ARCHITECTURE §10). 1 claimed, 0
 * none due (or another syncd won every try), -1 error. */
int scim_source_claim(db *d, const char *owner, int lease_seconds, struct scim_source_claim *out);
/* Extends the lease while the pull holds it: 1 held, 0 lost, -1 error. */
int scim_source_lease_keep(db *d, long long id, const char *owner, int lease_seconds);
/* What a successful pull learnt: the watermark the next asks from (NULL:
 * the next lists every user), and whether it listed every user. */
struct scim_pull_mark {
	const char *watermark;
	int listed_all;
};
/* Ends a pull: releases the lease and schedules the next (the interval
 * after a success; after a failure, sooner, backing off). result is a JSON
 * object or NULL; mark is a success's (NULL after a failure). error (key
 * "" for none) is why a pull failed, words the same in English. 0 or -1. */
int scim_source_finish(db *d, long long id, const char *owner, const struct stored_message *error, const char *words,
		       json_t *result, const struct scim_pull_mark *mark, int interval_minutes, int failures);

/* The users a source owns: its id of each, the console user and the
 * fingerprint of the document last applied. fn per user; the number, or -1. */
struct scim_source_user {
	const char *key;
	long long user_id;
	const char *fingerprint;
	int adopted;
};
typedef int (*scim_source_user_fn)(void *ctx, const struct scim_source_user *u);
int scim_source_users_each(db *d, long long source_id, scim_source_user_fn fn, void *ctx);
/* Lets an adopted user go: no longer source-owned, as before it was
 * adopted; with its event. Inside the caller's transaction. 0 or -1. */
int scim_source_release(db *d, const char *account_id, long long user_id, const char *source_name);
#endif
