/* Delete selected number(s) (guide §3.1.2 Direct inward dialing): the
 * ticked DIDs, confirmed; the PBX deletes them all or none. */
#include "cgi-bin/mivb/mivb.h"

#include <stdio.h>
#include <string.h>

#define SELECTED_MAX 100

int dids_delete_get(struct req *r)
{
	const char *numbers[SELECTED_MAX];
	int n = form_list(r, "numbers", numbers, SELECTED_MAX), shown = 0;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "mivb.dids_delete.title"));
	for (int i = 0; i < n; i++) {
		if (!mivb_did_valid(numbers[i]))
			continue;
		char key[64];
		snprintf(key, sizeof key, "Selected.%d", shown++);
		hdf_set_value(r->hdf, key, numbers[i]);
	}
	return DONE;
}

struct deleted {
	const char **numbers;
	int n;
};

/* One event per number, in one transaction: the PBX has deleted them all. */
static int write_events(struct req *r, void *arg)
{
	struct deleted *d = arg;
	for (int i = 0; i < d->n; i++) {
		json_t *details = json_pack("{s:{s:s}}", "number", "from", d->numbers[i]);
		int rc = details ? event(r, r->acct.id, "did.delete", "did", d->numbers[i], d->numbers[i], details) : -1;
		json_decref(details);
		if (rc != 0)
			return -1;
	}
	return 0;
}

int dids_delete_post(struct req *r)
{
	const char *numbers[SELECTED_MAX];
	int n = in_list(r, "numbers", numbers, SELECTED_MAX);
	for (int i = 0; i < n; i++)
		if (!mivb_did_valid(numbers[i]))
			field_error(r, "numbers", "mivb.did.number_invalid");
	if (form_has_errors(r))
		return invalid(r);
	struct pbx_admin a;
	int refused;
	if (!mivb_open_write(r, &a, &refused))
		return refused;
	struct pbx_reply rep = {0};
	int rc = mivb_dids_delete(&a, numbers, n, &rep);
	if (rc != 0)
		mivb_refused(r, &rep, NULL, "numbers");
	pbx_reply_clear(&rep);
	pbx_admin_close(&a);
	if (rc != 0)
		return invalid(r);
	struct deleted d = {numbers, n};
	if (mivb_record(r, &(struct mivb_change){NULL, "did", "", "", NULL, write_events, &d}) != 0)
		return mivb_unrecorded(r);
	return done(r, "flash.mivb_dids_deleted", "/a/%s/mivb/numbers", r->acct.id);
}
