#ifndef SB_SCIM_GROUPS_H
#define SB_SCIM_GROUPS_H
/* Groups of an account's users as SCIM Groups (RFC 7643 §4.2): what a
 * provisioning client creates, renames, fills and empties. A group holds
 * users of its own account only. Writes run inside the caller's transaction
 * with their event (actor SCIM). Lists follow lib/scim_users.h's rule: an
 * index (id, displayName, externalId, members.value) or a small account,
 * else tooMany. */
#include "lib/core/db.h"
#include "lib/scim/error.h"
#include "lib/scim_users.h"

#include <jansson.h>

/* The Group resource of group id, its members too when with_members. 1, 0
 * not in the account, -1 error. */
int scim_group_read(db *d, const char *account_id, long long id, int for_update, int with_members, const char *base,
		    json_t **out);
int scim_groups_list(db *d, const char *account_id, const struct scim_list_query *q, int with_members,
		     const char *base, json_t **resources, long long *total, struct scim_error *err);
/* 0 (*id set), SCIM_REFUSED (invalidValue: a member that is no user of the
 * account), or -1. */
int scim_group_create(db *d, const char *account_id, json_t *doc, long long *id, struct scim_error *err);
/* Makes group id what doc (with its full member list) says. 0 (*changed:
 * whether anything did), SCIM_REFUSED, or -1. */
int scim_group_replace(db *d, const char *account_id, long long id, json_t *doc, int *changed, struct scim_error *err);
int scim_group_delete(db *d, const char *account_id, long long id, struct scim_error *err);
/* The document a PATCH applies to: the resource with its members, without id and meta. */
json_t *scim_group_patchable(json_t *resource);

/* ---- what other screens use ---- */

struct user_group {
	long long id;
	const char *name;
	long long members;
};
typedef int (*user_group_fn)(void *ctx, const struct user_group *g);
/* The groups user_id belongs to, by name (the user page); the number, or -1. */
int user_groups_of_user_each(db *d, const char *account_id, long long user_id, user_group_fn fn, void *ctx);
/* The account's groups by name, at most max (the Users list's Group filter); the number, or -1. */
int user_groups_each(db *d, const char *account_id, int max, user_group_fn fn, void *ctx);
/* The name of the account's group id (the filter's chip): 1, 0 no such
 * group in the account, -1 error. */
int user_group_name(db *d, const char *account_id, long long id, char *name, size_t size);
#endif
