/* The success dialog of an assignment (guide §2.6, step 8): the order and
 * the account it went to, with Go to account integrations (the account's
 * Account Information, whose Integrations panel shows what the order
 * needs). */
#include "cgi-bin/core/request.h"
#include "cgi-bin/orders/order_view.h"

int order_assigned_get(struct req *r)
{
	struct order_row o;
	int rc = order_load(r->db, r->me.partner_id, r->path_ref, order_soon_days(), &o);
	if (rc != 1)
		return rc < 0 ? SERVER_ERROR : NOT_FOUND;
	if (!o.assigned_account_id[0])
		return done(r, NULL, "/orders/%s", r->path_ref);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "orders.order_assigned.title"));
	order_row_publish(r, "Order", &o);
	return DONE;
}
