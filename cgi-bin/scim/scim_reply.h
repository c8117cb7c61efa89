#ifndef SB_SCIM_REPLY_H
#define SB_SCIM_REPLY_H
/* What the SCIM endpoints share (RFC 7644): the list parameters of a query
 * string or a SearchRequest, projections, conditional requests on
 * meta.version, and answers — application/scim+json documents and SCIM
 * Error messages, each refusal also recorded in the account's
 * Provisioning activity. */
#include "cgi-bin/core/request.h"
#include "lib/scim/filter.h"
#include "lib/scim_users.h"

#define SCIM_ATTRS_MAX 32

/* A list's parameters (RFC 7644 §3.4.2), read from the query string
 * (GET) or a SearchRequest body (POST .search). */
struct scim_params {
	struct scim_filter *filter;
	struct scim_path sort_by;
	int has_sort, descending;
	long start, count;
	struct scim_path attrs[SCIM_ATTRS_MAX], excluded[SCIM_ATTRS_MAX];
	int n_attrs, n_excluded;
};

/* From the query string: 0, or -1 with err. Unknown parameters (Entra's
 * aadOptscim062020) are ignored. */
int scim_params_from_query(struct req *r, const struct scim_resource_type *t, struct scim_params *p,
			   struct scim_error *err);
/* From a SearchRequest body (r->json). */
int scim_params_from_search(struct req *r, const struct scim_resource_type *t, struct scim_params *p,
			    struct scim_error *err);
void scim_params_free(struct scim_params *p);
/* Whether the answer shows attribute name (top-level, core schema) at all. */
int scim_params_shows(const struct scim_params *p, const char *name);

/* The service's base URL for the request's account. */
void scim_base(struct req *r, char *out, size_t size);

/* Answers a ListResponse of resources (taken), each cut by p. DONE. */
int scim_list_reply(struct req *r, json_t *resources, long long total, const struct scim_params *p);
/* Answers one resource (taken), cut by p (may be NULL), with its ETag;
 * 201 sets Location. DONE. */
int scim_resource_reply(struct req *r, int status, json_t *resource, const struct scim_params *p);
/* Answers 204 No Content. DONE. */
int scim_no_content(struct req *r);

/* Records the refusal in the Provisioning activity and answers the SCIM
 * Error message. DONE. */
int scim_refuse(struct req *r, const struct scim_error *err);
/* After a database error: records it and answers 500. */
int scim_broken(struct req *r);

/* If-Match (RFC 7644 §3.14): 1 when the request may change resource (no
 * header, "*", or one of its tags is the resource's version), else 0 with
 * err (412). */
int scim_if_match(struct req *r, json_t *resource, struct scim_error *err);
/* If-None-Match on a GET: 1 when the client's copy is current (answer 304). */
int scim_not_modified(struct req *r, json_t *resource);

/* tx() (request.h), run again when the database chose it as a deadlock's
 * victim or a cluster refused its commit: concurrent provisioning requests
 * meet on the same account. Returns as tx(). */
int scim_tx(struct req *r, int (*body)(struct req *r, void *arg), void *arg);

/* Counts the change in the activity, inside the request's transaction. */
int scim_count(struct req *r, enum scim_change change);

/* The lists of Users and Groups p asks for (GET and POST .search); free p. */
int scim_users_answer(struct req *r, struct scim_params *p);
int scim_groups_answer(struct req *r, struct scim_params *p);

/* The request's JSON body as a resource document (a copy), or NULL with err. */
json_t *scim_body(struct req *r, struct scim_error *err);
#endif
