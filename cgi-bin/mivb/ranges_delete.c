/* Delete selected numbers (guide §3.1.2 User extension ranges): the ticked
 * ranges, confirmed; Delete or Cancel. */
#include "cgi-bin/mivb/mivb.h"

#include <stdio.h>
#include <stdlib.h>

#define SELECTED_MAX 100

int ranges_delete_get(struct req *r)
{
	const char *ids[SELECTED_MAX];
	int n = form_list(r, "ids", ids, SELECTED_MAX), shown = 0;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "mivb.ranges_delete.title"));
	for (int i = 0; i < n; i++) {
		struct mivb_range range;
		int found = mivb_range_find(r->db, r->acct.id, strtoll(ids[i], NULL, 10), &range);
		if (found < 0)
			return SERVER_ERROR;
		if (!found)
			continue;
		char key[64];
		snprintf(key, sizeof key, "Selected.%d.id", shown);
		hdf_set_valuef(r->hdf, "%s=%lld", key, range.id);
		snprintf(key, sizeof key, "Selected.%d.name", shown++);
		char name[2 * MIVB_DN_MAX + 2];
		snprintf(name, sizeof name, "%s-%s", range.start, range.end);
		hdf_set_value(r->hdf, key, name);
	}
	return DONE;
}

struct delete_call {
	const char **ids;
	int n;
};

static int delete_all(struct req *r, void *arg)
{
	struct delete_call *c = arg;
	for (int i = 0; i < c->n; i++) {
		struct mivb_range range;
		long long id = strtoll(c->ids[i], NULL, 10);
		int found = mivb_range_find(r->db, r->acct.id, id, &range);
		if (found < 0)
			return -1;
		if (!found)
			continue;
		char name[2 * MIVB_DN_MAX + 2];
		snprintf(name, sizeof name, "%s-%s", range.start, range.end);
		if (mivb_range_delete(r->db, r->acct.id, id) < 0 ||
		    event(r, r->acct.id, "dn_range.delete", "dn_range", c->ids[i], name, NULL) != 0)
			return -1;
	}
	return 0;
}

int ranges_delete_post(struct req *r)
{
	if (form_has_errors(r))
		return invalid(r);
	const char *ids[SELECTED_MAX];
	struct delete_call c = {ids, in_list(r, "ids", ids, SELECTED_MAX)};
	if (tx(r, delete_all, &c) != 0)
		return SERVER_ERROR;
	return done(r, "flash.mivb_ranges_deleted", "/a/%s/mivb/numbers", r->acct.id);
}
