/* Edit Role (guide §2.14): a role's name, description and permissions (its
 * base stays), with the Accounts tab, Duplicate Role and Delete Role. Who
 * may only view sees the matrix read-only. A save writes the role and one
 * "role.update" event; its holders get the new permissions on their next
 * request, since the front line reads them on every one. The front line
 * loaded the role within the user's reach (r->obj.role) and checked the
 * name and description. */
#include "cgi-bin/core/loaders.h"
#include "cgi-bin/core/request.h"
#include "cgi-bin/roles/role_form.h"

#include <stdio.h>

#define GONE 2   /* tx refusal: the role went away meanwhile */

int role_edit_get(struct req *r)
{
	const struct custom_role *role = &r->obj.role;
	role_publish(r, role);
	hdf_set_value(r->hdf, "Page.Title", role->name);
	unsigned sel[FEAT_COUNT];
	/* After a failed save, the matrix as the person left it. */
	if (form_has_errors(r))
		role_read_selection(r, role->base, sel);
	else if (perm_selection_parse(role->base, role->grants, sel) != 0)
		return SERVER_ERROR;
	perm_selection_clean(role->base, sel);
	role_publish_matrix(r, role->base, sel);
	form_default(r, "name", role->name);
	form_default(r, "description", role->description);
	return DONE;
}

/* The update and its event, against the role as it stands under lock. */
static int save(struct req *r, void *arg)
{
	const struct role_fields *f = arg;
	struct role_reach reach = role_reach_of(r);
	struct custom_role now;
	int found = roles_find(r->db, &reach, r->obj.role.id, 1, &now);
	if (found != 1)
		return found < 0 ? -1 : GONE;
	json_t *changes = json_object();
	if (!changes)
		return -1;
	audit_change(changes, "name", now.name, f->name);
	audit_change(changes, "description", now.description, f->description);
	audit_change(changes, "permissions", now.grants, f->grants);
	int rc = 0;
	if (json_object_size(changes) > 0) {
		char id[24];
		role_id_text(now.id, id);
		rc = roles_update(r->db, now.partner_id, now.id, f, r->me.name);
		if (rc == 0)
			rc = event(r, now.partner_id, "role.update", "role", id, f->name, changes);
	}
	json_decref(changes);
	return rc;
}

int role_edit_post(struct req *r)
{
	const struct custom_role *role = &r->obj.role;
	if (form_has_errors(r))
		return invalid(r);
	unsigned sel[FEAT_COUNT];
	role_read_selection(r, role->base, sel);
	char grants[GRANTS_TEXT_MAX];
	perm_selection_format(role->base, sel, grants, sizeof grants);
	struct role_fields f = {in(r, "name"), in(r, "description"), role->base, grants};
	int rc = tx(r, save, &f);
	if (rc == 1) {
		field_error(r, "name", "roles.role_form.name_taken");
		return invalid(r);
	}
	if (rc == GONE)
		return NOT_FOUND;
	if (rc != 0)
		return SERVER_ERROR;
	return done(r, "flash.role_saved", "/roles/%lld", role->id);
}
