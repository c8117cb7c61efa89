/* Partner users to pick as support contacts (guide §2.9): those of the
 * signed-in partner whose name or email starts with what was typed, ten at
 * most. The Support contacts field fetches this page as you type and offers
 * its list; without JavaScript it is an ordinary search page. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/core/listing.h"
#include "lib/accounts.h"

#include <stdio.h>

#define SHOWN 10

static const struct sort_column columns[] = {
	{"name", 0},
	{NULL, 0},
};

struct rows {
	struct req *r;
	int n;
};

static int publish_row(void *ctx, const struct contact_candidate *c)
{
	struct rows *rows = ctx;
	HDF *row;
	char key[32];
	snprintf(key, sizeof key, "Rows.%d", rows->n++);
	if (hdf_get_node(rows->r->hdf, key, &row) != STATUS_OK)
		return -1;
	hdf_set_value(row, "name", c->name);
	hdf_set_value(row, "email", c->email);
	return 0;
}

int support_contacts_get(struct req *r)
{
	struct listing l;
	listing_read(r, &l, columns);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "accounts.support_contacts.title"));
	hdf_set_value(r->hdf, "List.Q", l.q);
	if (!*l.q)
		return DONE;
	struct rows rows = {r, 0};
	return account_contact_candidates(r->db, r->me.partner_id, l.q, SHOWN, publish_row, &rows) < 0 ? SERVER_ERROR
													: DONE;
}
