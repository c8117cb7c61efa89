#ifndef SB_SCIM_USERS_H
#define SB_SCIM_USERS_H
/* The console's users as SCIM Users (RFC 7643 §4.1; guide §3.2.6): read,
 * listed with a filter, created (or adopted), replaced and removed, for the
 * account's SCIM server and for the SCIM sources syncd pulls. Every user of
 * the account is a resource; a user a SCIM client wrote is source-owned
 * (users.source = 'SCIM', a scim_users row keeps its document). Writes run
 * inside the caller's transaction and write their event, whose actor is
 * SCIM (guide §2.16).
 *
 * Lists never walk an account: a filter is answered from the indexes that
 * serve its attributes (id, userName, externalId, emails, phoneNumbers,
 * displayName, name.familyName, meta.lastModified, groups) over at most
 * SCIM_CANDIDATES_MAX users, evaluated in full on those; a filter no index
 * serves is evaluated over the whole account only while it has at most that
 * many users, and is otherwise refused as tooMany. */
#include "lib/audit.h"
#include "lib/core/db.h"
#include "lib/scim/error.h"
#include "lib/scim/filter.h"
#include "lib/scim/mapping.h"

#include <jansson.h>

#define SCIM_PAGE_MAX 200            /* resources in one ListResponse (ServiceProviderConfig filter.maxResults) */
#define SCIM_CANDIDATES_MAX 1000     /* users a filter is evaluated over */
#define SCIM_REFUSED 1               /* a rule refused the request: err says which (4xx) */

/* The actor of every change a SCIM client makes. */
extern const struct actor scim_actor;

/* Who writes: the account's SCIM server (source_id 0) or one of its sources. */
struct scim_writer {
	long long source_id;
	const char *source_key;        /* a source's id of the user (its externalId for us) */
};

/* What changed, for the activity counters. */
enum scim_change { SCIM_NONE, SCIM_CREATED, SCIM_ADOPTED, SCIM_UPDATED, SCIM_DEACTIVATED, SCIM_DELETED };

struct scim_list_query {
	long start;                    /* 1-based startIndex */
	long count;                    /* at most SCIM_PAGE_MAX */
	const struct scim_filter *filter;   /* NULL: none */
	const struct scim_path *sort_by;    /* NULL: by id */
	int descending;
};

/* The base URL of an account's SCIM service (Site.BaseURL/scim/v2/<acct>). */
void scim_base_url(const char *account_id, char *out, size_t size);

/* The User resource of user id. for_update locks the user for the caller's
 * transaction. 1 found, 0 not in the account, -1 error. */
int scim_user_read(db *d, const char *account_id, long long id, int for_update, const char *base, json_t **out);

/* The page of a list, and how many users match (totalResults). 0,
 * SCIM_REFUSED (err: tooMany), or -1. */
int scim_users_list(db *d, const char *account_id, const struct scim_list_query *q, const char *base,
		    json_t **resources, long long *total, struct scim_error *err);

/* Creates the user a normalized User document describes — or adopts the
 * console user whose email is its userName — with its event. 0 (*id set,
 * *change CREATED or ADOPTED), SCIM_REFUSED (err: invalidValue, 409
 * uniqueness naming the attribute), or -1. created (may be NULL): the new
 * user's resource (base: the service's base URL), built from what was
 * written; NULL when a user was adopted. */
int scim_user_create(db *d, const char *account_id, const struct scim_writer *w, json_t *doc, long long *id,
		     enum scim_change *change, const char *base, json_t **created, struct scim_error *err);

/* Makes user id what a normalized User document describes (PUT, and PATCH
 * after the engine ran), with its event; a console user becomes
 * source-owned. Deactivation ends the user's sessions. 0 (*change: what
 * it was, NONE when nothing changed), SCIM_REFUSED, or -1. */
int scim_user_replace(db *d, const char *account_id, const struct scim_writer *w, long long id, json_t *doc,
		      enum scim_change *change, struct scim_error *err);

/* Deletes user id (its sessions, groups, documents go with it), with its
 * event. 0, SCIM_REFUSED (the last Account Admin), or -1. */
int scim_user_delete(db *d, const char *account_id, long long id, struct scim_error *err);

/* A short hash of a normalized document: equal documents, equal prints
 * (a pull skips an unchanged user without a write). */
void scim_fingerprint(json_t *doc, char out[17]);

/* The document a PATCH applies to: the user's document as provisioned
 * (and patched) so far; for a console user, its resource without id, meta
 * and groups. NULL on an error. */
json_t *scim_user_patchable(db *d, const char *account_id, long long id, json_t *resource);

/* ---- what other screens use ---- */

/* 1 when a console user form field ("first_name", "last_name", "name",
 * "email", "mobile") belongs to the user's source and is read-only in the
 * console (guide §2.4: users from SCIM; the next sync would overwrite it). */
int user_field_source_owned(const char *user_source, const char *field);

/* Which SCIM client owns user_id (the note by its read-only fields, guide
 * §2.4): SCIM_OWNER_SERVER, the account's own SCIM server (Azure AD Sync);
 * SCIM_OWNER_SOURCE, one of its SCIM sources, whose name goes into
 * source (removing a source releases its users); 0 when no SCIM client
 * owns it; -1 on an error. */
#define SCIM_OWNER_SERVER 1
#define SCIM_OWNER_SOURCE 2
int scim_user_owner(db *d, const char *account_id, long long user_id, char *source, size_t size);

/* The user's SCIM document as provisioned (the Advanced section of Edit
 * User, guide §2.4), pretty-printed and malloc'd; NULL when the user has none. */
char *scim_user_document(db *d, const char *account_id, long long user_id);

/* Users of the account with a phone number (mobile, extension or any SCIM
 * phone number), active or not: the Phone Number Conflict Search (guide
 * §3.2.6). Calls fn per user, at most max; the number, or -1. */
struct phone_holder {
	long long id;
	const char *display_name, *email, *phone;
	int active;
};
typedef int (*phone_holder_fn)(void *ctx, const struct phone_holder *h);
int scim_phone_holders(db *d, const char *account_id, const char *phone, int max, phone_holder_fn fn, void *ctx);
#endif
