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

struct event_call {
	const char *action, *asset_type, *asset_id, *asset_name;
	json_t *details;
};

static int write_event(struct req *r, void *arg)
{
	struct event_call *e = arg;
	return event(r, r->acct.id, e->action, e->asset_type, e->asset_id, e->asset_name, e->details);
}

int mivb_event(struct req *r, const char *action, const char *asset_type, const char *asset_id, const char *asset_name,
	       json_t *details)
{
	struct event_call e = {action, asset_type, asset_id, asset_name, details};
	int rc = tx(r, write_event, &e);
	if (rc != 0)
		log_error("mivb: the PBX took %s of %s, but its event was not written", action, asset_name);
	return rc == 0 ? 0 : -1;
}
