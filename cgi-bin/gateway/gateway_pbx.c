/* The PBX tab (guide §3.1.1 step 3; ch3 §2.2): Configure PBX — PBX Type,
 * PBX Name, its address as the gateway sees it, Port, and the CloudLink
 * System Username and Password (MiVoice Business: its MBG and, optionally,
 * MiCollab; an SMBC blade: Sync PBX Data). The passwords are sealed under
 * Crypto.Key and never shown again (●●●●). Next creates the link:
 * "Successfully created PBX Link", and the Connect tab. */
#include "cgi-bin/gateway/wizard.h"
#include "lib/core/config.h"
#include "lib/pbx_types.h"

#include <stdio.h>
#include <string.h>

static void publish_types(struct req *r)
{
	int n;
	const struct pbx_type *t = pbx_types(&n);
	char key[64];
	for (int i = 0; i < n; i++) {
		snprintf(key, sizeof key, "Options.pbx_types.%d.value", i);
		hdf_set_value(r->hdf, key, t[i].key);
		snprintf(key, sizeof key, "Options.pbx_types.%d.label", i);
		hdf_set_value(r->hdf, key, t[i].label);
		snprintf(key, sizeof key, "Options.pbx_types.%d.mbg", i);
		hdf_set_int_value(r->hdf, key, t[i].mbg);
	}
}

static void publish_link(struct req *r, const struct pbx_link *l)
{
	const struct pbx_type *t = pbx_type_find(l->pbx_type);
	hdf_set_value(r->hdf, "Link.type", l->pbx_type);
	hdf_set_value(r->hdf, "Link.type_label", t ? t->label : l->pbx_type);
	hdf_set_int_value(r->hdf, "Link.mbg", t && t->mbg);
	hdf_set_value(r->hdf, "Link.name", l->name);
	hdf_set_value(r->hdf, "Link.host", l->host);
	hdf_set_int_value(r->hdf, "Link.port", l->port);
	hdf_set_value(r->hdf, "Link.username", l->username);
	hdf_set_value(r->hdf, "Link.mbg_host", l->mbg_host);
	hdf_set_int_value(r->hdf, "Link.has_micollab", l->has_micollab);
	hdf_set_value(r->hdf, "Link.micollab_host", l->micollab_host);
}

int gateway_pbx_get(struct req *r)
{
	struct wizard w;
	int open = wizard_tab(r, &w, "pbx");
	if (open <= 0)
		return open < 0 ? SERVER_ERROR : DONE;
	hdf_set_int_value(r->hdf, "Pbx.smbc", w.has_gateway && strcmp(w.gw.platform, "smbc") == 0);
	if (w.has_link) {
		hdf_set_value(r->hdf, "Pbx.mode", "linked");
		publish_link(r, &w.link);
	} else if (!wizard_reached(&w, STEP_ADD_PBX)) {
		hdf_set_value(r->hdf, "Pbx.mode", "early");
	} else {
		hdf_set_value(r->hdf, "Pbx.mode", "form");
		publish_types(r);
	}
	return DONE;
}

static void bad(void *ctx, const char *field, const char *reason)
{
	/* The lib names the fields as struct pbx_link_fields does; the form as the guide labels them. */
	wizard_field_error(ctx, "gateway.gateway_pbx", strcmp(field, "name") == 0 ? "pbx_name" : field, reason);
}

struct link_form {
	struct pbx_link_fields f;
	long long id;
};

static int create(struct req *r, void *arg)
{
	struct link_form *lf = arg;
	struct actor me = me_actor(r);
	lf->id = pbx_link_create(r->db, &me, r->acct.id, &lf->f, cfg_str("Crypto.Key", ""));
	return lf->id < 0 ? -1 : lf->id == 0 ? 1 : 0;
}

int gateway_pbx_post(struct req *r)
{
	struct wizard w;
	if (wizard_load(r, &w) != 0)
		return SERVER_ERROR;
	if (!w.added || w.removing || w.has_link || !wizard_reached(&w, STEP_ADD_PBX)) {
		field_error(r, "form", w.has_link ? "gateway.gateway_pbx.linked_already" : "gateway.gateway_pbx.too_early");
		return invalid(r);
	}
	struct link_form lf = {.f = {in(r, "pbx_type"), in(r, "pbx_name"), in(r, "host"), in(r, "port"), in(r, "username"),
				     in(r, "password"), in(r, "mbg_host"), in(r, "mbg_password"), in(r, "micollab_host"),
				     in(r, "micollab_password")}};
	const struct pbx_type *t = pbx_type_find(lf.f.pbx_type);
	if (!t || !t->mbg) {
		/* Only MiVoice Business has an MBG and MiCollab to reach. */
		lf.f.mbg_host = lf.f.mbg_password = lf.f.micollab_host = lf.f.micollab_password = "";
	} else if (*lf.f.micollab_host && !*lf.f.micollab_password) {
		field_error(r, "micollab_password", "gateway.gateway_pbx.errors.micollab_password_required");
	}
	pbx_link_check(&lf.f, bad, r);
	if (form_has_errors(r))
		return invalid(r);
	int rc = tx(r, create, &lf);
	if (rc < 0)
		return SERVER_ERROR;
	if (rc > 0) {
		field_error(r, "form", "gateway.gateway_pbx.too_early");
		return invalid(r);
	}
	return done(r, "flash.gateway_pbx_created", "%s/connect", w.base);
}
