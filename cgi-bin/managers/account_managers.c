/* Account Managers (guide §2.15): the partner account's users in two tabs,
 * Account Managers (n) and Administrators (n), searched by the start of a
 * name or email, with NAME, EMAIL ADDRESS, MODIFIED ON (BY) and, for
 * managers, MANAGED ACCOUNTS. From here administrators are converted, and
 * managers upgraded or managed; those buttons wait until someone is
 * selected (guide §2.15: the signed-in user is never selectable). */
#include "cgi-bin/core/listing.h"
#include "cgi-bin/core/request.h"
#include "lib/managers.h"

#include <stdio.h>
#include <string.h>

enum { BY_NAME };

static const struct sort_column columns[] = {
	{"name", BY_NAME},
	{NULL, 0},
};

struct rows {
	struct req *r;
	int n;
	int selectable;     /* rows with a checkbox: everyone but the signed-in user */
};

static int publish_row(void *ctx, const struct partner_user_row *u)
{
	struct rows *c = ctx;
	HDF *row;
	char key[32];
	snprintf(key, sizeof key, "Rows.%d", c->n++);
	if (hdf_get_node(c->r->hdf, key, &row) != STATUS_OK)
		return -1;
	hdf_set_valuef(row, "id=%lld", u->id);
	hdf_set_value(row, "display_name", u->display_name);
	hdf_set_value(row, "email", u->email);
	hdf_set_value(row, "modified", u->modified);
	hdf_set_value(row, "updated_by_name", u->updated_by_name);
	hdf_set_valuef(row, "managed=%lld", u->managed);
	c->selectable += u->id != c->r->me.id;
	return 0;
}

int account_managers_get(struct req *r)
{
	int admins_tab = strcmp(form(r, "tab"), "admins") == 0;
	const char *tab = admins_tab ? "admins" : "managers";
	hdf_set_value(r->hdf, "Query.tab", tab);
	hdf_set_value(r->hdf, "Managers.Tab", tab);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "managers.account_managers.title"));
	struct listing l;
	listing_read(r, &l, columns);

	long long managers = managers_count(r->db, r->me.partner_id, "account_manager", l.q_prefix);
	long long admins = managers_count(r->db, r->me.partner_id, "partner_admin", l.q_prefix);
	if (managers < 0 || admins < 0)
		return SERVER_ERROR;
	hdf_set_valuef(r->hdf, "Managers.Count.managers=%lld", managers);
	hdf_set_valuef(r->hdf, "Managers.Count.admins=%lld", admins);
	long long total = admins_tab ? admins : managers;
	listing_clamp(&l, total);
	struct rows c = {r, 0, 0};
	if (managers_each(r->db, r->me.partner_id, admins_tab ? "partner_admin" : "account_manager", l.q_prefix,
			  l.descending, l.per_page, l.offset, publish_row, &c) < 0)
		return SERVER_ERROR;
	hdf_set_int_value(r->hdf, "Managers.Selectable", c.selectable);
	static const char *const keep[] = {"tab", NULL};
	listing_publish(r, &l, total, keep);
	return DONE;
}
