/* Set Default MBG (guide §3.1.2 Voice Gateway): the teleworking MiVoice
 * Border Gateway the MiVoice Business uses by default. */
#include "cgi-bin/mivb/mivb.h"
#include "lib/mivb/settings.h"
#include "lib/mivb/voice_gateway.h"

#include <stdio.h>

struct fill {
	struct req *r;
	int n;
};

static int add_mbg(void *ctx, const struct mivb_mbg *m)
{
	struct fill *f = ctx;
	hdf_set_valuef(f->r->hdf, "Mbgs.%d.value=%s", f->n, m->id);
	hdf_set_valuef(f->r->hdf, "Mbgs.%d.label=%s", f->n++, m->fqdn);
	if (m->is_default)
		form_default(f->r, "mbg", m->id);
	return 0;
}

int mbg_default_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "mivb.mbg_default.title"));
	int possible = mivb_default_mbg_possible(r->db, r->acct.id);
	if (possible < 0)
		return SERVER_ERROR;
	if (!possible) {
		hdf_set_value(r->hdf, "Mivb.Unavailable", lang(r, "mivb.mbg_default.needs_daemon"));
		return DONE;
	}
	struct pbx_admin a;
	int open = mivb_open(r, &a);
	if (open <= 0)
		return open < 0 ? SERVER_ERROR : DONE;
	struct pbx_reply rep = {0};
	struct fill f = {r, 0};
	char fqdn[254];
	if (mivb_mbgs_list(&a, add_mbg, &f, fqdn, &rep) != 0) {
		char text[1024];
		mivb_refusal_text(r, &rep, text, sizeof text);
		hdf_set_value(r->hdf, "Mivb.Unavailable", text);
	}
	pbx_reply_clear(&rep);
	pbx_admin_close(&a);
	return DONE;
}

int mbg_default_post(struct req *r)
{
	int possible = mivb_default_mbg_possible(r->db, r->acct.id);
	if (possible < 0)
		return SERVER_ERROR;
	if (!possible)
		field_error(r, "mbg", "mivb.mbg_default.needs_daemon");
	if (form_has_errors(r))
		return invalid(r);
	struct pbx_admin a;
	int refused;
	if (!mivb_open_write(r, &a, &refused))
		return refused;
	struct pbx_reply rep = {0};
	int rc = mivb_mbg_set_default(&a, in(r, "mbg"), &rep);
	if (rc != 0)
		mivb_refused(r, &rep, (const char *const[]){"mbg", NULL}, "mbg");
	pbx_reply_clear(&rep);
	pbx_admin_close(&a);
	if (rc != 0)
		return invalid(r);
	json_t *details = json_pack("{s:{s:s}}", "default", "to", in(r, "mbg"));
	int rec = mivb_record(r, &(struct mivb_change){"mbg.update", "mbg", in(r, "mbg"), in(r, "mbg"), details, NULL, NULL});
	json_decref(details);
	if (rec != 0)
		return mivb_unrecorded(r);
	return done(r, "flash.mivb_mbg_default_saved", "/a/%s/mivb/voice-gateway", r->acct.id);
}
