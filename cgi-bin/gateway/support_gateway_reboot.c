/* Reboot the gateway (guide §2.11; ch2 §6 System Options): confirmed by
 * typing "reboot" (the route table's confirmation), then queued for the
 * gateway, which is unreachable for a while: the Gateway page shows its
 * last report until it is back. */
#include "cgi-bin/gateway/controls.h"

#include <stdio.h>

static int publish(struct req *r, struct wizard *w)
{
	if (wizard_load(r, w) != 0)
		return -1;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "gateway.support_gateway_reboot.title"));
	hdf_set_int_value(r->hdf, "Controls.reachable", gateway_reachable(w));
	char path[160];
	snprintf(path, sizeof path, SUPPORT_PATH, r->acct.id);
	hdf_set_value(r->hdf, "Controls.action", path);
	if (w->has_gateway)
		hdf_set_value(r->hdf, "Gateway.ip_address", w->gw.ip_address);
	return 0;
}

int support_gateway_reboot_get(struct req *r)
{
	struct wizard w;
	return publish(r, &w) == 0 ? DONE : SERVER_ERROR;
}

static int queue(struct req *r, void *arg)
{
	struct actor me = me_actor(r);
	long long id = gateway_command_queue(r->db, &me, r->acct.id, "reboot", NULL);
	return id < 0 ? -1 : id == 0 ? 1 : 0;
}

int support_gateway_reboot_post(struct req *r)
{
	struct wizard w;
	if (publish(r, &w) != 0)
		return SERVER_ERROR;
	if (!gateway_reachable(&w)) {
		field_error(r, "confirm", "gateway.controls.unreachable");
		return invalid(r);
	}
	int rc = tx(r, queue, NULL);
	if (rc < 0)
		return SERVER_ERROR;
	if (rc > 0) {
		field_error(r, "confirm", "gateway.controls.unreachable");
		return invalid(r);
	}
	return done(r, "flash.gateway_reboot_queued", SUPPORT_PATH, r->acct.id);
}
