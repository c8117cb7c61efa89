/* Edit User (guide §2.4): the person's names, email and mobile number, and
 * the role: User, Account Admin or a custom Administrator-based role
 * assigned to the account for a customer account's user; for partner staff
 * their own role or a custom Partner-based role (guide §2.14). Changing a
 * role takes Roles and Permissions' Assign (§2.14.5): without it the role
 * is shown, and a request to change it is refused. Status, Source and
 * Created are shown read-only. Whoever may view but not save (the route
 * table: account managers, for partner staff) sees it all read-only. The
 * fields a user's source owns stay as the source has them, shown
 * read-only with a note naming it (guide §2.4 notes): a PBX the user is
 * synced from (lib/pbx_links.h pbx_owned_field), or the SCIM client that
 * provisioned it, Azure AD Sync or a SCIM source (guide §3.2.6;
 * lib/scim_users.h user_field_source_owned). A SCIM-provisioned user's page
 * also shows, read-only, the SCIM document it was provisioned with (the
 * guide's Advanced section, §2.4 notes). A save writes the row and one
 * "user.update" event listing what changed. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/users/user_form.h"
#include "cgi-bin/users/user_licenses.h"
#include "lib/accounts.h"
#include "lib/mivb/services.h"
#include "lib/pbx_links.h"
#include "lib/scim_groups.h"
#include "lib/scim_users.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LAST_ADMIN 1
#define EMAIL_TAKEN 2
#define GONE 3

/* The fields of the form a source may own, with their stored values. */
#define OWNABLE 5
static void ownable(const struct user *u, const char *names[OWNABLE], const char *values[OWNABLE])
{
	const char *n[OWNABLE] = {"first_name", "last_name", "name", "email", "mobile"};
	const char *v[OWNABLE] = {u->first_name, u->last_name, u->name, u->email, u->mobile};
	memcpy(names, n, sizeof n);
	memcpy(values, v, sizeof v);
}

/* text with "{source}" replaced by source: lang text is never a format. */
static void with_source(const char *text, const char *source, char *out, size_t size)
{
	const char *at = strstr(text, "{source}");
	if (!at)
		snprintf(out, size, "%s", text);
	else
		snprintf(out, size, "%.*s%s%s", (int)(at - text), text, source, at + 8);
}

/* User.Owned.<field>: for each field a source owns, the note that says
 * which (the template draws it read-only; keep_owned keeps its value). A
 * PBX's claim comes first; a SCIM client owns the rest of its fields.
 * synced_from_pbx: whether a PBX has the user. User.ScimDocument: the SCIM
 * document of a user a SCIM client owns, as stored (the Advanced section). */
static int publish_owned(struct req *r, HDF *h, int *synced_from_pbx)
{
	const struct user *u = &r->obj.user;
	int synced = pbx_user_synced(r->db, r->acct.id, u->id);
	if (synced < 0)
		return -1;
	*synced_from_pbx = synced;
	char source[256], scim_note[512], key[64];
	int scim = scim_user_owner(r->db, r->acct.id, u->id, source, sizeof source);
	if (scim < 0)
		return -1;
	if (scim) {
		char *doc = scim_user_document(r->db, r->acct.id, u->id);
		if (doc)
			hdf_set_value(h, "ScimDocument", doc);
		free(doc);
	}
	if (scim == SCIM_OWNER_SOURCE)
		with_source(lang(r, "users.user_edit.scim_source_owned"), source, scim_note, sizeof scim_note);
	else if (scim == SCIM_OWNER_SERVER)
		with_source(lang(r, "users.user_edit.scim_owned"), lang(r, "integrations.azure_ad_sync.title"), scim_note,
			    sizeof scim_note);
	const char *names[OWNABLE], *values[OWNABLE];
	ownable(u, names, values);
	for (int i = 0; i < OWNABLE; i++) {
		const char *note = synced && pbx_owned_field(names[i]) ? lang(r, "users.user_edit.pbx_owned")
				 : scim && user_field_source_owned(u->source, names[i]) ? scim_note
				 : NULL;
		if (note) {
			snprintf(key, sizeof key, "Owned.%s", names[i]);
			hdf_set_value(h, key, note);
		}
	}
	return 0;
}

struct groups {
	HDF *h;
	int n;
};

static int publish_group(void *ctx, const struct user_group *g)
{
	struct groups *gs = ctx;
	char key[48];
	snprintf(key, sizeof key, "Groups.%d.id", gs->n);
	hdf_set_valuef(gs->h, "%s=%lld", key, g->id);
	snprintf(key, sizeof key, "Groups.%d.name", gs->n++);
	hdf_set_value(gs->h, key, g->name);
	return 0;
}

