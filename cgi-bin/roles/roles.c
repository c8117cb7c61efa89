/* Roles and Permissions (guide §2.14): the custom roles within the
 * signed-in user's reach (lib/roles.h: a partner's, less those an account
 * manager does not reach; an Account Admin's account's, §2.14.5), searched
 * by the start of their name, 50 to a page. */
#include "cgi-bin/core/listing.h"
#include "cgi-bin/core/loaders.h"
#include "cgi-bin/core/request.h"

#include <stdio.h>

enum { BY_NAME };

static const struct sort_column columns[] = {
	{"name", BY_NAME},
	{NULL, 0},
};

struct rows {
	struct req *r;
	int n;
};

static int publish_row(void *ctx, const struct role_row *x)
{
	struct rows *c = ctx;
	HDF *row;
	char key[32];
	snprintf(key, sizeof key, "Rows.%d", c->n++);
	if (hdf_get_node(c->r->hdf, key, &row) != STATUS_OK)
		return -1;
	hdf_set_valuef(row, "id=%lld", x->id);
	hdf_set_value(row, "name", x->name);
	hdf_set_value(row, "description", x->description);
	hdf_set_value(row, "base", base_key(x->base));
	hdf_set_value(row, "modified", x->modified);
	hdf_set_value(row, "updated_by_name", x->updated_by_name);
	hdf_set_valuef(row, "accounts=%lld", x->accounts);
	return 0;
}

int roles_get(struct req *r)
{
	struct listing l;
	listing_read(r, &l, columns);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "roles.roles.title"));
	struct role_reach reach = role_reach_of(r);
	long long total = roles_count(r->db, &reach, l.q_prefix);
	if (total < 0)
		return SERVER_ERROR;
	listing_clamp(&l, total);
	struct rows c = {r, 0};
	if (roles_each(r->db, &reach, l.q_prefix, l.descending, l.per_page, l.offset, publish_row, &c) < 0)
		return SERVER_ERROR;
	listing_publish(r, &l, total, NULL);
	return DONE;
}
