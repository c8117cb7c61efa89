/* /scim/v2/<acct>/Groups (RFC 7644 §3.3, §3.4.2): the account's groups
 * (ch3 §8: they show on the user page and filter the Users list) — Entra
 * probes them with a filter on displayName — and POST, which creates one
 * with its members. */
#include "cgi-bin/scim/scim_reply.h"
#include "lib/scim/resource.h"
#include "lib/scim_groups.h"

int scim_groups_answer(struct req *r, struct scim_params *p)
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
	int rc = scim_groups_list(r->db, r->acct.id, &q, scim_params_shows(p, "members"), base, &resources, &total, &err);
	if (rc != 0) {
		json_decref(resources);
		scim_params_free(p);
		return rc < 0 ? scim_broken(r) : scim_refuse(r, &err);
	}
	rc = scim_list_reply(r, resources, total, p);
	scim_params_free(p);
	return rc;
}

int scim_groups_get(struct req *r)
{
	struct scim_params p;
	struct scim_error err = {0};
	if (scim_params_from_query(r, &scim_group_type, &p, &err) != 0) {
		scim_params_free(&p);
		return scim_refuse(r, &err);
	}
	return scim_groups_answer(r, &p);
}

struct create {
	json_t *doc;
	long long id;
	struct scim_error err;
};

static int create(struct req *r, void *arg)
{
	struct create *c = arg;
	int rc = scim_group_create(r->db, r->acct.id, c->doc, &c->id, &c->err);
	return rc == 0 ? scim_count(r, SCIM_CREATED) : rc;
}

int scim_groups_post(struct req *r)
{
	struct create c = {0};
	struct scim_params p;
	if (scim_params_from_query(r, &scim_group_type, &p, &c.err) != 0 || !(c.doc = scim_body(r, &c.err)) ||
	    scim_normalize(c.doc, &scim_group_type, &c.err) != 0) {
		scim_params_free(&p);
		json_decref(c.doc);
		return scim_refuse(r, &c.err);
	}
	int rc = scim_tx(r, create, &c);
	json_decref(c.doc);
	scim_params_free(&p);
	if (rc != 0)
		return rc < 0 ? scim_broken(r) : scim_refuse(r, &c.err);
	char base[1200];
	scim_base(r, base, sizeof base);
	json_t *res = NULL;
	if (scim_group_read(r->db, r->acct.id, c.id, 0, scim_params_shows(&p, "members"), base, &res) != 1)
		return scim_broken(r);
	return scim_resource_reply(r, 201, res, &p);
}
