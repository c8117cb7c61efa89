/* Billing → Subscriptions (guide §2.7): the account's Subscriptions panel
 * on a page of its own, for its partner and its Account Admins. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/subscriptions/panel.h"

int subscriptions_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "subscriptions.panel.title"));
	return subscriptions_panel_publish(r);
}
