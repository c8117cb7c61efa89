/* New Role and Duplicate Role (guide §2.14): a name, an optional
 * description, the base role (Partner by default; a duplicate keeps its
 * original's) and the Permissions matrix, every applicable cell granted to
 * start with (a duplicate starts from its original's). The role and its
 * "role.create" event are written in one transaction. */
#include "cgi-bin/roles/role_form.h"
#include "cgi-bin/core/request.h"

#include <stdio.h>
#include <string.h>

/* A duplicate's original (Role.*), 1 when found, else NOT_FOUND or SERVER_ERROR. */
static int load_original(struct req *r)
{
	int found = role_load(r, 0);
	return found == 1 ? 1 : found == 0 ? NOT_FOUND : SERVER_ERROR;
}

static void publish_both(struct req *r, const unsigned partner[FEAT_COUNT], const unsigned admin[FEAT_COUNT])
{
	role_publish_matrix(r, BASE_PARTNER, partner);
	role_publish_matrix(r, BASE_ADMIN, admin);
}

static int start(struct req *r, int duplicate)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, duplicate ? "roles.duplicate_title" : "roles.new_title"));
	if (!duplicate)
		return DONE;
	int rc = load_original(r);
	if (rc != 1)
		return rc;
	hdf_set_value(r->hdf, "Form.Duplicate", "1");
	hdf_set_value(r->hdf, "Form.Values.base", hdf_get_value(r->hdf, "Role.base", ""));
	return DONE;
}

static int show(struct req *r, int duplicate)
{
	int rc = start(r, duplicate);
	if (rc != DONE)
		return rc;
	unsigned partner[FEAT_COUNT], admin[FEAT_COUNT];
	perm_selection_full(BASE_PARTNER, partner);
	perm_selection_full(BASE_ADMIN, admin);
	if (duplicate) {
		enum base_role b = role_base(r);
		unsigned *sel = b == BASE_ADMIN ? admin : partner;
		if (perm_selection_parse(b, hdf_get_value(r->hdf, "Role.grants", ""), sel) != 0)
			return SERVER_ERROR;
		perm_selection_clean(b, sel);
		char name[ROLE_NAME_MAX * 4 + 64];
		snprintf(name, sizeof name, "%s %s", hdf_get_value(r->hdf, "Role.name", ""), lang(r, "roles.copy_suffix"));
		hdf_set_value(r->hdf, "Form.Values.name", name);
		hdf_set_value(r->hdf, "Form.Values.description", hdf_get_value(r->hdf, "Role.description", ""));
	} else {
		hdf_set_value(r->hdf, "Form.Values.base", "partner");
	}
	publish_both(r, partner, admin);
	return DONE;
}

int role_new_get(struct req *r)
{
	return show(r, r->path_id[0] != 0);
}

static int insert(struct req *r, enum base_role b, const char *grants, long long *id)
{
	struct actor me = me_actor(r);
	const char *name = form(r, "name");
	if (db_exec(r->db,
		    "INSERT INTO roles (partner_id, name, description, base, grants, created_at, updated_at, updated_by_name)"
		    " VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(), ?)",
		    "ssssss", r->me.partner_id, name, form(r, "description"), base_key(b), grants, r->me.name) != 1)
		return -1;
	*id = (long long)db_insert_id(r->db);
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", *id);
	json_t *details = json_pack("{s:s,s:s,s:s}", "base", base_key(b), "permissions", grants, "description",
				    form(r, "description"));
	if (r->path_id[0])
		json_object_set_new(details, "duplicate_of", json_string(r->path_id));
	int rc = details ? audit_event(r->db, r->me.partner_id, &me, "role.create", "role", id_text, name, details) : -1;
	json_decref(details);
	return rc;
}

int role_new_post(struct req *r)
{
	int duplicate = r->path_id[0] != 0;
	int rc = start(r, duplicate);
	if (rc != DONE)
		return rc;
	enum base_role b = BASE_PARTNER;
	if (duplicate)
		b = role_base(r);
	else if (!base_from_key(form(r, "base"), &b))
		field_error(r, "base", "errors.invalid_choice");
	else
		hdf_set_value(r->hdf, "Form.Values.base", base_key(b));
	unsigned partner[FEAT_COUNT], admin[FEAT_COUNT];
	role_read_selection(r, BASE_PARTNER, partner);
	role_read_selection(r, BASE_ADMIN, admin);
	int fields = role_read_fields(r, 0);
	if (fields < 0)
		return SERVER_ERROR;
	if (fields == 0 || form_has_errors(r)) {
		publish_both(r, partner, admin);
		r->status = 422;
		return DONE;
	}
	char grants[GRANTS_TEXT_MAX];
	perm_selection_format(b, b == BASE_ADMIN ? admin : partner, grants, sizeof grants);
	long long id = 0;
	if (db_begin(r->db) != 0)
		return SERVER_ERROR;
	if (insert(r, b, grants, &id) != 0 || db_commit(r->db) != 0) {
		int taken = db_errno(r->db) == 1062;
		db_rollback(r->db);
		if (!taken)
			return SERVER_ERROR;
		/* Someone took the name between the check and the insert. */
		field_error(r, "name", "roles.errors.name_taken");
		publish_both(r, partner, admin);
		r->status = 422;
		return DONE;
	}
	flash(r, "flash.role_created");
	redirect(r, "/roles/%lld", id);
	return DONE;
}
