/* Edit Direct Inward Dialing (DID) Number (guide §3.1.2 Direct inward
 * dialing): the destination number of the DID clicked in the list. The
 * form carries the PBX's change token of the DID as it was read: a DID
 * changed on the PBX since is not overwritten, and the person is asked to
 * reload. */
#include "cgi-bin/mivb/mivb.h"

#include <stdio.h>
#include <string.h>

int did_edit_get(struct req *r)
{
	const char *number = *in(r, "number") ? in(r, "number") : form(r, "number");
	hdf_set_value(r->hdf, "Page.Title", lang(r, "mivb.did.edit_title"));
	if (!mivb_did_valid(number))
		return NOT_FOUND;
	hdf_set_value(r->hdf, "Did.number", number);
	struct pbx_admin a;
	int open = mivb_open(r, &a);
	if (open < 0)
		return SERVER_ERROR;
	if (!open)
		return DONE;
	struct mivb_did did;
	struct pbx_reply rep = {0};
	int rc = mivb_did_get(&a, number, &did, &rep);
	if (rc == 1 && rep.status == 404)
		rc = NOT_FOUND;
	else if (rc != 0) {
		char text[1024];
		mivb_refusal_text(r, &rep, text, sizeof text);
		hdf_set_value(r->hdf, "Mivb.Unavailable", text);
		rc = DONE;
	} else {
		hdf_set_value(r->hdf, "Did.found", "1");
		form_default(r, "target", did.target);
		form_default(r, "token", did.token);
		/* the value the PBX holds now, for a reload after a refused save */
		hdf_set_value(r->hdf, "Did.current", did.target);
		rc = DONE;
	}
	pbx_reply_clear(&rep);
	pbx_admin_close(&a);
	return rc;
}

int did_edit_post(struct req *r)
{
	const char *number = in(r, "number"), *target = in(r, "target"), *token = in(r, "token");
	if (!mivb_did_valid(number))
		field_error(r, "number", "mivb.did.number_invalid");
	if (*target && !mivb_dn_valid(target))
		field_error(r, "target", "mivb.did.target_invalid");
	if (form_has_errors(r))
		return invalid(r);
	struct pbx_admin a;
	int refused;
	if (!mivb_open_write(r, &a, &refused))
		return refused;
	struct mivb_did before;
	struct pbx_reply rep = {0};
	int rc = mivb_did_get(&a, number, &before, &rep);
	if (rc == 0) {
		pbx_reply_clear(&rep);
		rc = mivb_did_set(&a, number, target, token, &rep);
	}
	static const char *const fields[] = {"target", NULL};
	if (rc != 0)
		mivb_refused(r, &rep, fields, "target");
	pbx_reply_clear(&rep);
	pbx_admin_close(&a);
	if (rc != 0)
		return invalid(r);
	json_t *details = json_pack("{s:{s:s,s:s}}", "target", "from", before.target, "to", target);
	int rec = mivb_record(r, &(struct mivb_change){"did.update", "did", number, number, details, NULL, NULL});
	json_decref(details);
	if (rec != 0)
		return mivb_unrecorded(r);
	return done(r, "flash.mivb_did_saved", "/a/%s/mivb/numbers", r->acct.id);
}
