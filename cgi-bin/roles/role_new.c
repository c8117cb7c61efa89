/* New Role and Duplicate Role (guide §2.14): a name, an optional
 * description, the base role (Partner by default; a duplicate keeps its
 * original's) and the Permissions matrix, every applicable cell granted to
 * start with (a duplicate starts from its original's). The duplicate's
 * route loaded the original within the user's reach (r->obj.role); New
 * Role has none. The role and its "role.create" event are written in one
 * transaction. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/roles/role_form.h"

#include <stdio.h>

/* The role a duplicate starts from, or NULL for New Role. */
static const struct custom_role *original_of(struct req *r)
{
	return r->obj.role.id ? &r->obj.role : NULL;
}

int role_new_get(struct req *r)
{
	const struct custom_role *original = original_of(r);
	hdf_set_value(r->hdf, "Page.Title", lang(r, original ? "roles.role_new.duplicate_title" : "roles.role_new.title"));
	unsigned partner[FEAT_COUNT], admin[FEAT_COUNT];
	if (form_has_errors(r)) {
		/* After a failed save, the matrices as the person left them. */
		role_read_selection(r, BASE_PARTNER, partner);
		role_read_selection(r, BASE_ADMIN, admin);
	} else {
		perm_selection_full(BASE_PARTNER, partner);
		perm_selection_full(BASE_ADMIN, admin);
	}
	if (original) {
		role_publish(r, original);
		hdf_set_value(r->hdf, "Form.Duplicate", "1");
		unsigned *sel = original->base == BASE_ADMIN ? admin : partner;
		if (!form_has_errors(r)) {
			if (perm_selection_parse(original->base, original->grants, sel) != 0)
				return SERVER_ERROR;
			perm_selection_clean(original->base, sel);
		}
		char name[sizeof original->name + 64];
		snprintf(name, sizeof name, "%s %s", original->name, lang(r, "roles.role_new.copy_suffix"));
		form_default(r, "name", name);
		form_default(r, "description", original->description);
	}
	form_default(r, "base", base_key(original ? original->base : BASE_PARTNER));
	role_publish_matrix(r, BASE_PARTNER, partner);
	role_publish_matrix(r, BASE_ADMIN, admin);
	return DONE;
}

struct creation {
	struct role_fields fields;
	const struct custom_role *original;
	long long id;
};

static int create(struct req *r, void *arg)
{
	struct creation *c = arg;
	const struct role_fields *f = &c->fields;
	int rc = roles_insert(r->db, r->me.partner_id, f, r->me.name, &c->id);
	if (rc != 0)
		return rc;
	char id[24];
	role_id_text(c->id, id);
	json_t *details = json_pack("{s:s,s:s,s:s}", "base", base_key(f->base), "permissions", f->grants, "description",
				    f->description);
	if (!details)
		return -1;
	if (c->original) {
		char original[24];
		role_id_text(c->original->id, original);
		json_object_set_new(details, "duplicate_of", json_string(original));
	}
	rc = event(r, r->me.partner_id, "role.create", "role", id, f->name, details);
	json_decref(details);
	return rc;
}

int role_new_post(struct req *r)
{
	struct creation c = {.original = original_of(r)};
	enum base_role b = BASE_PARTNER;
	if (c.original)
		b = c.original->base;
	else if (!base_from_key(in(r, "base"), &b))
		field_error(r, "base", "errors.invalid_choice");
	if (form_has_errors(r))
		return invalid(r);
	unsigned sel[FEAT_COUNT];
	role_read_selection(r, b, sel);
	char grants[GRANTS_TEXT_MAX];
	perm_selection_format(b, sel, grants, sizeof grants);
	c.fields = (struct role_fields){in(r, "name"), in(r, "description"), b, grants};
	int rc = tx(r, create, &c);
	if (rc == 1) {
		field_error(r, "name", "roles.role_form.name_taken");
		return invalid(r);
	}
	if (rc != 0)
		return SERVER_ERROR;
	return done(r, "flash.role_created", "/roles/%lld", c.id);
}
