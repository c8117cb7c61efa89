/* Delete Role (guide §2.14): confirmed by typing "delete" (the route
 * table's word, checked by the front line). A role still held by users is
 * not deleted until they have been given another role. The row (with its
 * account assignments) and a "role.delete" event go together. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/roles/role_form.h"

#include <stdio.h>

#define CONFIRM_WORD "delete"   /* routes.def's .confirm of POST /roles/:id/delete */
#define HELD 1                  /* tx refusals: users hold the role, */
#define GONE 2                  /* or it was deleted meanwhile */

/* DONE with the refusal shown (409) when users hold the role, 1 to go on. */
static int refused_if_held(struct req *r, long long holders)
{
	if (holders == 0)
		return 1;
	char text[512];
	lang_number(r, holders == 1 ? "roles.role_delete.held_one" : "roles.role_delete.held", (long)holders, text,
		    sizeof text);
	hdf_set_value(r->hdf, "Delete.Refused", text);
	r->status = 409;
	return DONE;
}

int role_delete_get(struct req *r)
{
	role_publish(r, &r->obj.role);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "roles.role_delete.title"));
	hdf_set_value(r->hdf, "Delete.Word", CONFIRM_WORD);
	int rc = refused_if_held(r, r->obj.role.users);
	return rc == 1 ? DONE : rc;
}

/* Decided again on the locked row: a user given the role meanwhile keeps it. */
static int remove_role(struct req *r, void *arg)
{
	struct custom_role *now = arg;
	const struct role_reach own = {r->obj.role.partner_id, "", 0};
	int found = roles_find(r->db, &own, r->obj.role.id, 1, now);
	if (found != 1)
		return found < 0 ? -1 : GONE;
	if (now->users > 0)
		return HELD;
	char id[24];
	role_id_text(now->id, id);
	json_t *details = json_pack("{s:s,s:s}", "base", base_key(now->base), "permissions", now->grants);
	int rc = details && roles_delete(r->db, now->partner_id, now->id) == 0 ? 0 : -1;
	if (rc == 0)
		rc = event(r, now->partner_id, "role.delete", "role", id, now->name, details);
	json_decref(details);
	return rc;
}

int role_delete_post(struct req *r)
{
	struct custom_role now;
	int rc = tx(r, remove_role, &now);
	if (rc == HELD) {
		role_publish(r, &now);
		hdf_set_value(r->hdf, "Page.Title", lang(r, "roles.role_delete.title"));
		return refused_if_held(r, now.users);
	}
	if (rc == GONE)
		return NOT_FOUND;
	if (rc != 0)
		return SERVER_ERROR;
	return done(r, "flash.role_deleted", "/roles");
}
