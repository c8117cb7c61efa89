#ifndef SB_SCIM_MAPPING_H
#define SB_SCIM_MAPPING_H
/* SCIM Users and Groups against the console's users and groups (guide
 * §3.2.6; ch3 §8.2): which attributes fill which columns, what is required
 * (userName; one of displayName, name.givenName, name.familyName; a work
 * email), phone numbers in E.164, and the resource a GET answers — the
 * columns over the document as it was provisioned, so nothing a client sent
 * is lost and nothing the console holds is contradicted. Pure. */
#include "lib/core/validate.h"
#include "lib/scim/error.h"

#include <jansson.h>

/* Emails and phone numbers a user may carry: each must be unique in the account. */
#define SCIM_VALUES_MAX 10

struct scim_user_fields {
	char user_name[1024];
	char external_id[1024];
	char first_name[404], last_name[404], name[804], display_name[1024];
	char email[256];                   /* the work (else primary, else first) email: the sign-in email */
	char mobile[PHONE_MAX + 1];        /* phoneNumbers[type eq "mobile"], E.164, or "" */
	int active;
	char emails[SCIM_VALUES_MAX][256];
	int n_emails;
	char phones[SCIM_VALUES_MAX][PHONE_MAX + 1];   /* every phone number, E.164 */
	int n_phones;
};

/* The columns of a normalized User document. 0, or -1 with err
 * (invalidValue naming the attribute). */
int scim_user_fields(json_t *doc, struct scim_user_fields *out, struct scim_error *err);

/* What the console holds of a user. */
struct scim_user_view {
	long long id;
	const char *user_name;             /* the SCIM userName; "" or NULL: the email (a console user) */
	const char *external_id;
	const char *first_name, *last_name, *name, *display_name, *email, *mobile;
	int active;
	const char *created, *modified;    /* "YYYY-MM-DD HH:MM:SS", UTC */
};

/* The User resource: doc (as provisioned, or NULL) with the columns laid
 * over it, groups (an array of {value, display}, or NULL) and meta with
 * location and version. base: the service's base URL. */
json_t *scim_user_resource(const struct scim_user_view *u, json_t *doc, json_t *groups, const char *base);

struct scim_group_fields {
	char display_name[1024];
	char external_id[1024];
	long long *members;                /* user ids, malloc'd (free it); may be NULL when none */
	int n_members;
};

/* The columns and member ids of a normalized Group document. Members must
 * be users (numeric ids). 0, or -1 with err. */
int scim_group_fields(json_t *doc, struct scim_group_fields *out, struct scim_error *err);

struct scim_group_view {
	long long id;
	const char *display_name, *external_id;
	const char *created, *modified;
	long long version;                 /* counts its changes, members too: the ETag */
};

/* The Group resource: doc with the columns, members (an array of {value,
 * display}, or NULL to leave them out) and meta (whose version is the
 * counter: a group's members may be many, and need not be read for it). */
json_t *scim_group_resource(const struct scim_group_view *g, json_t *doc, json_t *members, const char *base);

/* The resource's version (its ETag): a hash of its content, W/"…". */
void scim_version(json_t *resource, char out[40]);
#endif
