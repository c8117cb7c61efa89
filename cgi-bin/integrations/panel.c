#include "cgi-bin/integrations/panel.h"
#include "cgi-bin/core/render.h"
#include "cgi-bin/core/routes.h"
#include "lib/subscriptions.h"

#include <stdio.h>
#include <string.h>

void integrations_back(struct req *r, const char *from, char *out, size_t size)
{
	snprintf(out, size, strcmp(from, "info") == 0 ? "/a/%s/info" : "/a/%s/integrations", r->acct.id);
}

void integrations_publish_from(struct req *r, const char *prefix)
{
	const char *from = strcmp(form(r, "from"), "info") == 0 ? "info" : "integrations";
	char key[64], back[128];
	integrations_back(r, from, back, sizeof back);
	snprintf(key, sizeof key, "%s.From", prefix);
	hdf_set_value(r->hdf, key, from);
	snprintf(key, sizeof key, "%s.Back", prefix);
	hdf_set_value(r->hdf, key, back);
}

const struct integration_kind *integrations_kind_input(struct req *r)
{
	const struct integration_kind *k = integration_kind(in(r, "kind"));
	if (!k && !form_has_errors(r))
		field_error(r, "kind", "errors.invalid_choice");
	return k;
}

int integrations_event(struct req *r, const char *action, const struct integration_kind *k, json_t *changes)
{
	if (k && json_object_set_new(changes, "integration", json_string(k->name)) != 0)
		return -1;
	return event(r, r->acct.id, action, "account", r->acct.id, r->acct.name, changes);
}

/* A later feature's setup screen is linked once its row is in the route
 * table; until then the status line says setup is not available. */
int integration_setup_href(struct req *r, const struct integration_kind *k, char *out, size_t size)
{
	out[0] = 0;
	if (!k->setup_route)
		return 0;
	int n;
	const struct route *t = route_table(&n);
	for (int i = 0; i < n; i++)
		if (strcmp(t[i].method, "GET") == 0 && strcmp(t[i].pattern, k->setup_route) == 0) {
			const char *at = strstr(k->setup_route, ":acct");
			if (!at)
				snprintf(out, size, "%s", k->setup_route);
			else
				snprintf(out, size, "%.*s%s%s", (int)(at - k->setup_route), k->setup_route, r->acct.id, at + 5);
			return 1;
		}
	return 0;
}

/* "{product}" and "{integration}" replaced: lang text is never a format. */
static void warning_text(struct req *r, const char *product, const char *integration, char *out, size_t size)
{
	const char *t = lang(r, "integrations.panel.subscription_warning");
	size_t len = 0;
	out[0] = 0;
	while (*t && len + 1 < size) {
		const char *with = NULL;
		size_t skip = 0;
		if (strncmp(t, "{product}", 9) == 0)
			with = product, skip = 9;
		else if (strncmp(t, "{integration}", 13) == 0)
			with = integration, skip = 13;
		if (with) {
			int w = snprintf(out + len, size - len, "%s", with);
			len = w < 0 ? len : len + (size_t)w < size ? len + (size_t)w : size - 1;
			t += skip;
		} else {
			out[len++] = *t++;
			out[len] = 0;
		}
	}
}

#define WARNINGS_MAX 20

struct subscriptions_seen {
	struct req *r;
	const struct account_integrations *a;
	const struct integration_kind *subscribed[INTEGRATION_KINDS_MAX];
	int n_subscribed;
	char products[WARNINGS_MAX][101];
	int n_warnings;
};

/* Guide §2.3: a subscription whose integration is not enabled warns once per product. */
static int subscription_seen(void *ctx, const struct subscription *s)
{
	struct subscriptions_seen *c = ctx;
	const struct integration_kind *k = integration_for_product(s->product);
	if (!k)
		return 0;
	if (c->n_subscribed < INTEGRATION_KINDS_MAX)
		c->subscribed[c->n_subscribed++] = k;
	const struct integration_entry *e = integration_entry_of(c->a, k);
	if ((e && e->state == INTEG_ENABLED) || c->n_warnings >= WARNINGS_MAX)
		return 0;
	for (int i = 0; i < c->n_warnings; i++)
		if (strcmp(c->products[i], s->product) == 0)
			return 0;
	snprintf(c->products[c->n_warnings], sizeof c->products[0], "%s", s->product);
	char key[64], text[1024];
	snprintf(key, sizeof key, "Integrations.Warnings.%d", c->n_warnings++);
	warning_text(c->r, s->product, k->name, text, sizeof text);
	hdf_set_value(c->r->hdf, key, text);
	return 0;
}

