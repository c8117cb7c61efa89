/* Delete Role (guide §2.14): confirmed by typing "delete". A role still held
 * by users is not deleted until they have been given another role. The row
 * (with its account assignments) and a "role.delete" event go together. */
#include "cgi-bin/roles/role_form.h"
#include "cgi-bin/core/request.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CONFIRM_WORD "delete"

/* Loads the role; DONE with the refusal shown (409) when users hold it, 1 to go on. */
static int start(struct req *r, int for_update)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "roles.delete_title"));
	int found = role_load(r, for_update);
	if (found != 1)
		return found == 0 ? NOT_FOUND : SERVER_ERROR;
	long long holders = strtoll(hdf_get_value(r->hdf, "Role.users", "0"), NULL, 10);
	if (holders > 0) {
		char text[512];
		lang_number(r, holders == 1 ? "roles.delete_held_one" : "roles.delete_held", (long)holders, text,
			    sizeof text);
		hdf_set_value(r->hdf, "Delete.Refused", text);
		r->status = 409;
		return DONE;
	}
	hdf_set_value(r->hdf, "Delete.Word", CONFIRM_WORD);
	return 1;
}

int role_delete_get(struct req *r)
{
	int rc = start(r, 0);
	return rc == 1 ? DONE : rc;
}

int role_delete_post(struct req *r)
{
	int rc = start(r, 0);
	if (rc != 1)
		return rc;
	if (strcmp(form(r, "confirm"), CONFIRM_WORD) != 0) {
		field_error(r, "confirm", "errors.typed_word");
		r->status = 422;
		return DONE;
	}
	if (db_begin(r->db) != 0)
		return SERVER_ERROR;
	/* Decided again on the locked row: a user given the role meanwhile keeps it. */
	rc = start(r, 1);
	if (rc != 1) {
		db_rollback(r->db);
		return rc;
	}
	struct actor me = me_actor(r);
	long long id = strtoll(r->path_id, NULL, 10); /* valid_id: 1 to 18 digits */
	json_t *details = json_pack("{s:s,s:s}", "base", hdf_get_value(r->hdf, "Role.base", ""), "permissions",
				    hdf_get_value(r->hdf, "Role.grants", ""));
	if (!details || db_exec(r->db, "DELETE FROM roles WHERE id = ? AND partner_id = ?", "is", id,
				r->me.partner_id) != 1 ||
	    audit_event(r->db, r->me.partner_id, &me, "role.delete", "role", r->path_id,
			hdf_get_value(r->hdf, "Role.name", ""), details) != 0 ||
	    db_commit(r->db) != 0) {
		json_decref(details);
		db_rollback(r->db);
		return SERVER_ERROR;
	}
	json_decref(details);
	flash(r, "flash.role_deleted");
	redirect(r, "/roles");
	return DONE;
}
