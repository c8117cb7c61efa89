/* A user's MiVoice Business User Configuration (guide §3.1.2.2): Service
 * Programming (Group, User pin with Auto-generate, Location, Department),
 * Phones (+ Add Phone: Desk Phone, Generic SIP Phone, Hot Desk with its
 * Additional options) and each desk phone's Programmable Keys (Edit key
 * for button number: N, Reset All). Add Phone, Auto-generate and Reset All
 * only redraw the form; Save sends the whole configuration to the PBX in
 * one request with the change token of what was read, so the PBX takes all
 * of it or none, and its refusal comes back next to the field at fault. */
#include "cgi-bin/mivb/mivb.h"
#include "cgi-bin/mivb/user_config_form.h"

#include <stdio.h>
#include <string.h>

/* The user's PBX id, or NOT_FOUND for a user the PBX does not have. */
static int pbx_id_of(struct req *r, char id[65])
{
	int rc = mivb_user_pbx_id(r->db, r->acct.id, r->obj.user.id, id);
	return rc < 0 ? SERVER_ERROR : rc == 0 ? NOT_FOUND : DONE;
}

int user_config_get(struct req *r)
{
	char pbx_id[65];
	int rc = pbx_id_of(r, pbx_id);
	if (rc != DONE)
		return rc;
	struct pbx_admin a;
	int open = mivb_open(r, &a);
	if (open < 0)
		return SERVER_ERROR;
	struct mivb_services s;
	memset(&s, 0, sizeof s);
	struct pbx_reply rep = {0};
	if (open && mivb_services_get(&a, pbx_id, &s, &rep) != 0) {
		char text[1024];
		mivb_refusal_text(r, &rep, text, sizeof text);
		hdf_set_value(r->hdf, "Mivb.Unavailable", text);
	}
	pbx_reply_clear(&rep);
	rc = user_config_draw(r, open ? &a : NULL, &s);
	if (open)
		pbx_admin_close(&a);
	return rc;
}

int user_config_post(struct req *r)
{
	if (form_has_errors(r))
		return invalid(r);
	char pbx_id[65];
	int rc = pbx_id_of(r, pbx_id);
	if (rc != DONE)
		return rc;
	struct mivb_services s;
	user_config_read(r, &s);
	const char *action = in(r, "action");
	struct pbx_admin a;
	int open = mivb_open(r, &a);
	if (open < 0)
		return SERVER_ERROR;
	if (strcmp(action, "save") != 0) {
		user_config_act(r, &s, action);
		rc = user_config_draw(r, open ? &a : NULL, &s);
	} else if (!user_config_check(r, &s) || !open) {
		if (!open)
			hdf_set_value(r->hdf, "Form.Errors.pbx", lang(r, "mivb.no_pbx"));
		hdf_set_value(r->hdf, "Form.HasErrors", "1");
		r->status = 422;
		rc = user_config_draw(r, open ? &a : NULL, &s);
	} else {
		struct mivb_services before, stored;
		struct pbx_reply rep = {0};
		int got = mivb_services_get(&a, pbx_id, &before, &rep);
		pbx_reply_clear(&rep);
		int put = got == 0 ? mivb_services_put(&a, pbx_id, &s, &stored, &rep) : -1;
		if (put != 0) {
			user_config_refused(r, &s, &rep);
			r->status = 422;
			rc = user_config_draw(r, &a, &s);
		} else {
			rc = mivb_user_saved(r, pbx_id, &before, &stored) == 0
				     ? done(r, "flash.mivb_user_saved", "/a/%s/users/%lld/mivb", r->acct.id, r->obj.user.id)
				     : mivb_unrecorded(r);
		}
		pbx_reply_clear(&rep);
	}
	if (open)
		pbx_admin_close(&a);
	return rc;
}