static int is_subscribed(const struct subscriptions_seen *c, const struct integration_kind *k)
{
	for (int i = 0; i < c->n_subscribed; i++)
		if (c->subscribed[i] == k)
			return 1;
	return 0;
}

static void set_row(struct req *r, int i, const char *field, const char *value)
{
	char key[96];
	snprintf(key, sizeof key, "Integrations.Rows.%d.%s", i, field);
	hdf_set_value(r->hdf, key, value);
}

static int publish_row(struct req *r, int i, const struct integration_kind *k, const struct integration_entry *e,
		       int subscribed)
{
	char href[256];
	int setup = integration_setup_href(r, k, href, sizeof href);
	struct integration_status st;
	memset(&st, 0, sizeof st);
	if (k->flags & INTEG_PERMANENT) {
		st.level = LEVEL_OK;
		st.text_key = "always_on";
	} else {
		integration_status_of(e, subscribed, setup, &st);
		/* A driver knows better while the integration is on (one query). */
		if (k->driver && k->driver->status && integration_switched_on(e->state) &&
		    k->driver->status(r->db, render_lang(), r->language, r->acct.id, &st) < 0)
			return SERVER_ERROR;
	}
	set_row(r, i, "key", k->key);
	set_row(r, i, "name", k->name);
	set_row(r, i, "icon", k->icon);
	set_row(r, i, "state", (k->flags & INTEG_PERMANENT) ? "enabled" : integration_state_key(e->state));
	int toggle = (k->flags & INTEG_PERMANENT) || e->state == INTEG_ENABLED || e->state == INTEG_ADDED;
	set_row(r, i, "toggle", toggle ? "1" : "");
	set_row(r, i, "on", (k->flags & INTEG_PERMANENT) || e->state == INTEG_ENABLED ? "1" : "");
	set_row(r, i, "permanent", (k->flags & INTEG_PERMANENT) ? "1" : "");
	set_row(r, i, "level", status_level_key(st.level));
	if (st.text_key) {
		char key[128];
		snprintf(key, sizeof key, "integrations.status.%s", st.text_key);
		set_row(r, i, "status", lang(r, key));
	} else {
		set_row(r, i, "status", st.text);
	}
	/* Complete setup while incomplete; the ⚙ of its settings once set up. */
	if (setup && st.setup_link)
		set_row(r, i, "setup_href", href);
	else if (setup)
		set_row(r, i, "settings_href", href);
	return DONE;
}

int integrations_panel_publish(struct req *r, const char *from)
{
	if (r->acct.is_partner)
		return DONE;
	struct account_integrations a;
	if (account_integrations_load(r->db, r->acct.id, 0, &a) != 0)
		return SERVER_ERROR;
	hdf_set_value(r->hdf, "Integrations.Customer", "1");
	hdf_set_value(r->hdf, "Integrations.Bandwidth", a.bandwidth_optimization ? "1" : "");
	/* Without View, no panel on either page (guide §2.14.6). */
	if (!can(r, FEAT_INTEGRATIONS, VERB_VIEW))
		return DONE;
	struct subscriptions_seen seen = {.r = r, .a = &a};
	if (subscriptions_each(r->db, r->acct.id, 1, subscription_seen, &seen) < 0)
		return SERVER_ERROR;

	hdf_set_value(r->hdf, "Integrations.Shown", "1");
	hdf_set_value(r->hdf, "Integrations.From", from);
	int n, row = 0;
	const struct integration_kind *all = integration_kinds(&n);
	for (int i = 0; i < n; i++) {
		const struct integration_entry *e = integration_entry_of(&a, &all[i]);
		if (!e && !(all[i].flags & INTEG_PERMANENT))
			continue;
		int rc = publish_row(r, row++, &all[i], e, is_subscribed(&seen, &all[i]));
		if (rc != DONE)
			return rc;
	}
	unsigned on = privileges_effective(&a);
	static const enum privilege privileges[] = {PRIV_DELEGATED_AUTH, PRIV_GUEST_ACCESS};
	for (size_t i = 0; i < sizeof privileges / sizeof privileges[0]; i++) {
		char key[96];
		snprintf(key, sizeof key, "Integrations.Privileges.%zu.key", i);
		hdf_set_value(r->hdf, key, privilege_key(privileges[i]));
		snprintf(key, sizeof key, "Integrations.Privileges.%zu.on", i);
		hdf_set_value(r->hdf, key, on & privileges[i] ? "1" : "");
	}
	return DONE;
}
