/* /scim/v2/<acct>/Groups/<id> (RFC 7644 §3.4.1, §3.5, §3.6): read (members
 * too unless excluded), replace, PATCH — members added and removed by
 * value, by value filter or, in Entra's dialect, by a value list — and
 * DELETE, which leaves the users as they were. */
#include "cgi-bin/scim/scim_reply.h"
#include "lib/scim/patch.h"
#include "lib/scim/resource.h"
#include "lib/scim_groups.h"

int scim_groups_item_get(struct req *r)
{
	struct scim_params p;
	struct scim_error err = {0};
	if (scim_params_from_query(r, &scim_group_type, &p, &err) != 0) {
		scim_params_free(&p);
		return scim_refuse(r, &err);
	}
	scim_params_free(&p);
	char base[1200];
	scim_base(r, base, sizeof base);
	json_t *res = NULL;
	int rc = scim_group_read(r->db, r->acct.id, r->id, 0, scim_params_shows(&p, "members"), base, &res);
	if (rc < 0)
		return scim_broken(r);
	if (rc == 0) {
		scim_fail(&err, 404, "", "no group %lld in this account", r->id);
		return scim_refuse(r, &err);
	}
	if (scim_not_modified(r, res)) {
		json_decref(res);
		int done = scim_no_content(r);
		r->status = 304;
		return done;
	}
	return scim_resource_reply(r, 200, res, &p);
}

struct change {
	int patch, remove, changed;
	struct scim_error err;
};

static int change(struct req *r, void *arg)
{
	struct change *c = arg;
	char base[1200];
	scim_base(r, base, sizeof base);
	json_t *now = NULL;
	int rc = scim_group_read(r->db, r->acct.id, r->id, 1, c->patch, base, &now);
	if (rc != 1)
		return rc < 0 ? -1 : (scim_fail(&c->err, 404, "", "no group %lld in this account", r->id), SCIM_REFUSED);
	if (!scim_if_match(r, now, &c->err)) {
		json_decref(now);
		return SCIM_REFUSED;
	}
	if (c->remove) {
		json_decref(now);
		rc = scim_group_delete(r->db, r->acct.id, r->id, &c->err);
		return rc == 0 ? scim_count(r, SCIM_DELETED) : rc;
	}
	json_t *doc;
	if (c->patch) {
		json_t *current = scim_group_patchable(now);
		doc = scim_patch(current, r->json, &scim_group_type, &c->err);
		json_decref(current);
	} else if ((doc = scim_body(r, &c->err)) && scim_normalize(doc, &scim_group_type, &c->err) != 0) {
		json_decref(doc);
		doc = NULL;
	}
	json_decref(now);
	if (!doc)
		return SCIM_REFUSED;
	rc = scim_group_replace(r->db, r->acct.id, r->id, doc, &c->changed, &c->err);
	json_decref(doc);
	return rc == 0 && c->changed ? scim_count(r, SCIM_UPDATED) : rc;
}

static int apply(struct req *r, int patch, int remove)
{
	struct change c = {.patch = patch, .remove = remove};
	struct scim_params p;
	if (scim_params_from_query(r, &scim_group_type, &p, &c.err) != 0) {
		scim_params_free(&p);
		return scim_refuse(r, &c.err);
	}
	scim_params_free(&p);
	if (!remove && !r->json) {
		scim_fail(&c.err, 400, "invalidSyntax", "the request needs a JSON body");
		return scim_refuse(r, &c.err);
	}
	int rc = scim_tx(r, change, &c);
	if (rc != 0)
		return rc < 0 ? scim_broken(r) : scim_refuse(r, &c.err);
	/* A group's members may be many: a PATCH answers 204 unless the
	 * client asks for attributes (RFC 7644 §3.5.2). */
	if (remove || (patch && p.n_attrs == 0))
		return scim_no_content(r);
	char base[1200];
	scim_base(r, base, sizeof base);
	json_t *res = NULL;
	if (scim_group_read(r->db, r->acct.id, r->id, 0, scim_params_shows(&p, "members"), base, &res) != 1)
		return scim_broken(r);
	return scim_resource_reply(r, 200, res, &p);
}

int scim_groups_item_put(struct req *r) { return apply(r, 0, 0); }
int scim_groups_item_patch(struct req *r) { return apply(r, 1, 0); }
int scim_groups_item_delete(struct req *r) { return apply(r, 0, 1); }
