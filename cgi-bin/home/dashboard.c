/* The dashboard (guide §1.3): shortcuts by role. A partner at "/" sees the
 * partner items; inside an account (theirs, or one a partner opened) the
 * account items. */
#include "cgi-bin/core/request.h"

int dashboard_get(struct req *r)
{
	/* Account admins and users: their account is their dashboard. */
	if (!r->acct.id[0] && !role_is_partner(r->me.role))
		return done(r, NULL, "/a/%s", r->me.account_id);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "home.dashboard.title"));
	return DONE;
}
