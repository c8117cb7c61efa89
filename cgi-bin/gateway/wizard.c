/* The frame of the CloudLink Gateway wizard (guide §3.1.1; ch3 §2.2, §2.3,
 * §2.6): see wizard.h. */
#include "cgi-bin/gateway/wizard.h"
#include "cgi-bin/core/render.h"

#include <stdio.h>
#include <string.h>

int wizard_load(struct req *r, struct wizard *w)
{
	memset(w, 0, sizeof *w);
	snprintf(w->base, sizeof w->base, WIZARD_PATH, r->acct.id);
	int added = gateway_status_line(r->db, r->acct.id, &w->line);
	if (added < 0 || (w->has_gateway = gateway_find(r->db, r->acct.id, &w->gw)) < 0 ||
	    (w->has_link = pbx_link_find(r->db, r->acct.id, 0, &w->link)) < 0 ||
	    gateway_removal_pending(r->db, r->acct.id, &w->removing) < 0)
		return -1;
	w->added = added;
	return 0;
}

const char *wizard_step_tab(const struct wizard *w)
{
	switch (w->line.step) {
	case STEP_ADD_PBX:
	case STEP_SYNC_PBX:
		return "pbx";
	case STEP_CONNECT_PBX:
		return "connect";
	case STEP_DEPLOYMENT:
		return "deployment";
	case STEP_COMPLETE:
		return "overview";
	default:
		return "site";
	}
}

int wizard_reached(const struct wizard *w, enum onboarding_step step)
{
	if (!w->added)
		return 0;
	/* An SMBC blade's Sync PBX stands where a standalone gateway's Add PBX does. */
	int at = w->line.step == STEP_SYNC_PBX ? STEP_ADD_PBX : w->line.step;
	int want = step == STEP_SYNC_PBX ? STEP_ADD_PBX : step;
	return at >= want;
}

int wizard_tab(struct req *r, struct wizard *w, const char *tab)
{
	if (wizard_load(r, w) != 0)
		return -1;
	if (!w->added || w->removing) {
		redirect(r, "%s", w->base);
		return 0;
	}
	wizard_publish(r, w, tab);
	return 1;
}

void wizard_publish_gateway(struct req *r, const struct gateway *g)
{
	HDF *h;
	if (hdf_get_node(r->hdf, "Gateway", &h) != STATUS_OK)
		return;
	hdf_set_value(h, "serial", g->serial);
	hdf_set_value(h, "kind", g->kind);
	hdf_set_value(h, "platform", g->platform);
	hdf_set_value(h, "version", g->version);
	hdf_set_value(h, "available_version", g->available_version);
	hdf_set_int_value(h, "update_available", g->update_available);
	hdf_set_value(h, "ip_address", g->ip_address);
	hdf_set_value(h, "update_schedule", g->update_schedule);
	hdf_set_value(h, "call_trace", g->call_trace);
	hdf_set_value(h, "claimed", g->claimed);
	hdf_set_value(h, "last_seen", g->last_seen);
	hdf_set_int_value(h, "online", g->online);
	hdf_set_int_value(h, "seen", g->last_seen[0] != 0);
}

/* The tabs in the guide's order, and the step each one finishes. */
static const struct {
	const char *key;
	enum onboarding_step done_at;   /* the tab's work is done once onboarding reaches it */
} tabs[] = {
	{"site", STEP_ADD_PBX}, {"pbx", STEP_CONNECT_PBX}, {"connect", STEP_DEPLOYMENT},
	{"deployment", STEP_COMPLETE}, {"advanced", STEP_NONE}, {"overview", STEP_NONE},
};

void wizard_publish(struct req *r, const struct wizard *w, const char *tab)
{
	char key[96], path[192], text[1024];
	hdf_set_value(r->hdf, "Page.Title", lang(r, "gateway.wizard.title"));
	hdf_set_value(r->hdf, "Wizard.base", w->base);
	hdf_set_value(r->hdf, "Wizard.tab", tab);
	hdf_set_int_value(r->hdf, "Wizard.added", w->added);
	hdf_set_value(r->hdf, "Wizard.step", w->added ? onboarding_step_key(w->line.step) : "");
	/* Return to <account>: the page the wizard was opened from (guide §3.1.1). */
	snprintf(path, sizeof path, "/a/%s/info", r->acct.id);
	hdf_set_value(r->hdf, "Wizard.return_href", path);
	for (size_t i = 0; i < sizeof tabs / sizeof tabs[0]; i++) {
		snprintf(key, sizeof key, "Wizard.Tabs.%zu.key", i);
		hdf_set_value(r->hdf, key, tabs[i].key);
		snprintf(key, sizeof key, "Wizard.Tabs.%zu.label", i);
		snprintf(text, sizeof text, "gateway.wizard.tabs.%s", tabs[i].key);
		hdf_set_value(r->hdf, key, lang(r, text));
		snprintf(key, sizeof key, "Wizard.Tabs.%zu.done", i);
		hdf_set_int_value(r->hdf, key, tabs[i].done_at != STEP_NONE && wizard_reached(w, tabs[i].done_at));
	}
	if (w->added) {
		hdf_set_value(r->hdf, "Status.level", w->line.level);
		gateway_status_text(render_lang(), r->language, &w->line, text, sizeof text);
		hdf_set_value(r->hdf, "Status.text", text);
		if (w->line.warning_key)
			hdf_set_value(r->hdf, "Status.warning", lang(r, w->line.warning_key));
		if (w->line.alert_key)
			hdf_set_value(r->hdf, "Status.alert", lang(r, w->line.alert_key));
		hdf_set_value(r->hdf, "Status.tab", w->line.tab);
	}
	if (w->removing) {
		snprintf(path, sizeof path, "/a/%s/jobs/%lld", r->acct.id, w->removing);
		hdf_set_value(r->hdf, "Wizard.removing", path);
	}
	/* Removing: the typed word for a physical appliance (ch3 §2.6). */
	snprintf(path, sizeof path, "%s/%s", w->base, wizard_physical(w) ? "revert" : "remove");
	if (w->added && !w->removing && allowed(r, "POST", path)) {
		hdf_set_value(r->hdf, "Wizard.remove_href", path);
		hdf_set_int_value(r->hdf, "Wizard.complete", w->line.step == STEP_COMPLETE);
	}
}

void wizard_field_error(struct req *r, const char *section, const char *field, const char *reason)
{
	char key[160];
	snprintf(key, sizeof key, "%s.errors.%s_%s", section, field, reason);
	if (strcmp(lang(r, key), key) != 0)
		field_error(r, field, key);
	else if (strcmp(reason, "required") == 0 || strcmp(reason, "too_long") == 0)
		field_error(r, field, strcmp(reason, "required") == 0 ? "errors.required" : "errors.too_long");
	else
		field_error(r, field, "errors.invalid_text");
}

int wizard_physical(const struct wizard *w)
{
	return w->has_gateway && strcmp(w->gw.kind, "physical") == 0;
}

struct removal {
	long long id;
};

static int start_removal(struct req *r, void *arg)
{
	struct removal *rm = arg;
	struct actor me = me_actor(r);
	char back[160];
	snprintf(back, sizeof back, WIZARD_PATH, r->acct.id);
	rm->id = gateway_removal_start(r->db, &me, r->acct.id, back);
	if (rm->id <= 0)
		return rm->id < 0 ? -1 : 1;
	return job_run_if_small(r->db, rm->id);
}

long long wizard_start_removal(struct req *r)
{
	struct removal rm = {0};
	int rc = tx(r, start_removal, &rm);
	return rc < 0 ? -1 : rc > 0 ? 0 : rm.id;
}
