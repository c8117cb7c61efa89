/* MiVoice Business → Tools (guide §3.1.2 Tools; when MiCollab is present):
 * Sync MiVoice Business to MiCollab, per item (Sync) or for the ticked ones
 * (Sync Selected), as a job whose page shows its progress. The sync also
 * runs daily on MiCollab's side; this is for when it cannot wait. */
#include "cgi-bin/mivb/mivb.h"
#include "lib/mivb/micollab_sync.h"

#include <stdio.h>
#include <string.h>

struct fill {
	struct req *r;
	int n;
};

static int add_item(void *ctx, const struct mivb_sync_item *it)
{
	struct fill *f = ctx;
	hdf_set_valuef(f->r->hdf, "Items.%d.id=%s", f->n, it->id);
	hdf_set_valuef(f->r->hdf, "Items.%d.name=%s", f->n, it->name);
	hdf_set_valuef(f->r->hdf, "Items.%d.synced=%s", f->n++, it->synced);
	return 0;
}

int tools_get(struct req *r)
{
	if (!r->acct.micollab)
		return NOT_FOUND;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "mivb.tools.title"));
	struct pbx_admin a;
	int open = mivb_open(r, &a);
	if (open <= 0)
		return open < 0 ? SERVER_ERROR : DONE;
	struct pbx_reply rep = {0};
	struct fill f = {r, 0};
	if (mivb_micollab_items(&a, add_item, &f, &rep) != 0) {
		char text[1024];
		mivb_refusal_text(r, &rep, text, sizeof text);
		hdf_set_value(r->hdf, "Mivb.Unavailable", text);
	}
	pbx_reply_clear(&rep);
	pbx_admin_close(&a);
	return DONE;
}

/* The chosen items as the PBX lists them (unknown ids are left out). */
struct pick {
	const char **ids;
	int n_ids;
	struct mivb_sync_item *out;
	int n;
};

static int pick_item(void *ctx, const struct mivb_sync_item *it)
{
	struct pick *p = ctx;
	for (int i = 0; i < p->n_ids && p->n < MIVB_SYNC_ITEMS_MAX; i++)
		if (strcmp(p->ids[i], it->id) == 0) {
			p->out[p->n++] = *it;
			break;
		}
	return 0;
}

struct enqueue_call {
	const struct mivb_sync_item *items;
	int n;
	long long job;
};

static int enqueue(struct req *r, void *arg)
{
	struct enqueue_call *c = arg;
	struct actor me = me_actor(r);
	c->job = mivb_micollab_sync_enqueue(r->db, &me, r->acct.id, c->items, c->n);
	if (c->job <= 0)
		return -1;
	char id[24], back[128];
	snprintf(id, sizeof id, "%lld", c->job);
	snprintf(back, sizeof back, "/a/%s/mivb/tools", r->acct.id);
	json_t *details = json_pack("{s:i}", "items", c->n);
	int rc = job_return_to(r->db, c->job, back) != 0 ? -1
		 : event(r, r->acct.id, "templated_services.sync", "templated_services", id, "MiCollab", details);
	json_decref(details);
	return rc;
}

int tools_post(struct req *r)
{
	if (!r->acct.micollab)
		return NOT_FOUND;
	if (form_has_errors(r))
		return invalid(r);
	/* Sync on a row: that item alone; Sync Selected: the ticked ones */
	const char *ids[MIVB_SYNC_ITEMS_MAX];
	int n = *in(r, "one") ? (ids[0] = in(r, "one"), 1) : in_list(r, "ids", ids, MIVB_SYNC_ITEMS_MAX);
	struct pbx_admin a;
	int refused;
	if (!mivb_open_write(r, &a, &refused))
		return refused;
	struct mivb_sync_item items[MIVB_SYNC_ITEMS_MAX];
	struct pick p = {ids, n, items, 0};
	struct pbx_reply rep = {0};
	int rc = mivb_micollab_items(&a, pick_item, &p, &rep);
	if (rc != 0)
		mivb_refused(r, &rep, NULL, "pbx");
	pbx_reply_clear(&rep);
	pbx_admin_close(&a);
	if (rc != 0)
		return invalid(r);
	if (!p.n) {
		field_error(r, "ids", "mivb.tools.none_selected");
		return invalid(r);
	}
	struct enqueue_call c = {items, p.n, 0};
	if (tx(r, enqueue, &c) != 0)
		return SERVER_ERROR;
	redirect(r, "/a/%s/jobs/%lld", r->acct.id, c.job);
	return DONE;
}
