/* MiVoice Business → Locations (guide §3.1.2 Locations): the PBX's
 * locations, ticked to be deleted; Add Locations. */
#include "cgi-bin/mivb/mivb.h"

#include <stdio.h>

struct fill {
	struct req *r;
	int n;
};

static int add_location(void *ctx, const struct mivb_location *l)
{
	struct fill *f = ctx;
	char key[64];
	snprintf(key, sizeof key, "Locations.%d", f->n++);
	HDF *row;
	if (hdf_get_node(f->r->hdf, key, &row) != STATUS_OK)
		return -1;
	hdf_set_value(row, "id", l->id);
	hdf_set_value(row, "name", l->name);
	return 0;
}

int locations_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "mivb.locations.title"));
	struct pbx_admin a;
	int open = mivb_open(r, &a);
	if (open <= 0)
		return open < 0 ? SERVER_ERROR : DONE;
	struct pbx_reply rep = {0};
	struct fill f = {r, 0};
	if (mivb_locations_list(&a, add_location, &f, &rep) != 0) {
		char text[1024];
		mivb_refusal_text(r, &rep, text, sizeof text);
		hdf_set_value(r->hdf, "Mivb.Unavailable", text);
	}
	pbx_reply_clear(&rep);
	pbx_admin_close(&a);
	return DONE;
}
