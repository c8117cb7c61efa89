/* A platform's details (guide §2.17.1 Individual platform details): every
 * field, when it last reported (and whether it went stale), its daemon,
 * Launch, and its applications; picking one (?app=) shows its own details
 * with its tunnels. The front line loaded the platform within the account. */
#include "cgi-bin/inventory/inventory_parts.h"

#include <stdio.h>
#include <string.h>

struct apps {
	struct req *r;
	int n;
	const char *chosen;
};

static int publish_app(void *ctx, const struct installed_application *a)
{
	struct apps *x = ctx;
	HDF *node;
	char key[32];
	snprintf(key, sizeof key, "Apps.%d", x->n++);
	if (hdf_get_node(x->r->hdf, key, &node) != STATUS_OK)
		return -1;
	inventory_publish_application(x->r, node, a);
	if (strcmp(a->app_type, x->chosen) == 0 && !hdf_get_obj(x->r->hdf, "App"))
		hdf_copy(x->r->hdf, "App", node);
	return 0;
}

int platform_get(struct req *r)
{
	const struct platform *p = &r->obj.platform;
	inventory_scope_of(r);
	HDF *node;
	if (hdf_get_node(r->hdf, "Platform", &node) != STATUS_OK)
		return SERVER_ERROR;
	inventory_publish_platform(r, node, p);
	struct daemon dm;
	int found = inventory_daemon_find(r->db, r->acct.id, p->daemon_id, &dm);
	if (found < 0)
		return SERVER_ERROR;
	if (found) {
		hdf_set_value(r->hdf, "Daemon.host", dm.host);
		hdf_set_value(r->hdf, "Daemon.next_report", dm.next_report);
		hdf_set_int_value(r->hdf, "Daemon.interval", dm.interval);
	}
	struct apps x = {r, 0, form(r, "app")};
	if (inventory_applications_of(r->db, p->id, publish_app, &x) < 0)
		return SERVER_ERROR;
	hdf_set_value(r->hdf, "Page.Title", p->host);
	return DONE;
}