/* Products and licenses → MiVoice Business Service (guide §3.1.2.1), on an
 * account with the MiVoice Business integration, for a user its PBX has:
 * MiVoice Business (no service assigned) with Complete setup, or the user's
 * service category with Upgrade Service, and the Settings of its User
 * Configuration. */
static int publish_mivb_service(struct req *r, int synced)
{
	char path[160], pbx_id[65], category[65];
	snprintf(path, sizeof path, "/a/%s/users/%lld/mivb/service", r->acct.id, r->obj.user.id);
	if (!synced || !allowed(r, "GET", path))
		return 0;
	int found = mivb_user_service(r->db, r->acct.id, r->obj.user.id, pbx_id, category);
	if (found < 0)
		return -1;
	hdf_set_int_value(r->hdf, "Users.MivbService.shown", found);
	hdf_set_value(r->hdf, "Users.MivbService.category", found ? category : "");
	return 0;
}

/* Publishes the user and what the template needs besides the form values. */
static int publish(struct req *r)
{
	const struct user *u = &r->obj.user;
	int staff = user_role_is_partner(u->role);
	char path[160], value[32], key[64];
	HDF *h;
	if (hdf_get_node(r->hdf, "User", &h) != STATUS_OK)
		return -1;
	hdf_set_valuef(h, "id=%lld", u->id);
	hdf_set_value(h, "display_name", u->display_name);
	hdf_set_value(h, "first_name", u->first_name);
	hdf_set_value(h, "last_name", u->last_name);
	hdf_set_value(h, "name", u->name);
	hdf_set_value(h, "email", u->email);
	hdf_set_value(h, "mobile", u->mobile);
	hdf_set_value(h, "extension", u->extension);
	hdf_set_int_value(h, "registered", u->registered);
	hdf_set_value(h, "source", u->source);
	hdf_set_value(h, "created", u->created);
	hdf_set_value(h, "modified", u->modified);
	hdf_set_value(h, "updated_by_name", u->updated_by_name);
	hdf_set_int_value(h, "is_partner_staff", staff);
	hdf_set_int_value(h, "is_me", u->id == r->me.id);
	int synced;
	if (publish_owned(r, h, &synced) != 0)
		return -1;
	/* The SCIM groups the user belongs to (ch3 §8). */
	struct groups groups = {h, 0};
	if (user_groups_of_user_each(r->db, r->acct.id, u->id, publish_group, &groups) < 0)
		return -1;
	snprintf(key, sizeof key, "users.roles.%s", u->role);
	hdf_set_value(h, "role_label", u->custom_role_id ? u->custom_role_name : lang(r, key));
	hdf_set_value(r->hdf, "Page.Title", lang(r, "users.user_edit.title"));

	snprintf(path, sizeof path, "/a/%s/users/%lld", r->acct.id, u->id);
	hdf_set_int_value(r->hdf, "Users.ReadOnly", !allowed(r, "POST", path));
	if (publish_mivb_service(r, synced) != 0)
		return -1;
	snprintf(path, sizeof path, "/a/%s/users/%lld/welcome", r->acct.id, u->id);
	hdf_set_int_value(r->hdf, "Users.CanWelcome", allowed(r, "POST", path));
	snprintf(path, sizeof path, "/a/%s/users/%lld/delete", r->acct.id, u->id);
	hdf_set_int_value(r->hdf, "Users.CanDelete", allowed(r, "POST", path) && !staff && u->id != r->me.id);

	if (user_publish_role_choices(r, staff ? u->role : NULL) != 0)
		return -1;
	/* Staff with no custom role to choose from have nothing to pick. */
	hdf_set_int_value(h, "role_choosable", can(r, FEAT_ROLES, VERB_ASSIGN) && (!staff || hdf_get_obj(r->hdf, "Roles.1")));
	user_role_value(u, value, sizeof value);
	form_default(r, "first_name", u->first_name);
	form_default(r, "last_name", u->last_name);
	form_default(r, "name", u->name);
	form_default(r, "email", u->email);
	form_default(r, "mobile", u->mobile);
	form_default(r, "role", value);
	return 0;
}

int user_edit_get(struct req *r)
{
	return publish(r) == 0 && user_licenses_publish(r) == 0 ? DONE : SERVER_ERROR;
}

/* The role the form asks for, one of the options; the current one when the
 * form names none. 0 with a field error for anything else; -1 when it
 * changes a role the signed-in user may not assign. */
static int wanted_role(struct req *r, const char **role, long long *custom)
{
	const struct user *u = &r->obj.user;
	char current[32];
	user_role_value(u, current, sizeof current);
	/* A form without the field (a read-only role) keeps the role; an empty one is no choice. */
	const char *asked = hdf_get_obj(r->hdf, "Query.role") ? in(r, "role") : current;
	/* Partner staff keep their built-in role here: any value but a custom
	 * role's means none. */
	if (user_role_is_partner(u->role) && strncmp(asked, "role-", 5) != 0)
		asked = u->role;
	if (strcmp(asked, current) != 0 && !can(r, FEAT_ROLES, VERB_ASSIGN))
		return -1;
	if (!user_role_choice(r, asked, role, custom)) {
		field_error(r, "role", "errors.invalid_choice");
		return 0;
	}
	hdf_set_value(r->hdf, "Form.Values.role", asked);
	return 1;
}

