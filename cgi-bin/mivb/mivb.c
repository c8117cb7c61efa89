/* Shared by the MiVoice Business screens (guide §3.1.2). */
#include "cgi-bin/mivb/mivb.h"

#include <string.h>
#include "lib/core/config.h"
#include "lib/core/log.h"

int mivb_open(struct req *r, struct pbx_admin *a)
{
	int rc = pbx_admin_open(r->db, r->acct.id, cfg_str("Crypto.Key", ""), cfg_int("Pbx.TimeoutSeconds", 30), a);
	if (rc == 0)
		hdf_set_value(r->hdf, "Mivb.Unavailable", lang(r, "mivb.no_pbx"));
	return rc;
}

int mivb_open_write(struct req *r, struct pbx_admin *a, int *outcome)
{
	int open = mivb_open(r, a);
	if (open > 0)
		return 1;
	if (open < 0) {
		*outcome = SERVER_ERROR;
	} else {
		hdf_set_value(r->hdf, "Form.Errors.pbx", lang(r, "mivb.no_pbx"));
		*outcome = invalid(r);
	}
	return 0;
}

void mivb_refusal_text(struct req *r, const struct pbx_reply *rep, char *out, size_t size)
{
	if (rep->status == 0)
		snprintf(out, size, "%s (%s)", lang(r, "mivb.pbx_down"), rep->message);
	else if (strcmp(rep->code, "changed") == 0)
		snprintf(out, size, "%s", lang(r, "mivb.changed"));
	else
		snprintf(out, size, "%s", *rep->message ? rep->message : lang(r, "mivb.refused"));
}

void mivb_refused(struct req *r, const struct pbx_reply *rep, const char *const *fields, const char *fallback)
{
	char key[160];
	char text[1024];
	mivb_refusal_text(r, rep, text, sizeof text);
	if (rep->status == 0) {
		hdf_set_value(r->hdf, "Form.Errors.pbx", text);
	} else if (strcmp(rep->code, "changed") == 0) {
		hdf_set_value(r->hdf, "Form.Errors.pbx", text);
		hdf_set_value(r->hdf, "Mivb.Reload", "1");
	} else {
		const char *field = fallback;
		for (int i = 0; fields && fields[i]; i++)
			if (strcmp(fields[i], rep->field) == 0)
				field = fields[i];
		snprintf(key, sizeof key, "Form.Errors.%s", field);
		hdf_set_value(r->hdf, key, text);
	}
	hdf_set_value(r->hdf, "Form.HasErrors", "1");
}

static int record(struct req *r, void *arg)
{
	const struct mivb_change *c = arg;
	if (c->apply && c->apply(r, c->arg) != 0)
		return -1;
	if (c->action && event(r, r->acct.id, c->action, c->asset_type, c->asset_id, c->asset_name, c->details) != 0)
		return -1;
	return 0;
}

int mivb_record(struct req *r, const struct mivb_change *c)
{
	if (tx(r, record, (void *)c) == 0)
		return 0;
	log_error("mivb: the PBX took %s of %s, but the console's transaction failed", c->action ? c->action : "a change",
		  c->asset_name ? c->asset_name : "");
	hdf_set_value(r->hdf, "Form.Errors.pbx", lang(r, "mivb.unrecorded"));
	return -1;
}

int mivb_unrecorded(struct req *r)
{
	int rc = invalid(r);
	r->status = 500;
	return rc;
}
