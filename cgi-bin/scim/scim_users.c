/* /scim/v2/<acct>/Users (RFC 7644 §3.3, §3.4.2; guide §3.2.6): the list
 * with filter, paging, sorting and projection — Entra's lookup of a user
 * by userName, answered from an index — and POST, which creates a user or
 * adopts the console user whose email is the userName. */
#include "cgi-bin/scim/scim_reply.h"
#include "lib/scim/resource.h"

int scim_users_answer(struct req *r, struct scim_params *p)
{
	char base[1200];
	scim_base(r, base, sizeof base);
	struct scim_list_query q = {
		.start = p->start,
		.count = p->count,
		.filter = p->filter,
		.sort_by = p->has_sort ? &p->sort_by : NULL,
		.descending = p->descending,
	};
	json_t *resources = NULL;
	long long total = 0;
	struct scim_error err = {0};
	int rc = scim_users_list(r->db, r->acct.id, &q, base, &resources, &total, &err);
	if (rc != 0) {
		json_decref(resources);
		scim_params_free(p);
		return rc < 0 ? scim_broken(r) : scim_refuse(r, &err);
	}
	rc = scim_list_reply(r, resources, total, p);
	scim_params_free(p);
	return rc;
}

int scim_users_get(struct req *r)
{
	struct scim_params p;
	struct scim_error err = {0};
	if (scim_params_from_query(r, &scim_user_type, &p, &err) != 0) {
		scim_params_free(&p);
		return scim_refuse(r, &err);
	}
	return scim_users_answer(r, &p);
}

struct create {
	json_t *doc;
	long long id;
	const char *base;
	json_t *res;                       /* the new user's resource; NULL for an adopted one */
	struct scim_error err;
};

static int create(struct req *r, void *arg)
{
	struct create *c = arg;
	enum scim_change change;
	struct scim_writer server = {0, NULL};
	json_decref(c->res);
	c->res = NULL;
	int rc = scim_user_create(r->db, r->acct.id, &server, c->doc, &c->id, &change, c->base, &c->res, &c->err);
	return rc == 0 ? scim_count(r, change) : rc;
}

int scim_users_post(struct req *r)
{
	struct create c = {0};
	struct scim_params p;
	if (scim_params_from_query(r, &scim_user_type, &p, &c.err) != 0 || !(c.doc = scim_body(r, &c.err)) ||
	    scim_normalize(c.doc, &scim_user_type, &c.err) != 0) {
		scim_params_free(&p);
		json_decref(c.doc);
		return scim_refuse(r, &c.err);
	}
	char base[1200];
	scim_base(r, base, sizeof base);
	c.base = base;
	int rc = scim_tx(r, create, &c);
	json_decref(c.doc);
	scim_params_free(&p);
	if (rc != 0) {
		json_decref(c.res);
		return rc < 0 ? scim_broken(r) : scim_refuse(r, &c.err);
	}
	/* an adopted user is read: it has a past (groups, times) */
	if (!c.res && scim_user_read(r->db, r->acct.id, c.id, 0, base, &c.res) != 1)
		return scim_broken(r);
	return scim_resource_reply(r, 201, c.res, &p);
}
