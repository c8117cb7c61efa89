/* The dashboard (guide §1.3): shortcuts by role. A partner at "/" sees the
 * partner items; inside an account (theirs, or one a partner opened) the
 * account items. */
#include "cgi-bin/core/request.h"

int dashboard_get(struct req *r)
{
	if (!r->acct.id[0] && !role_is_partner(r->me.role)) {
		/* Account admins and users: their account is their dashboard. */
		redirect(r, "/a/%s", r->me.account_id);
		return DONE;
	}
	hdf_set_value(r->hdf, "Page.Title", lang(r, "dashboard.title"));
	return DONE;
}
