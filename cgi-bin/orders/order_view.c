#include "cgi-bin/orders/order_view.h"
#include "lib/core/config.h"
#include "lib/core/validate.h"

#include <stdio.h>

int order_soon_days(void)
{
	int days = cfg_int("Orders.ExpiringSoonDays", ORDER_EXPIRING_DAYS);
	return days < 0 ? 0 : days > 3650 ? 3650 : days;
}

static void set(struct req *r, const char *prefix, const char *name, const char *value)
{
	char key[64];
	if (!value || !*value)
		return;
	snprintf(key, sizeof key, "%s.%s", prefix, name);
	hdf_set_value(r->hdf, key, value);
}

void order_row_publish(struct req *r, const char *prefix, const struct order_row *o)
{
	char n[24];
	set(r, prefix, "number", o->order_number);
	set(r, prefix, "sap", o->sap_order_number);
	set(r, prefix, "reseller_po", o->reseller_po);
	set(r, prefix, "customer_po", o->customer_po);
	set(r, prefix, "tracking_id", o->tracking_id);
	set(r, prefix, "end_customer_sap", o->end_customer_sap);
	set(r, prefix, "start", o->start_date);
	set(r, prefix, "expiry", o->expiry_date);
	set(r, prefix, "account_id", o->assigned_account_id);
	set(r, prefix, "account", o->assigned_account_name);
	set(r, prefix, "assigned_at", o->assigned_at);
	set(r, prefix, "assigned_by", o->assigned_by_name);
	set(r, prefix, "status", order_status_key(o->status));
	if (o->term_months > 0) {
		snprintf(n, sizeof n, "%d", o->term_months);
		set(r, prefix, "term", n);
	}
	snprintf(n, sizeof n, "%d", o->licenses);
	set(r, prefix, "licenses", n);
	set(r, prefix, "activated", o->activated ? "1" : "0");
	/* An account manager sees an order of an account they do not reach without its link (ch2 §3.1). */
	set(r, prefix, "account_link", o->assigned_account_id[0] && !r->me.restricted ? "1" : "");
}

struct account_reach order_reach(const struct req *r)
{
	return (struct account_reach){r->me.account_id, r->me.partner_id, r->me.restricted ? r->me.id : 0};
}

int order_for_account(struct req *r)
{
	const char *id = form(r, "for");
	if (!*id || !valid_uuid(id))
		return 0;
	struct account_reach reach = order_reach(r);
	struct account_ref a;
	int rc = account_find_in_reach(r->db, &reach, id, &a);
	if (rc < 0)
		return -1;
	if (rc == 1 && !a.is_partner && a.active) {
		hdf_set_value(r->hdf, "For.id", a.id);
		hdf_set_value(r->hdf, "For.name", a.name);
	}
	return 0;
}
