/* seed-demo's Integrations & Apps and Developer data (guide §2.3, §3.1,
 * §2.14.11), made by Pat, the demo partner administrator, through the same
 * lib/ functions as the screens, each with its event: Acme has MiCollab,
 * Mitel One (with its subscription) and a CloudLink Gateway still to be
 * set up, and a Zoom Hybrid subscription without the Zoom integration (the
 * warning); Globex has MiTeam Meetings, a CloudLink Gateway and Bandwidth
 * Optimization (scripts/demo-gateway then onboards Acme's gateway fully and
 * Globex's part-way, through the simulators); the
 * Acme Wallboard application is registered and assigned to Acme (its secret
 * is shown by Regenerate secret on its Developer page). Each piece is made
 * only when it is missing. */
#include "cgi-bin/cli_integrations.h"
#include "lib/accounts.h"
#include "lib/applications.h"
#include "lib/integrations.h"
#include "lib/subscriptions.h"

#include <stdio.h>
#include <string.h>

struct demo {
	db *d;
	const char *partner_id;
	const struct actor *pat;
	char account_id[UUID_LEN];
	const char *account_name;
	const char *key;                      /* the integration to add */
	const struct subscription_fields *subscription;
	long long app_id;
	char client_id[UUID_LEN];
	char secret[TOKEN_HEX];
};

/* What the catalogue's Add does (cgi-bin/integrations/catalogue.c). */
static int add_integration(void *ctx)
{
	struct demo *m = ctx;
	const struct integration_kind *k = integration_kind(m->key);
	json_t *changes = json_object();
	if (!k || !changes)
		return -1;
	int rc = integration_add(m->d, m->pat, m->account_id, k, changes);
	if (rc == 1) {
		json_object_set_new(changes, "integration", json_string(k->name));
		rc = audit_event(m->d, m->account_id, m->pat, "integration.add", "account", m->account_id, m->account_name,
				 changes);
	}
	json_decref(changes);
	return rc;
}

/* What Call Services' toggle does (cgi-bin/integrations/call_services.c). */
static int bandwidth_on(void *ctx)
{
	struct demo *m = ctx;
	json_t *changes = json_object();
	if (!changes)
		return -1;
	int rc = account_set_bandwidth_optimization(m->d, m->account_id, 1, changes);
	if (rc == 1)
		rc = audit_event(m->d, m->account_id, m->pat, "call_services.update", "account", m->account_id,
				 m->account_name, changes);
	json_decref(changes);
	return rc;
}

/* What the orders feature will do when it assigns an order (lib/subscriptions.h). */
static int add_subscription(void *ctx)
{
	struct demo *m = ctx;
	const struct subscription_fields *f = m->subscription;
	long long id = subscription_insert(m->d, f);
	if (id <= 0)
		return id < 0 ? -1 : 0;
	json_t *details = json_pack("{s:s,s:s,s:s,s:i}", "subscriptionNumber", f->subscription_number, "product",
				    f->product, "plan", f->plan, "quantity", f->quantity);
	int rc = audit_event(m->d, m->account_id, m->pat, "subscription.add", "subscription", f->subscription_number,
			     f->product, details);
	json_decref(details);
	return rc;
}

static int find_app(void *ctx, const struct application *a)
{
	struct demo *m = ctx;
	if (strcmp(a->name, "Acme Wallboard") == 0)
		m->app_id = a->id;
	return 0;
}

/* What Register application and Assign do (cgi-bin/developer/). */
static int register_app(void *ctx)
{
	struct demo *m = ctx;
	struct application_fields f = {
		"Acme Wallboard", "Shows Acme's queues and who is available", "https://wallboard.acme.example.com/callback",
	};
	char name[1024];
	if (application_insert(m->d, m->partner_id, &f, m->pat->name, &m->app_id, m->client_id, m->secret) != 1 ||
	    application_assign(m->d, m->partner_id, m->app_id, m->account_id, m->pat->name, name, sizeof name) != 1)
		return -1;
	char id[24];
	snprintf(id, sizeof id, "%lld", m->app_id);
	json_t *created = json_pack("{s:s,s:s,s:s}", "clientId", m->client_id, "description", f.description,
				    "redirectUris", f.redirect_uris);
	json_t *assigned = json_pack("{s:s,s:s}", "account", name, "accountId", m->account_id);
	int rc = audit_event(m->d, m->partner_id, m->pat, "application.create", "application", id, f.name, created) != 0 ||
		 audit_event(m->d, m->partner_id, m->pat, "application.assign", "application", id, f.name, assigned) != 0 ||
		 audit_event(m->d, m->account_id, m->pat, "application.assign", "application", id, f.name, assigned) != 0
		 ? -1 : 0;
	json_decref(created);
	json_decref(assigned);
	return rc;
}

static int in_account(struct demo *m, const char *name)
{
	m->account_name = name;
	return account_find_by_name(m->d, m->partner_id, name, m->account_id) == 1 ? 0 : -1;
}

int demo_integrations(db *d, const char *partner_id, const struct actor *pat)
{
	struct demo m = {.d = d, .partner_id = partner_id, .pat = pat};
	static const char *const acme[] = {"micollab", "mitel_one", "gateway"};
	const struct subscription_fields subs[] = {
		{.partner_id = partner_id, .subscription_number = "S-100231", .product = "Mitel One", .plan = "Premier",
		 .plan_code = "54014777", .quantity = 25, .start_date = "2025-01-01"},
		{.partner_id = partner_id, .subscription_number = "S-100232", .product = "Zoom Hybrid",
		 .plan = "hMitel Indirect", .plan_code = "5401484", .quantity = 2, .start_date = "2025-01-01"},
	};
	if (in_account(&m, "Acme Corporation") != 0)
		return -1;
	for (size_t i = 0; i < sizeof acme / sizeof acme[0]; i++) {
		m.key = acme[i];
		if (db_tx(d, add_integration, &m) < 0)
			return -1;
	}
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
		struct subscription_fields f = subs[i];
		f.account_id = m.account_id;
		m.subscription = &f;
		if (db_tx(d, add_subscription, &m) != 0)
			return -1;
	}
	if (applications_each(d, partner_id, find_app, &m) < 0)
		return -1;
	/* Its secret is not printed (nor kept): Regenerate secret on its page shows one. */
	if (!m.app_id && db_tx(d, register_app, &m) != 0)
		return -1;
	memset(m.secret, 0, sizeof m.secret);
	if (in_account(&m, "Globex Industries") != 0)
		return -1;
	static const char *const globex[] = {"miteam", "gateway"};
	for (size_t i = 0; i < sizeof globex / sizeof globex[0]; i++) {
		m.key = globex[i];
		if (db_tx(d, add_integration, &m) < 0)
			return -1;
	}
	return db_tx(d, bandwidth_on, &m) < 0 ? -1 : 0;
}
