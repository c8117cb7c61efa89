#include "cgi-bin/inventory/inventory_parts.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Guide §2.17.1 (the field list, with SWA EXPIRY: ch2 §9.2). ACCOUNT shows
 * in the partner view only; SWA STATUS is fixed. */
const struct table_column platform_columns[] = {
	{"account", 1, 0},
	{"host", 1, 0},
	{"platform_type", 1, 0},
	{"platform_name", 1, 0},
	{"app_types", 1, 0},
	{"system_family", 0, 0},
	{"licence", 1, 0},
	{"version", 1, 0},
	{"swa_status", 1, 1},
	{"swa_expiry", 0, 0},
	{"platform_id", 0, 0},
	{"portal", 1, 0},
};
const int platform_columns_count = sizeof platform_columns / sizeof platform_columns[0];

struct inventory_scope inventory_scope_of(struct req *r)
{
	struct inventory_scope s = {r->acct.id, r->me.partner_id, 0};
	char base[128];
	if (r->acct.id[0]) {
		snprintf(base, sizeof base, "/a/%s/inventory", r->acct.id);
	} else {
		snprintf(base, sizeof base, "/inventory");
		s.manager_id = r->me.restricted ? r->me.id : 0;
	}
	hdf_set_value(r->hdf, "Inventory.Base", base);
	hdf_set_int_value(r->hdf, "Inventory.PartnerView", !r->acct.id[0]);
	return s;
}

void inventory_publish_platform(struct req *r, HDF *node, const struct platform *p)
{
	hdf_set_valuef(node, "id=%lld", p->id);
	hdf_set_value(node, "account_id", p->account_id);
	hdf_set_value(node, "account", p->account_name);
	hdf_set_value(node, "host", p->host);
	hdf_set_value(node, "platform_type", p->platform_type);
	hdf_set_value(node, "platform_name", p->platform_name);
	hdf_set_value(node, "system_family", p->system_family);
	hdf_set_value(node, "version", p->version);
	hdf_set_value(node, "licence", p->licence_id);
	hdf_set_value(node, "license_type", licence_type_key(p->license_type));
	hdf_set_value(node, "swa_expiry", p->swa_expiry);
	hdf_set_value(node, "swa", swa_status_key(p->swa));
	hdf_set_value(node, "platform_id", p->platform_uid);
	/* "a,b" shown as "a, b" (guide §2.17: APPLICATION TYPES). */
	char types[1100];
	size_t n = 0;
	for (const char *c = p->app_types; *c && n + 3 < sizeof types; c++) {
		types[n++] = *c;
		if (*c == ',')
			types[n++] = ' ';
	}
	types[n] = 0;
	hdf_set_value(node, "app_types", types);
	hdf_set_value(node, "launch_tunnel", p->launch_tunnel);
	hdf_set_value(node, "launch_state", p->launch_state);
	hdf_set_value(node, "first_seen", p->first_seen);
	hdf_set_value(node, "reported", p->reported);
	hdf_set_int_value(node, "stale", p->stale);
	hdf_set_int_value(node, "unlinked", p->unlinked);
	hdf_set_valuef(node, "href=/a/%s/inventory/platforms/%lld", p->account_id, p->id);
}

void inventory_publish_application(struct req *r, HDF *node, const struct installed_application *a)
{
	hdf_set_valuef(node, "id=%lld", a->id);
	hdf_set_valuef(node, "platform=%lld", a->platform_id);
	hdf_set_value(node, "account_id", a->account_id);
	hdf_set_value(node, "account", a->account_name);
	hdf_set_value(node, "name", a->host);
	hdf_set_value(node, "app_type", a->app_type);
	hdf_set_value(node, "app_name", a->app_name);
	hdf_set_value(node, "version", a->version);
	hdf_set_value(node, "launch_tunnel", a->launch_tunnel);
	hdf_set_value(node, "launch_state", a->launch_state);
	json_t *tunnels = json_loads(a->tunnels, 0, NULL), *t;
	size_t i;
	char key[64];
	json_array_foreach(tunnels, i, t) {
		snprintf(key, sizeof key, "tunnels.%zu.kind", i);
		hdf_set_value(node, key, json_string_value(json_object_get(t, "kind")));
		snprintf(key, sizeof key, "tunnels.%zu.state", i);
		hdf_set_value(node, key, json_string_value(json_object_get(t, "state")));
	}
	json_decref(tunnels);
	hdf_set_valuef(node, "href=/a/%s/inventory/platforms/%lld?app=%s", a->account_id, a->platform_id, a->app_type);
}

