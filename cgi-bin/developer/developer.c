/* Developer (guide §2.14.11): the partner's registered applications, each
 * with its client id and the number of customer accounts it is assigned to. */
#include "cgi-bin/core/request.h"

#include <stdio.h>

struct list_call {
	struct req *r;
	int n;
};

static int add_row(void *ctx, const struct application *a)
{
	struct list_call *c = ctx;
	char key[64];
	HDF *row;
	snprintf(key, sizeof key, "Applications.%d", c->n++);
	if (hdf_get_node(c->r->hdf, key, &row) != STATUS_OK)
		return -1;
	hdf_set_int_value(row, "id", (int)a->id);
	hdf_set_value(row, "name", a->name);
	hdf_set_value(row, "description", a->description);
	hdf_set_value(row, "client_id", a->client_id);
	hdf_set_int_value(row, "accounts", a->accounts);
	hdf_set_value(row, "created", a->created_on);
	return 0;
}

int developer_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "developer.developer.title"));
	struct list_call c = {r, 0};
	return applications_each(r->db, r->me.partner_id, add_row, &c) < 0 ? SERVER_ERROR : DONE;
}
