/* A role's Accounts tab (guide §2.14): the accounts it can be assigned to,
 * each marked assigned or not, searched by name, 50 to a page; select some
 * and Assign or Unassign. An Administrator-based role goes to the partner's
 * customer accounts (an account manager's: the ones assigned to them,
 * guide §2.15), a Partner-based role only to the partner account itself
 * (lib/roles.h). A role is not taken from an account while users there
 * hold it. One "role.assign" or "role.unassign" event names the accounts. */
#include "cgi-bin/core/listing.h"
#include "cgi-bin/core/loaders.h"
#include "cgi-bin/core/request.h"
#include "cgi-bin/roles/role_form.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <string.h>

#define SELECT_MAX 200   /* routes.def: the largest page of the list */
#define HELD 1           /* tx refusal: users of an account hold the role */

enum { BY_NAME };

static const struct sort_column columns[] = {
	{"name", BY_NAME},
	{NULL, 0},
};

struct rows {
	struct req *r;
	int n;
};

static int publish_row(void *ctx, const struct role_account_row *a)
{
	struct rows *c = ctx;
	HDF *row;
	char key[32];
	snprintf(key, sizeof key, "Rows.%d", c->n++);
	if (hdf_get_node(c->r->hdf, key, &row) != STATUS_OK)
		return -1;
	hdf_set_value(row, "id", a->id);
	hdf_set_value(row, "name", a->name);
	hdf_set_int_value(row, "assigned", a->assigned);
	return 0;
}

int role_accounts_get(struct req *r)
{
	const struct custom_role *role = &r->obj.role;
	role_publish(r, role);
	hdf_set_value(r->hdf, "Page.Title", role->name);
	struct listing l;
	listing_read(r, &l, columns);
	struct role_reach reach = role_reach_of(r);
	long long total = role_accounts_count(r->db, &reach, role, l.q_prefix);
	if (total < 0)
		return SERVER_ERROR;
	listing_clamp(&l, total);
	struct rows c = {r, 0};
	if (role_accounts_each(r->db, &reach, role, l.q_prefix, l.descending, l.per_page, l.offset, publish_row, &c) < 0)
		return SERVER_ERROR;
	listing_publish(r, &l, total, NULL);
	return DONE;
}

struct change {
	int assign;
	const char *ids[SELECT_MAX];
	int n;
};

/* Each selected account that is one of this list's (any other was never
 * shown, so never chosen), then the event naming those that changed. */
static int apply(struct req *r, void *arg)
{
	const struct change *c = arg;
	const struct custom_role *role = &r->obj.role;
	struct role_reach reach = role_reach_of(r);
	json_t *names = json_array();
	int rc = names ? 0 : -1;
	char name[1024];
	for (int i = 0; i < c->n && rc == 0; i++) {
		int ok = valid_uuid(c->ids[i]) ? role_account_find(r->db, &reach, role, c->ids[i], name, sizeof name) : 0;
		if (ok <= 0) {
			rc = ok;
			continue;
		}
		if (!c->assign) {
			long long holders = role_holders_in(r->db, role->id, c->ids[i]);
			if (holders != 0) {
				rc = holders < 0 ? -1 : HELD;
				continue;
			}
		}
		int changed = c->assign ? role_assign(r->db, role->id, c->ids[i]) : role_unassign(r->db, role->id, c->ids[i]);
		if (changed < 0)
			rc = -1;
		else if (changed)
			json_array_append_new(names, json_string(name));
	}
	if (rc == 0 && json_array_size(names) > 0) {
		char id[24];
		role_id_text(role->id, id);
		json_t *details = json_pack("{s:O}", "accounts", names);
		rc = details ? event(r, role->partner_id, c->assign ? "role.assign" : "role.unassign", "role", id, role->name,
				     details) : -1;
		json_decref(details);
	}
	json_decref(names);
	return rc;
}

int role_accounts_post(struct req *r)
{
	struct change c;
	const char *action = in(r, "action");
	c.assign = strcmp(action, "assign") == 0;
	if (!c.assign && strcmp(action, "unassign") != 0)
		field_error(r, "action", "errors.invalid_choice");
	c.n = in_list(r, "accounts", c.ids, SELECT_MAX);
	if (c.n == 0)
		field_error(r, "accounts", "roles.role_accounts.none_selected");
	if (form_has_errors(r))
		return invalid(r);
	int rc = tx(r, apply, &c);
	if (rc == HELD) {
		field_error(r, "accounts", "roles.role_accounts.held_in_account");
		return invalid(r);
	}
	if (rc != 0)
		return SERVER_ERROR;
	return done(r, c.assign ? "flash.role_assigned" : "flash.role_unassigned", "/roles/%lld/accounts", r->obj.role.id);
}
