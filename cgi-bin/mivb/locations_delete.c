/* Delete Locations (guide §3.1.2 Locations): the ticked locations,
 * confirmed. A location still referenced on the PBX is not deleted, and
 * the PBX's message says so; the PBX deletes them all or none. */
#include "cgi-bin/mivb/mivb.h"

#include <stdio.h>
#include <string.h>

#define SELECTED_MAX 100

struct pick {
	struct req *r;
	const char **ids;
	int n, shown;
};

static int pick_selected(void *ctx, const struct mivb_location *l)
{
	struct pick *p = ctx;
	for (int i = 0; i < p->n; i++)
		if (strcmp(p->ids[i], l->id) == 0) {
			char key[64];
			snprintf(key, sizeof key, "Selected.%d.id", p->shown);
			hdf_set_value(p->r->hdf, key, l->id);
			snprintf(key, sizeof key, "Selected.%d.name", p->shown++);
			hdf_set_value(p->r->hdf, key, l->name);
		}
	return 0;
}

int locations_delete_get(struct req *r)
{
	const char *ids[SELECTED_MAX];
	struct pick p = {r, ids, 0, 0};
	p.n = *in(r, "ids") ? in_list(r, "ids", ids, SELECTED_MAX) : form_list(r, "ids", ids, SELECTED_MAX);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "mivb.locations_delete.title"));
	struct pbx_admin a;
	int open = mivb_open(r, &a);
	if (open <= 0)
		return open < 0 ? SERVER_ERROR : DONE;
	struct pbx_reply rep = {0};
	if (mivb_locations_list(&a, pick_selected, &p, &rep) != 0) {
		char text[1024];
		mivb_refusal_text(r, &rep, text, sizeof text);
		hdf_set_value(r->hdf, "Mivb.Unavailable", text);
	}
	pbx_reply_clear(&rep);
	pbx_admin_close(&a);
	return DONE;
}

int locations_delete_post(struct req *r)
{
	if (form_has_errors(r))
		return invalid(r);
	const char *ids[SELECTED_MAX];
	int n = in_list(r, "ids", ids, SELECTED_MAX);
	struct pbx_admin a;
	int refused;
	if (!mivb_open_write(r, &a, &refused))
		return refused;
	struct pbx_reply rep = {0};
	int rc = mivb_locations_delete(&a, ids, n, &rep);
	if (rc != 0)
		mivb_refused(r, &rep, NULL, "ids");
	pbx_reply_clear(&rep);
	pbx_admin_close(&a);
	if (rc != 0)
		return invalid(r);
	json_t *list = json_array();
	for (int i = 0; list && i < n; i++)
		json_array_append_new(list, json_string(ids[i]));
	json_t *details = json_pack("{s:{s:o}}", "ids", "from", list);
	int rec = mivb_record(r, &(struct mivb_change){"location.delete", "location", "", "", details, NULL, NULL});
	json_decref(details);
	if (rec != 0)
		return mivb_unrecorded(r);
	return done(r, "flash.mivb_locations_deleted", "/a/%s/mivb/locations", r->acct.id);
}
