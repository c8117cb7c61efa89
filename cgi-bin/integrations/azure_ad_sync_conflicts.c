/* Phone Number Conflict Search (guide §3.2.6): Entra's provisioning stops
 * at a user whose phone number another user of the account already has
 * (409 uniqueness). The administrator finds the holder — active or not —
 * by the number and deletes it (through Delete User). The Users page links
 * here when the account has Azure AD Sync. */
#include "cgi-bin/core/request.h"
#include "lib/scim_users.h"

#include <stdio.h>

#define SHOWN 20

static int publish(void *ctx, const struct phone_holder *h)
{
	struct req *r = ctx;
	int n = hdf_get_int_value(r->hdf, "Conflicts.Count", 0);
	char key[32];
	snprintf(key, sizeof key, "Conflicts.Rows.%d", n);
	HDF *row;
	if (hdf_get_node(r->hdf, key, &row) != STATUS_OK)
		return -1;
	hdf_set_int_value(row, "id", (int)h->id);
	hdf_set_value(row, "name", h->display_name);
	hdf_set_value(row, "email", h->email);
	hdf_set_value(row, "phone", h->phone);
	hdf_set_int_value(row, "active", h->active);
	hdf_set_int_value(r->hdf, "Conflicts.Count", n + 1);
	return 0;
}

int azure_ad_sync_conflicts_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "integrations.azure_ad_sync_conflicts.title"));
	const char *phone = form(r, "phone");
	hdf_set_value(r->hdf, "Conflicts.Phone", phone);
	hdf_set_int_value(r->hdf, "Conflicts.CanDelete", can(r, FEAT_USERS, VERB_DELETE));
	if (!*phone)
		return DONE;
	hdf_set_int_value(r->hdf, "Conflicts.Searched", 1);
	return scim_phone_holders(r->db, r->acct.id, phone, SHOWN, publish, r) < 0 ? SERVER_ERROR : DONE;
}
