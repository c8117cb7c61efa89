/* Applications (guide §2.17.2): one row per application on each reported
 * platform — NAME (its host), APPLICATION TYPE, VERSION, PORTAL (Launch
 * where it has an administration console) — with Search and the
 * Application Type filter, a page at a time in NAME order; the partner
 * view adds ACCOUNT and the Accounts filter, as Platforms does. */
#include "cgi-bin/inventory/inventory_parts.h"

#include <stdio.h>
#include <string.h>

#define APPLICATIONS_PAGE 50

struct page {
	struct req *r;
	int n;
	long long last;
};

static int publish_row(void *ctx, const struct installed_application *a)
{
	struct page *pg = ctx;
	HDF *node;
	char key[32];
	snprintf(key, sizeof key, "Rows.%d", pg->n++);
	if (hdf_get_node(pg->r->hdf, key, &node) != STATUS_OK)
		return -1;
	inventory_publish_application(pg->r, node, a);
	pg->last = a->id;
	return 0;
}

int applications_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "inventory.applications.title"));
	struct inventory_scope s = inventory_scope_of(r);
	struct application_filter f;
	memset(&f, 0, sizeof f);
	if (!r->acct.id[0])
		inventory_key_param(r, "account", f.account_id, sizeof f.account_id);
	inventory_key_param(r, "app", f.app_type, sizeof f.app_type);
	inventory_search_param(r, f.q, sizeof f.q);
	static const char *const keep_names[] = {"account", "app", "q", NULL};
	char keep[1024];
	inventory_keep(r, keep_names, keep, sizeof keep);
	hdf_set_value(r->hdf, "Filter.Keep", keep);
	inventory_chips(r, keep_names);
	hdf_set_int_value(r->hdf, "Filter.Active", f.account_id[0] || f.app_type[0]);

	char host[256], type[65];
	const char *after_host = NULL;
	long long after = form_int(r, "after", 0, 1, 0x7fffffffffffffffL);
	if (after) {
		int found = inventory_application_position(r->db, s.partner_id, after, host, type);
		if (found < 0)
			return SERVER_ERROR;
		after_host = found ? host : NULL;
	}
	hdf_set_int_value(r->hdf, "List.Deep", after_host != NULL);
	if (inventory_publish_app_types(r, &s) != 0 || (!r->acct.id[0] && inventory_publish_accounts(r, &s) != 0))
		return SERVER_ERROR;
	struct page pg = {r, 0, 0};
	int more = 0;
	int n = inventory_applications_page(r->db, &s, &f, after_host, type, after, APPLICATIONS_PAGE, publish_row, &pg, &more);
	if (n < 0)
		return SERVER_ERROR;
	hdf_set_int_value(r->hdf, "List.Shown", n);
	hdf_set_int_value(r->hdf, "List.More", more);
	if (more)
		hdf_set_valuef(r->hdf, "List.Next=%lld", pg.last);
	return DONE;
}
