/* The Connect tab's two lists (guide §3.1.1 step 4): the PBX's users
 * without an email address, and those whose email is not unique — they get
 * no CloudLink login until the PBX is corrected and synced again. By last
 * name, a page at a time (?state=missing|duplicate&page=N). */
#include "cgi-bin/gateway/wizard.h"

#include <stdio.h>
#include <string.h>

#define PAGE_SIZE 50

struct listing {
	struct req *r;
	int n;
};

static int publish_user(void *ctx, const struct pbx_irregular *u)
{
	struct listing *l = ctx;
	if (l->n == PAGE_SIZE) {
		hdf_set_int_value(l->r->hdf, "List.More", 1);
		return 0;
	}
	char key[48];
	snprintf(key, sizeof key, "Irregular.%d", l->n++);
	HDF *h;
	if (hdf_get_node(l->r->hdf, key, &h) != STATUS_OK)
		return -1;
	hdf_set_value(h, "pbx_id", u->pbx_id);
	hdf_set_value(h, "first_name", u->first_name);
	hdf_set_value(h, "last_name", u->last_name);
	hdf_set_value(h, "email", u->email);
	hdf_set_value(h, "extensions", u->extensions);
	return 0;
}

int gateway_irregular_get(struct req *r)
{
	struct wizard w;
	if (wizard_load(r, &w) != 0)
		return SERVER_ERROR;
	if (!w.added || !w.has_link)
		return NOT_FOUND;
	const char *state = strcmp(form(r, "state"), "duplicate") == 0 ? "duplicate" : "missing";
	long page = form_int(r, "page", 1, 1, 100000);
	wizard_publish(r, &w, "connect");
	char key[64];
	snprintf(key, sizeof key, "gateway.gateway_irregular.titles.%s", state);
	hdf_set_value(r->hdf, "Page.Title", lang(r, key));
	hdf_set_value(r->hdf, "Listing.state", state);
	hdf_set_int_value(r->hdf, "List.Page", (int)page);
	struct listing l = {r, 0};
	/* One more than a page: whether there is a next one. */
	if (pbx_link_irregular_each(r->db, r->acct.id, w.link.id, state, (int)((page - 1) * PAGE_SIZE), PAGE_SIZE + 1,
				    publish_user, &l) < 0)
		return SERVER_ERROR;
	return DONE;
}
