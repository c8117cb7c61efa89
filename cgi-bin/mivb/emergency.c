/* MiVoice Business → Emergency Services (guide §3.1.2; only with Zoom
 * integrated too): Dialables (one chip each; here one per line or
 * separated by spaces or commas) and the Dynamic Location Provider, whose
 * Secret is sealed and never shown again (blank keeps the stored one). */
#include "cgi-bin/core/request.h"
#include "lib/core/config.h"
#include "lib/mivb/emergency.h"

#include <stdio.h>
#include <string.h>

int emergency_get(struct req *r)
{
	if (!r->acct.zoom)
		return NOT_FOUND;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "mivb.emergency.title"));
	struct mivb_emergency e;
	if (mivb_emergency_load(r->db, r->acct.id, &e) != 1)
		return SERVER_ERROR;
	char dial[MIVB_DIALABLES_MAX * 8 + 1] = "";
	for (int i = 0; i < e.n_dialables; i++) {
		strcat(dial, i ? " " : "");
		strcat(dial, e.dialables[i]);
	}
	form_default(r, "dialables", dial);
	form_default(r, "name", e.name);
	form_default(r, "type", e.type);
	form_default(r, "primary_server", e.primary);
	form_default(r, "secondary_server", e.secondary);
	form_default(r, "customer_id", e.customer_id);
	form_default(r, "extra_headers", e.headers);
	hdf_set_int_value(r->hdf, "Emergency.HasSecret", e.has_secret);
	return DONE;
}

/* The dialables typed, split at spaces, commas and line breaks; 0 with a message. */
static int read_dialables(struct req *r, struct mivb_emergency *e)
{
	char text[1024];
	snprintf(text, sizeof text, "%s", in(r, "dialables"));
	for (char *save = NULL, *t = strtok_r(text, " ,\r\n\t", &save); t; t = strtok_r(NULL, " ,\r\n\t", &save)) {
		if (!mivb_dialable_valid(t)) {
			field_error(r, "dialables", "mivb.emergency.dialable_invalid");
			return 0;
		}
		for (int i = 0; i < e->n_dialables; i++)
			if (strcmp(e->dialables[i], t) == 0) {
				field_error(r, "dialables", "mivb.emergency.dialable_repeated");
				return 0;
			}
		if (e->n_dialables == MIVB_DIALABLES_MAX) {
			field_error(r, "dialables", "mivb.emergency.dialables_too_many");
			return 0;
		}
		snprintf(e->dialables[e->n_dialables++], sizeof e->dialables[0], "%s", t);
	}
	return 1;
}

struct save_call {
	const struct mivb_emergency *e;
	const char *secret;
};

static int save(struct req *r, void *arg)
{
	struct save_call *c = arg;
	json_t *changes = json_object();
	int rc = changes ? mivb_emergency_save(r->db, r->acct.id, c->e, c->secret, cfg_str("Crypto.Key", ""), changes) : -1;
	if (rc == 1)
		rc = event(r, r->acct.id, "emergency.update", "emergency_services", "", "Emergency Services", changes) == 0 ? 0 : -1;
	else
		rc = -1;
	json_decref(changes);
	return rc;
}

int emergency_post(struct req *r)
{
	if (!r->acct.zoom)
		return NOT_FOUND;
	struct mivb_emergency e;
	memset(&e, 0, sizeof e);
	read_dialables(r, &e);
	snprintf(e.name, sizeof e.name, "%s", in(r, "name"));
	snprintf(e.type, sizeof e.type, "%s", in(r, "type"));
	snprintf(e.primary, sizeof e.primary, "%s", in(r, "primary_server"));
	snprintf(e.secondary, sizeof e.secondary, "%s", in(r, "secondary_server"));
	snprintf(e.customer_id, sizeof e.customer_id, "%s", in(r, "customer_id"));
	snprintf(e.headers, sizeof e.headers, "%s", in(r, "extra_headers"));
	if (*e.primary && !mivb_server_valid(e.primary))
		field_error(r, "primary_server", "mivb.emergency.server_invalid");
	if (*e.secondary && !mivb_server_valid(e.secondary))
		field_error(r, "secondary_server", "mivb.emergency.server_invalid");
	const char *fault = mivb_headers_fault(e.headers);
	if (fault) {
		char key[64];
		snprintf(key, sizeof key, "mivb.emergency.headers_%s", fault);
		field_error(r, "extra_headers", key);
	}
	if (form_has_errors(r))
		return invalid(r);
	struct save_call c = {&e, in(r, "secret")};
	if (tx(r, save, &c) != 0)
		return SERVER_ERROR;
	return done(r, "flash.mivb_emergency_saved", "/a/%s/mivb/emergency", r->acct.id);
}
