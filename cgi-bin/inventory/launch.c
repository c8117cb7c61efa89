/* Launch (guide §2.17.1, §3.1.2 Tunnels): a URL made for this click alone —
 * a random token, valid LAUNCH_SECONDS and once, kept only hashed — that
 * the daemon's tunnel (Inventory.TunnelURL) checks with the console before
 * it serves the platform's or the application's administration page. It is
 * refused while the tunnel is stopped on the daemon. The link is shown on
 * a page of its own (a form may not send the browser to another site). */
#include "cgi-bin/inventory/inventory_parts.h"
#include "lib/core/config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct launch {
	const char *app;
	char token[TOKEN_HEX];
	int outcome;
};

static int mint(struct req *r, void *arg)
{
	struct launch *l = arg;
	struct actor me = me_actor(r);
	l->outcome = inventory_launch_create(r->db, &me, &r->obj.platform, l->app, l->token);
	return l->outcome < 0 ? -1 : l->outcome;
}

int launch_post(struct req *r)
{
	if (form_has_errors(r))
		return invalid(r);
	const struct platform *p = &r->obj.platform;
	struct launch l = {in(r, "app"), "", 0};
	inventory_scope_of(r);
	HDF *node;
	if (hdf_get_node(r->hdf, "Platform", &node) != STATUS_OK)
		return SERVER_ERROR;
	inventory_publish_platform(r, node, p);
	hdf_set_value(r->hdf, "Launch.app", l.app);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "inventory.launch_page.title"));
	int rc = tx(r, mint, &l);
	if (rc < 0)
		return SERVER_ERROR;
	if (rc > 0) {
		static const char *const reasons[] = {"", "no_console", "stopped", "unlinked"};
		hdf_set_value(r->hdf, "Launch.refused", reasons[rc]);
		r->status = 409;
		return DONE;
	}
	char *uid = NULL, *app = NULL;
	if (cgi_url_escape(p->platform_uid, &uid) != STATUS_OK || cgi_url_escape(l.app, &app) != STATUS_OK) {
		free(uid);
		free(app);
		return SERVER_ERROR;
	}
	hdf_set_valuef(r->hdf, "Launch.url=%s/launch/%s?app=%s&token=%s", cfg_str("Inventory.TunnelURL", ""), uid, app,
		       l.token);
	hdf_set_int_value(r->hdf, "Launch.seconds", LAUNCH_SECONDS);
	free(uid);
	free(app);
	return DONE;
}