struct edit {
	struct user_change change;
	const char *role_value;      /* as the form names it, for the event */
	int demoting;
};

static int save(struct req *r, void *arg)
{
	struct edit *e = arg;
	/* A customer account keeps at least one Account Admin. The admins are
	 * locked before the user's row, so two demotions wait for each other. */
	if (e->demoting && !r->acct.is_partner) {
		long long admins = users_count_admins(r->db, r->acct.id, 1);
		if (admins < 0)
			return -1;
		if (admins <= 1)
			return LAST_ADMIN;
	}
	struct user before;
	int found = users_find(r->db, r->acct.id, r->id, 1, &before);
	if (found != 1)
		return found == 0 ? GONE : -1;
	char before_role[32];
	user_role_value(&before, before_role, sizeof before_role);
	const struct user_change *c = &e->change;
	json_t *changes = json_object();
	if (!changes)
		return -1;
	audit_change(changes, "first_name", before.first_name, c->first_name);
	audit_change(changes, "last_name", before.last_name, c->last_name);
	audit_change(changes, "name", before.name, c->name);
	audit_change(changes, "email", before.email, c->email);
	audit_change(changes, "mobile", before.mobile, c->mobile);
	audit_change(changes, "role", before_role, e->role_value);
	int rc = 0;
	if (json_object_size(changes) > 0) {
		int saved = users_update(r->db, r->acct.id, r->id, c);
		rc = saved == 0 ? EMAIL_TAKEN
		   : saved < 0 || event(r, r->acct.id, "user.update", "user", r->path_id, c->display_name, changes) != 0 ? -1
		   : 0;
	}
	json_decref(changes);
	return rc;
}

/* What a source owns is kept as stored, whatever the form says: nothing
 * sent for such a field is checked either (nobody could correct it). */
static void keep_owned(struct req *r)
{
	const char *names[OWNABLE], *values[OWNABLE];
	ownable(&r->obj.user, names, values);
	char key[64];
	for (int i = 0; i < OWNABLE; i++) {
		snprintf(key, sizeof key, "User.Owned.%s", names[i]);
		if (hdf_get_obj(r->hdf, key)) {
			snprintf(key, sizeof key, "Form.Values.%s", names[i]);
			hdf_set_value(r->hdf, key, values[i]);
			snprintf(key, sizeof key, "Form.Errors.%s", names[i]);
			hdf_remove_tree(r->hdf, key);
		}
	}
	if (!hdf_get_child(r->hdf, "Form.Errors"))
		hdf_remove_tree(r->hdf, "Form.HasErrors");
}

int user_edit_post(struct req *r)
{
	if (publish(r) != 0)
		return SERVER_ERROR;
	keep_owned(r);
	user_name_rule(r);
	struct edit e = {.change = {.by_name = r->me.name}};
	if (wanted_role(r, &e.change.role, &e.change.custom_role_id) < 0)
		return NOT_FOUND;
	if (user_email_rule(r, r->id) != 0)
		return SERVER_ERROR;
	if (form_has_errors(r))
		return invalid(r);
	struct user_fields f = {.first_name = in(r, "first_name"), .last_name = in(r, "last_name"), .name = in(r, "name")};
	char display[256];
	user_display_name(&f, display, sizeof display);
	e.change.first_name = f.first_name;
	e.change.last_name = f.last_name;
	e.change.name = f.name;
	e.change.display_name = display;
	e.change.email = in(r, "email");
	e.change.mobile = in(r, "mobile");
	e.role_value = in(r, "role");
	e.demoting = strcmp(r->obj.user.role, "account_admin") == 0 && strcmp(e.change.role, "account_admin") != 0;

	int rc = tx(r, save, &e);
	if (rc == LAST_ADMIN || rc == EMAIL_TAKEN) {
		field_error(r, rc == LAST_ADMIN ? "role" : "email", rc == LAST_ADMIN ? "users.errors.last_admin" : "errors.email_taken");
		return invalid(r);
	}
	if (rc == GONE)
		return NOT_FOUND;
	if (rc != 0)
		return SERVER_ERROR;
	/* Whoever gave up their own admin role can no longer manage users. */
	if (r->id == r->me.id && e.demoting)
		return done(r, "flash.user_saved", "/");
	return done(r, "flash.user_saved", "/a/%s/users/%lld", r->acct.id, r->id);
}
