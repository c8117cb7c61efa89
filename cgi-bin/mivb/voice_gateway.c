/* MiVoice Business → Voice Gateway (guide §3.1.2 Voice Gateway):
 * Teleworking MiVoice Border Gateway (the PBX's MBGs, Set Default, and with
 * Zoom the cluster's public FQDN) and SIP Trunk Application Setup (Primary
 * and Secondary MiVoice Business PBX, MiVoice Border Gateway; Save has the
 * PBX create both trunks). */
#include "cgi-bin/mivb/mivb.h"
#include "lib/integrations.h"
#include "lib/mivb/settings.h"
#include "lib/mivb/voice_gateway.h"

#include <stdio.h>
#include <string.h>

struct fill {
	struct req *r;
	int n;
};

static int add_mbg(void *ctx, const struct mivb_mbg *m)
{
	struct fill *f = ctx;
	hdf_set_valuef(f->r->hdf, "Mbgs.%d.value=%s", f->n, m->id);
	hdf_set_valuef(f->r->hdf, "Mbgs.%d.label=%s", f->n, m->fqdn);
	hdf_set_valuef(f->r->hdf, "Mbgs.%d.default=%d", f->n++, m->is_default);
	return 0;
}

static int add_node(void *ctx, const struct mivb_node *n)
{
	struct fill *f = ctx;
	hdf_set_valuef(f->r->hdf, "Nodes.%d.value=%s", f->n, n->id);
	hdf_set_valuef(f->r->hdf, "Nodes.%d.label=%s", f->n++, n->name);
	return 0;
}

static int add_trunk(void *ctx, const struct mivb_trunk *t)
{
	struct fill *f = ctx;
	char key[64];
	snprintf(key, sizeof key, "mivb.voice_gateway.trunk_%s", strcmp(t->kind, "mbg-cloudlink") == 0 ? "cloudlink" : "mivb");
	hdf_set_valuef(f->r->hdf, "Trunks.%d.id=%s", f->n, t->id);
	hdf_set_valuef(f->r->hdf, "Trunks.%d.kind=%s", f->n, lang(f->r, key));
	hdf_set_valuef(f->r->hdf, "Trunks.%d.mbg=%s", f->n++, t->mbg);
	return 0;
}

/* Whether Zoom is integrated too (the FQDN is for Zoom Phones). */
static int zoom_on(struct req *r)
{
	struct account_integrations ai;
	if (account_integrations_load(r->db, r->acct.id, 0, &ai) != 0)
		return 0;
	const struct integration_entry *e = integration_entry_of(&ai, integration_kind("zoom"));
	return e && integration_switched_on(e->state);
}

int voice_gateway_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "mivb.voice_gateway.title"));
	hdf_set_int_value(r->hdf, "Gateway.Zoom", zoom_on(r));
	int possible = mivb_default_mbg_possible(r->db, r->acct.id);
	if (possible < 0)
		return SERVER_ERROR;
	hdf_set_int_value(r->hdf, "Gateway.CanSetDefault", possible);
	struct pbx_admin a;
	int open = mivb_open(r, &a);
	if (open <= 0)
		return open < 0 ? SERVER_ERROR : DONE;
	struct pbx_reply rep = {0};
	char fqdn[254] = "";
	struct fill m = {r, 0}, n = {r, 0}, t = {r, 0};
	int rc = mivb_mbgs_list(&a, add_mbg, &m, fqdn, &rep);
	pbx_reply_clear(&rep);
	if (rc == 0)
		rc = mivb_nodes_list(&a, add_node, &n, &rep);
	pbx_reply_clear(&rep);
	if (rc == 0)
		rc = mivb_trunks_list(&a, add_trunk, &t, &rep);
	if (rc != 0) {
		char text[1024];
		mivb_refusal_text(r, &rep, text, sizeof text);
		hdf_set_value(r->hdf, "Mivb.Unavailable", text);
	}
	pbx_reply_clear(&rep);
	pbx_admin_close(&a);
	form_default(r, "fqdn", fqdn);
	hdf_set_int_value(r->hdf, "Gateway.MbgCount", m.n);
	return DONE;
}

int voice_gateway_post(struct req *r)
{
	const char *action = in(r, "action");
	int trunks = strcmp(action, "trunks") == 0;
	if (trunks && !*in(r, "primary"))
		field_error(r, "primary", "mivb.voice_gateway.primary_required");
	if (trunks && !*in(r, "mbg"))
		field_error(r, "mbg", "mivb.voice_gateway.mbg_required");
	if (!trunks && strcmp(action, "fqdn") != 0)
		field_error(r, "action", "mivb.refused");
	if (form_has_errors(r))
		return invalid(r);
	struct pbx_admin a;
	int refused;
	if (!mivb_open_write(r, &a, &refused))
		return refused;
	struct pbx_reply rep = {0};
	int rc = trunks ? mivb_sip_trunks_create(&a, in(r, "primary"), in(r, "secondary"), in(r, "mbg"), &rep)
			: mivb_teleworker_fqdn_set(&a, in(r, "fqdn"), &rep);
	static const char *const fields[] = {"primary", "secondary", "mbg", "fqdn", NULL};
	if (rc != 0)
		mivb_refused(r, &rep, fields, trunks ? "primary" : "fqdn");
	pbx_reply_clear(&rep);
	pbx_admin_close(&a);
	if (rc != 0)
		return invalid(r);
	json_t *details = trunks ? json_pack("{s:{s:s},s:{s:s},s:{s:s}}", "primary", "to", in(r, "primary"), "secondary", "to",
					     in(r, "secondary"), "mbg", "to", in(r, "mbg"))
				 : json_pack("{s:{s:s}}", "fqdn", "to", in(r, "fqdn"));
	int rec = mivb_record(r, &(struct mivb_change){trunks ? "sip_trunk.create" : "mbg.update", trunks ? "sip_trunk" : "mbg",
						       in(r, "mbg"), trunks ? in(r, "mbg") : in(r, "fqdn"), details, NULL, NULL});
	json_decref(details);
	if (rec != 0)
		return mivb_unrecorded(r);
	return done(r, trunks ? "flash.mivb_trunks_created" : "flash.mivb_fqdn_saved", "/a/%s/mivb/voice-gateway",
		    r->acct.id);
}
