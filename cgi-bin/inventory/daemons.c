/* CloudLink Daemon (guide §3.1.2; ch2 §9.5): the daemons linked to this
 * account — host, platform, who linked it and when, its last and next
 * inventory report, stale or unlinked — with Link a platform, which makes a
 * single-use link code to enter in the daemon's Link to CloudLink, and
 * Unlink. */
#include "cgi-bin/inventory/inventory_parts.h"

#include <stdio.h>

struct list {
	struct req *r;
	int n;
};

static int publish_daemon(void *ctx, const struct daemon *dm)
{
	struct list *l = ctx;
	HDF *node;
	char key[32];
	snprintf(key, sizeof key, "Daemons.%d", l->n++);
	if (hdf_get_node(l->r->hdf, key, &node) != STATUS_OK)
		return -1;
	hdf_set_valuef(node, "id=%lld", dm->id);
	hdf_set_value(node, "host", dm->host);
	hdf_set_value(node, "platform_id", dm->platform_uid);
	hdf_set_value(node, "linked_at", dm->linked_at);
	hdf_set_value(node, "linked_by", dm->linked_by_name);
	hdf_set_value(node, "last_report", dm->last_report);
	hdf_set_value(node, "next_report", dm->next_report);
	hdf_set_value(node, "state", dm->unlinked ? "unlinked" : !dm->last_report[0] ? "waiting" : dm->stale ? "stale" : "linked");
	return 0;
}

int daemons_get(struct req *r)
{
	inventory_scope_of(r);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "inventory.daemons.title"));
	struct list l = {r, 0};
	return inventory_daemons_each(r->db, r->acct.id, publish_daemon, &l) < 0 ? SERVER_ERROR : DONE;
}

/* Link a platform (ch2 §9.5): a new single-use link code for this account,
 * valid LINK_CODE_MINUTES. Only its hash is kept, so it is shown once, on
 * the page this answers with (not after a redirect). */
struct code {
	char code[LINK_CODE_SIZE];
	char expires[20];
};

static int make_code(struct req *r, void *arg)
{
	struct code *c = arg;
	struct actor me = me_actor(r);
	return inventory_link_code_create(r->db, &me, r->acct.id, c->code, c->expires);
}

int daemons_post(struct req *r)
{
	struct code c;
	if (tx(r, make_code, &c) != 0)
		return SERVER_ERROR;
	hdf_set_value(r->hdf, "LinkCode.code", c.code);
	hdf_set_value(r->hdf, "LinkCode.expires", c.expires);
	hdf_set_int_value(r->hdf, "LinkCode.minutes", LINK_CODE_MINUTES);
	return daemons_get(r);
}
