/* Add DID Number or Range (guide §3.1.2 Direct inward dialing): a single
 * number, or Range start and Range end, with an optional destination
 * number (blank: unassigned). The PBX adds them all or none. */
#include "cgi-bin/mivb/mivb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int did_new_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "mivb.did.add_title"));
	return DONE;
}

/* The numbers the form asks for, into out; 0 with the messages set. */
static int numbers_of(struct req *r, char (*out)[MIVB_DID_MAX + 1])
{
	const char *number = in(r, "number"), *start = in(r, "range_start"), *end = in(r, "range_end");
	if (*number && (*start || *end)) {
		field_error(r, "number", "mivb.did.number_or_range");
		return 0;
	}
	if (*number) {
		if (!mivb_did_valid(number)) {
			field_error(r, "number", "mivb.did.number_invalid");
			return 0;
		}
		snprintf(out[0], MIVB_DID_MAX + 1, "%s", number);
		return 1;
	}
	if (!*start && !*end) {
		field_error(r, "number", "mivb.did.number_required");
		return 0;
	}
	struct mivb_fault f;
	int n = mivb_did_range(start, end, out, MIVB_DID_RANGE_MAX, &f);
	if (!n) {
		char key[80];
		snprintf(key, sizeof key, "mivb.did.%s_%s", f.field, f.reason);
		field_error(r, f.field, key);
	}
	return n;
}

int did_new_post(struct req *r)
{
	const char *target = in(r, "target");
	if (*target && !mivb_dn_valid(target))
		field_error(r, "target", "mivb.did.target_invalid");
	char(*numbers)[MIVB_DID_MAX + 1] = calloc(MIVB_DID_RANGE_MAX, MIVB_DID_MAX + 1);
	if (!numbers)
		return SERVER_ERROR;
	int n = form_has_errors(r) ? 0 : numbers_of(r, numbers);
	if (form_has_errors(r)) {
		free(numbers);
		return invalid(r);
	}
	struct pbx_admin a;
	int refused;
	if (!mivb_open_write(r, &a, &refused)) {
		free(numbers);
		return refused;
	}
	struct pbx_reply rep = {0};
	int rc = mivb_dids_add(&a, numbers, n, target, &rep);
	static const char *const fields[] = {"number", "target", NULL};
	if (rc != 0)
		mivb_refused(r, &rep, fields, *in(r, "number") ? "number" : "range_start");
	pbx_reply_clear(&rep);
	pbx_admin_close(&a);
	if (rc != 0) {
		free(numbers);
		return invalid(r);
	}
	char name[2 * MIVB_DID_MAX + 2];
	snprintf(name, sizeof name, n == 1 ? "%s" : "%s-%s", numbers[0], numbers[n - 1]);
	json_t *details = json_pack("{s:i,s:{s:n,s:s}}", "count", n, "target", "from", "to", target);
	int rec = mivb_record(r, &(struct mivb_change){"did.create", "did", numbers[0], name, details, NULL, NULL});
	json_decref(details);
	free(numbers);
	if (rec != 0)
		return mivb_unrecorded(r);
	return done(r, "flash.mivb_dids_added", "/a/%s/mivb/numbers", r->acct.id);
}
