/* Platforms (guide §2.17.1): the platforms CloudLink Daemons report, in
 * HOST order, a page at a time after a position (?after=<id>; the script
 * loads more as the list scrolls), with Search, the filters Platform Type,
 * System Family, Application Types, License Type and SWA Status (derived
 * when read), the person's columns, and Launch. At partner level it shows
 * every customer account's platforms, with the Accounts filter and the
 * ACCOUNT column (partner view); inside an account, that account's
 * (customer view). lib/inventory.c reads a bounded range either way. */
#include "cgi-bin/inventory/inventory_parts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PLATFORMS_PAGE 50

struct page {
	struct req *r;
	int n;
	long long last;
};

static int publish_row(void *ctx, const struct platform *p)
{
	struct page *pg = ctx;
	HDF *node;
	char key[32];
	snprintf(key, sizeof key, "Rows.%d", pg->n++);
	if (hdf_get_node(pg->r->hdf, key, &node) != STATUS_OK)
		return -1;
	inventory_publish_platform(pg->r, node, p);
	pg->last = p->id;
	return 0;
}

static int publish_columns(struct req *r, int partner_view)
{
	struct table_layout l;
	if (table_layout_load(r->db, r->me.id, PLATFORM_COLUMNS_KEY, platform_columns, platform_columns_count, &l) != 0)
		return -1;
	char key[64], label[64];
	int shown = 0;
	for (int i = 0; i < l.n; i++) {
		const char *k = platform_columns[l.order[i]].key;
		if (!l.shown[i] || (!partner_view && strcmp(k, "account") == 0))
			continue;
		snprintf(key, sizeof key, "Columns.%d.key", shown);
		hdf_set_value(r->hdf, key, k);
		snprintf(label, sizeof label, "inventory.cols.%s", k);
		snprintf(key, sizeof key, "Columns.%d.label", shown++);
		hdf_set_value(r->hdf, key, lang(r, label));
	}
	return 0;
}

/* The fixed filters' options (guide §2.17.1 Filtering Data). */
static void publish_fixed_options(struct req *r)
{
	static const char *const types[] = {"msl", "windows"};
	static const char *const families[] = {"linux", "windows"};
	char key[48];
	for (int i = 0; i < 2; i++) {
		snprintf(key, sizeof key, "Options.types.%d", i);
		hdf_set_value(r->hdf, key, types[i]);
		snprintf(key, sizeof key, "Options.families.%d", i);
		hdf_set_value(r->hdf, key, families[i]);
	}
	for (int i = 0; i < LICENCE_TYPE_COUNT; i++) {
		snprintf(key, sizeof key, "Options.licences.%d", i);
		hdf_set_value(r->hdf, key, licence_type_key((enum licence_type)i));
	}
	for (int i = 0; i < SWA_STATUS_COUNT; i++) {
		snprintf(key, sizeof key, "Options.swa.%d", i);
		hdf_set_value(r->hdf, key, swa_status_key((enum swa_status)i));
	}
}

int platforms_get(struct req *r)
{
	publish_fixed_options(r);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "inventory.platforms.title"));
	struct inventory_scope s = inventory_scope_of(r);
	struct platform_filter f;
	memset(&f, 0, sizeof f);
	if (!r->acct.id[0])
		inventory_key_param(r, "account", f.account_id, sizeof f.account_id);
	inventory_key_param(r, "type", f.platform_type, sizeof f.platform_type);
	inventory_key_param(r, "family", f.system_family, sizeof f.system_family);
	inventory_key_param(r, "app", f.app_type, sizeof f.app_type);
	inventory_key_param(r, "licence", f.license_type, sizeof f.license_type);
	inventory_key_param(r, "swa", f.swa_status, sizeof f.swa_status);
	inventory_search_param(r, f.q, sizeof f.q);
	static const char *const keep_names[] = {"account", "type", "family", "app", "licence", "swa", "q", NULL};
	char keep[1024];
	inventory_keep(r, keep_names, keep, sizeof keep);
	hdf_set_value(r->hdf, "Filter.Keep", keep);
	inventory_chips(r, keep_names);
	hdf_set_int_value(r->hdf, "Filter.Active", f.account_id[0] || f.platform_type[0] || f.system_family[0] ||
							   f.app_type[0] || f.license_type[0] || f.swa_status[0]);

	char host[256];
	const char *after_host = NULL;
	long long after = form_int(r, "after", 0, 1, 0x7fffffffffffffffL);
	if (after) {
		int found = inventory_platform_position(r->db, s.partner_id, after, host);
		if (found < 0)
			return SERVER_ERROR;
		after_host = found ? host : NULL;
	}
	hdf_set_int_value(r->hdf, "List.Deep", after_host != NULL);
	if (publish_columns(r, !r->acct.id[0]) != 0 || inventory_publish_app_types(r, &s) != 0 ||
	    (!r->acct.id[0] && inventory_publish_accounts(r, &s) != 0))
		return SERVER_ERROR;
	struct page pg = {r, 0, 0};
	int more = 0;
	int n = inventory_platforms_page(r->db, &s, &f, after_host, after, PLATFORMS_PAGE, publish_row, &pg, &more);
	if (n < 0)
		return SERVER_ERROR;
	hdf_set_int_value(r->hdf, "List.Shown", n);
	hdf_set_int_value(r->hdf, "List.More", more);
	if (more)
		hdf_set_valuef(r->hdf, "List.Next=%lld", pg.last);
	return DONE;
}
