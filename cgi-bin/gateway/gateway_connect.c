/* The Connect tab (guide §3.1.1 step 4; ch3 §2.2): Start PBX Connection →
 * Connect queues the link's first sync, and the tab follows it (gateway.js
 * reloads it while it runs) to PBX Connected, Connection successful, the
 * numbers of users and DIDs, and the email irregularities with their two
 * lists; or the error in words and Connect again. Then PBX Sync Schedule
 * (in minutes) — fixed on an SMBC blade, whose dialog says PBX Synced — and
 * Sync Now, disabled while a sync of the link is queued or running. Next
 * keeps the schedule and goes on to Deployment. */
#include "cgi-bin/gateway/wizard.h"
#include "cgi-bin/core/render.h"
#include "lib/stored_message.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DIDS_SHOWN 5

static int publish_did(void *ctx, const struct pbx_did_row *did)
{
	struct req *r = ctx;
	HDF *list = hdf_get_obj(r->hdf, "Dids");
	int n = 0;
	for (HDF *c = list ? hdf_obj_child(list) : NULL; c; c = hdf_obj_next(c))
		n++;
	char key[48];
	snprintf(key, sizeof key, "Dids.%d.number", n);
	hdf_set_value(r->hdf, key, did->number);
	return 0;
}

static const char *mode_of(const struct wizard *w)
{
	if (!w->has_link)
		return "early";
	const struct pbx_link *l = &w->link;
	if (l->connected)
		return "connected";
	if (l->queued || l->running)
		return "connecting";
	return l->last_attempt[0] ? "failed" : "start";
}

int gateway_connect_get(struct req *r)
{
	struct wizard w;
	int open = wizard_tab(r, &w, "connect");
	if (open <= 0)
		return open < 0 ? SERVER_ERROR : DONE;
	hdf_set_value(r->hdf, "Connect.mode", mode_of(&w));
	hdf_set_int_value(r->hdf, "Connect.smbc", w.has_gateway && strcmp(w.gw.platform, "smbc") == 0);
	if (!w.has_link)
		return DONE;
	const struct pbx_link *l = &w.link;
	HDF *h;
	if (hdf_get_node(r->hdf, "Link", &h) != STATUS_OK)
		return SERVER_ERROR;
	hdf_set_value(h, "name", l->name);
	hdf_set_int_value(h, "users", l->users_count);
	hdf_set_int_value(h, "dids", l->dids_count);
	hdf_set_int_value(h, "no_email", l->no_email_count);
	hdf_set_int_value(h, "dup_email", l->dup_email_count);
	hdf_set_int_value(h, "failing", l->failing);
	hdf_set_int_value(h, "busy", l->queued || l->running);
	hdf_set_value(h, "last_attempt", l->last_attempt);
	hdf_set_value(h, "last_success", l->last_success);
	char error[640];   /* in the reader's language (lib/stored_message.h) */
	stored_message_words(render_lang(), "pbx.errors", l->last_error_key, l->last_error_args, l->last_error, error, sizeof error);
	hdf_set_value(h, "last_error", error);
	char text[64];
	snprintf(text, sizeof text, "%d", l->sync_minutes);
	hdf_set_value(h, "sync_minutes", text);
	form_default(r, "minutes", text);
	lang_number(r, "gateway.gateway_connect.users_count", l->users_count, text, sizeof text);
	hdf_set_value(h, "users_text", text);
	char body[512], part[256];
	lang_number(r, "gateway.gateway_connect.irregular_no_email", l->no_email_count, part, sizeof part);
	lang_number(r, "gateway.gateway_connect.irregular_dup_email", l->dup_email_count, body, sizeof body);
	char joined[800];
	snprintf(joined, sizeof joined, "%s %s", part, body);
	hdf_set_value(h, "irregular_text", joined);
	if (l->dids_count > DIDS_SHOWN) {
		lang_number(r, "gateway.gateway_connect.dids_more", l->dids_count - DIDS_SHOWN, text, sizeof text);
		hdf_set_value(h, "dids_more", text);
	}
	if (pbx_link_dids_each(r->db, r->acct.id, l->id, DIDS_SHOWN, publish_did, r) < 0)
		return SERVER_ERROR;
	return DONE;
}

static int connect(struct req *r, void *arg)
{
	const struct wizard *w = arg;
	struct actor me = me_actor(r);
	int rc = w->link.connected ? pbx_link_sync_now(r->db, &me, r->acct.id, w->link.id)
				   : pbx_link_connect(r->db, &me, r->acct.id, w->link.id);
	return rc < 0 ? -1 : rc == 0 ? 1 : 0;
}

struct schedule {
	const struct wizard *w;
	int minutes;
};

static int set_schedule(struct req *r, void *arg)
{
	struct schedule *s = arg;
	struct actor me = me_actor(r);
	return pbx_link_set_schedule(r->db, &me, r->acct.id, s->w->link.id, s->minutes) < 0 ? -1 : 0;
}

/* PBX Sync Schedule (in minutes): 1 to PBX_SYNC_MINUTES_MAX; 0 with a message. */
static int minutes_of(struct req *r)
{
	const char *v = in(r, "minutes");
	char *end;
	long n = strtol(v, &end, 10);
	if (!*v || *end || n < 1 || n > PBX_SYNC_MINUTES_MAX) {
		field_error(r, "minutes", *v ? "gateway.gateway_connect.errors.minutes_invalid" : "errors.required");
		return 0;
	}
	return (int)n;
}

int gateway_connect_post(struct req *r)
{
	struct wizard w;
	if (wizard_load(r, &w) != 0)
		return SERVER_ERROR;
	const char *action = in(r, "action");
	if (!w.added || w.removing || !w.has_link) {
		field_error(r, "action", "gateway.gateway_connect.no_link");
		return invalid(r);
	}
	if (strcmp(action, "connect") == 0 || strcmp(action, "sync_now") == 0) {
		if (form_has_errors(r))
			return invalid(r);
		int rc = tx(r, connect, &w);
		if (rc < 0)
			return SERVER_ERROR;
		if (rc > 0) {
			field_error(r, "action", "gateway.gateway_connect.busy");
			return invalid(r);
		}
		return done(r, w.link.connected ? "flash.gateway_sync_queued" : NULL, "%s/connect", w.base);
	}
	if (strcmp(action, "next") != 0) {
		field_error(r, "action", "errors.invalid_choice");
		return invalid(r);
	}
	if (!w.link.connected) {
		field_error(r, "action", "gateway.gateway_connect.not_connected");
		return invalid(r);
	}
	int smbc = w.has_gateway && strcmp(w.gw.platform, "smbc") == 0;
	struct schedule s = {&w, smbc ? w.link.sync_minutes : minutes_of(r)};
	if (form_has_errors(r))
		return invalid(r);
	/* An SMBC blade's schedule is fixed (guide §3.1.1): nothing to keep. */
	if (!smbc && tx(r, set_schedule, &s) != 0)
		return SERVER_ERROR;
	return done(r, NULL, "%s/%s", w.base, w.line.step == STEP_COMPLETE ? "overview" : "deployment");
}
