/* Unlink a CloudLink Daemon: its credential is revoked at once, so its
 * reports and Launch checks stop; its platforms stay, and go stale. Typed
 * word "unlink" (the front line checks it). */
#include "cgi-bin/inventory/inventory_parts.h"

int daemon_unlink_get(struct req *r)
{
	inventory_scope_of(r);
	hdf_set_value(r->hdf, "Daemon.host", r->obj.daemon.host);
	hdf_set_valuef(r->hdf, "Daemon.id=%lld", r->obj.daemon.id);
	hdf_set_int_value(r->hdf, "Daemon.unlinked", r->obj.daemon.unlinked);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "inventory.daemon_unlink.title"));
	return DONE;
}

static int unlink_daemon(struct req *r, void *arg)
{
	struct actor me = me_actor(r);
	return inventory_daemon_unlink(r->db, &me, &r->obj.daemon);
}

int daemon_unlink_post(struct req *r)
{
	if (!r->obj.daemon.unlinked && tx(r, unlink_daemon, NULL) != 0)
		return SERVER_ERROR;
	return done(r, "flash.daemon_unlinked", "/a/%s/inventory/daemons", r->acct.id);
}
