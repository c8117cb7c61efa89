/* Partner users to pick as support contacts (guide §2.9): those of the
 * signed-in partner whose name or email starts with what was typed, ten at
 * most. The Support contacts field fetches this page as you type and offers
 * its list; without JavaScript it is an ordinary search page. Served by
 * ix_users_name and ux_users_account_email. */
#include "cgi-bin/core/request.h"
#include "lib/core/db_hdf.h"
#include "cgi-bin/core/listing.h"

static const struct sort_column columns[] = {
	{"name", 0},
	{NULL, 0},
};

int support_contacts_get(struct req *r)
{
	struct listing l;
	listing_read(r, &l, columns);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "contacts.title"));
	hdf_set_value(r->hdf, "List.Q", l.q);
	if (!*l.q)
		return DONE;
	return db_rows(r->db, r->hdf, "Rows",
		       "SELECT display_name AS name, email FROM users WHERE account_id = ? AND display_name LIKE ?"
		       " UNION SELECT display_name, email FROM users WHERE account_id = ? AND email LIKE ?"
		       " ORDER BY name, email LIMIT 10",
		       "ssss", r->me.partner_id, l.q_prefix, r->me.partner_id, l.q_prefix) < 0 ? SERVER_ERROR : DONE;
}