/* The guide's application types (§2.17.1 filter), offered even before a
 * platform reports them. */
static const char *const guide_app_types[] = {"mivoice-business", "cloudlink-gateway", "mitel-border-gateway", "micollab"};

struct options {
	struct req *r;
	int n;
	char seen[64][65];
};

static int add_app_type(void *ctx, const char *key)
{
	struct options *o = ctx;
	for (int i = 0; i < o->n; i++)
		if (strcmp(o->seen[i], key) == 0)
			return 0;
	if (o->n >= 64)
		return 0;
	snprintf(o->seen[o->n], sizeof o->seen[0], "%s", key);
	char name[48];
	snprintf(name, sizeof name, "Options.apps.%d", o->n++);
	hdf_set_value(o->r->hdf, name, key);
	return 0;
}

int inventory_publish_app_types(struct req *r, const struct inventory_scope *s)
{
	struct options *o = calloc(1, sizeof *o);
	if (!o)
		return -1;
	o->r = r;
	for (size_t i = 0; i < sizeof guide_app_types / sizeof guide_app_types[0]; i++)
		add_app_type(o, guide_app_types[i]);
	int rc = inventory_app_types_each(r->db, s, add_app_type, o);
	free(o);
	return rc < 0 ? -1 : 0;
}

static int add_account(void *ctx, const char *id, const char *name)
{
	struct options *o = ctx;
	char key[48];
	snprintf(key, sizeof key, "Options.accounts.%d.id", o->n);
	hdf_set_value(o->r->hdf, key, id);
	snprintf(key, sizeof key, "Options.accounts.%d.name", o->n++);
	hdf_set_value(o->r->hdf, key, name);
	return 0;
}

int inventory_publish_accounts(struct req *r, const struct inventory_scope *s)
{
	struct options o = {r, 0, {{0}}};
	return inventory_accounts_each(r->db, s, add_account, &o) < 0 ? -1 : 0;
}

void inventory_key_param(struct req *r, const char *name, char *out, size_t size)
{
	const char *v = form(r, name);
	snprintf(out, size, "%s", *v && valid_key(v) && strlen(v) < size ? v : "");
	char key[64];
	snprintf(key, sizeof key, "Filter.%s", name);
	hdf_set_value(r->hdf, key, out);
}

void inventory_search_param(struct req *r, char *out, size_t size)
{
	const char *q = form(r, "q");
	snprintf(out, size, "%s", valid_line(q, 0) && utf8_length(q) <= 100 && strlen(q) < size ? q : "");
	hdf_set_value(r->hdf, "Filter.q", out);
}

void inventory_chips(struct req *r, const char *const *names)
{
	char key[64], keep[1024];
	int n = 0;
	for (const char *const *p = names; *p; p++) {
		snprintf(key, sizeof key, "Filter.%s", *p);
		const char *v = hdf_get_value(r->hdf, key, "");
		if (!*v || strcmp(*p, "q") == 0)
			continue;
		/* The list without this filter. */
		const char *others[16];
		int k = 0;
		for (const char *const *o = names; *o && k < 15; o++)
			if (o != p)
				others[k++] = *o;
		others[k] = NULL;
		inventory_keep(r, others, keep, sizeof keep);
		snprintf(key, sizeof key, "Filter.Chips.%d.name", n);
		hdf_set_value(r->hdf, key, *p);
		snprintf(key, sizeof key, "Filter.Chips.%d.value", n);
		hdf_set_value(r->hdf, key, v);
		snprintf(key, sizeof key, "Filter.Chips.%d.remove", n++);
		hdf_set_value(r->hdf, key, keep);
	}
}

void inventory_keep(struct req *r, const char *const *names, char *out, size_t size)
{
	char key[64];
	size_t n = 0;
	out[0] = 0;
	for (const char *const *p = names; *p; p++) {
		snprintf(key, sizeof key, "Filter.%s", *p);
		const char *v = hdf_get_value(r->hdf, key, "");
		char *esc = NULL;
		if (!*v || cgi_url_escape(v, &esc) != STATUS_OK || !esc)
			continue;
		n += (size_t)snprintf(out + n, n < size ? size - n : 0, "%s%s=%s", n ? "&" : "", *p, esc);
		free(esc);
	}
}
