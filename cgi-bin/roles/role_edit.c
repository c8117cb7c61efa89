/* Edit Role (guide §2.14): a role's name, description and permissions (its
 * base stays), with the Accounts tab, Duplicate Role and Delete Role. Who
 * may only view sees the matrix read-only. A save writes the role and one
 * "role.update" event; its holders get the new permissions on their next
 * request, since the front line reads them on every one. */
#include "cgi-bin/roles/role_form.h"
#include "cgi-bin/core/request.h"

#include <stdio.h>
#include <stdlib.h>

static int load(struct req *r, int for_update)
{
	int found = role_load(r, for_update);
	return found == 1 ? 1 : found == 0 ? NOT_FOUND : SERVER_ERROR;
}

int role_edit_get(struct req *r)
{
	int rc = load(r, 0);
	if (rc != 1)
		return rc;
	hdf_set_value(r->hdf, "Page.Title", hdf_get_value(r->hdf, "Role.name", ""));
	enum base_role b = role_base(r);
	unsigned sel[FEAT_COUNT];
	if (perm_selection_parse(b, hdf_get_value(r->hdf, "Role.grants", ""), sel) != 0)
		return SERVER_ERROR;
	perm_selection_clean(b, sel);
	role_publish_matrix(r, b, sel);
	hdf_set_value(r->hdf, "Form.Values.name", hdf_get_value(r->hdf, "Role.name", ""));
	hdf_set_value(r->hdf, "Form.Values.description", hdf_get_value(r->hdf, "Role.description", ""));
	return DONE;
}

int role_edit_post(struct req *r)
{
	int rc = load(r, 0);
	if (rc != 1)
		return rc;
	hdf_set_value(r->hdf, "Page.Title", hdf_get_value(r->hdf, "Role.name", ""));
	enum base_role b = role_base(r);
	unsigned sel[FEAT_COUNT];
	role_read_selection(r, b, sel);
	long long id = strtoll(r->path_id, NULL, 10); /* valid_id: 1 to 18 digits */
	int fields = role_read_fields(r, id);
	if (fields < 0)
		return SERVER_ERROR;
	if (fields == 0) {
		role_publish_matrix(r, b, sel);
		r->status = 422;
		return DONE;
	}
	char grants[GRANTS_TEXT_MAX];
	perm_selection_format(b, sel, grants, sizeof grants);

	if (db_begin(r->db) != 0 || load(r, 1) != 1)
		goto fail;
	json_t *changes = json_object();
	if (!changes)
		goto fail;
	audit_change(changes, "name", hdf_get_value(r->hdf, "Role.name", ""), form(r, "name"));
	audit_change(changes, "description", hdf_get_value(r->hdf, "Role.description", ""), form(r, "description"));
	audit_change(changes, "permissions", hdf_get_value(r->hdf, "Role.grants", ""), grants);
	if (json_object_size(changes) > 0) {
		struct actor me = me_actor(r);
		long long n = db_exec(r->db,
			"UPDATE roles SET name = ?, description = ?, grants = ?, updated_at = UTC_TIMESTAMP(),"
			" updated_by_name = ? WHERE id = ? AND partner_id = ?",
			"ssssis", form(r, "name"), form(r, "description"), grants, r->me.name, id, r->me.partner_id);
		if (n < 0 && db_errno(r->db) == 1062) {
			json_decref(changes);
			db_rollback(r->db);
			field_error(r, "name", "roles.errors.name_taken");
			role_publish_matrix(r, b, sel);
			r->status = 422;
			return DONE;
		}
		if (n != 1 || audit_event(r->db, r->me.partner_id, &me, "role.update", "role", r->path_id,
					  form(r, "name"), changes) != 0) {
			json_decref(changes);
			goto fail;
		}
	}
	json_decref(changes);
	if (db_commit(r->db) != 0)
		goto fail;
	flash(r, "flash.role_saved");
	redirect(r, "/roles/%lld", id);
	return DONE;
fail:
	db_rollback(r->db);
	return SERVER_ERROR;
}
