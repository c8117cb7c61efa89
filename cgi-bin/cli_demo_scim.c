/* `console seed-demo-scim` (run by `make run` after seed-demo): the demo's
 * SCIM provisioning, through the lib/ code of the screens. Contoso Ltd gets
 * Azure AD Sync set up — fresh keys on every run, printed as "TENANT_URL
 * TOKEN FABRIKAM_ID" for scripts/run to hand to the Entra replay, which provisions
 * Contoso's people through the SCIM service itself — and Fabrikam Inc a
 * SCIM source on the scimmy peer's demo tenant (ScimPeer.URL), which syncd
 * pulls. Idempotent but for the keys. */
#include "cgi-bin/cli.h"
#include "lib/accounts.h"
#include "lib/azure_ad_sync.h"
#include "lib/core/config.h"
#include "lib/scim_sources.h"
#include "lib/scim_users.h"

#include <stdio.h>
#include <string.h>

#define PARTNER_NAME "Demo Partner"
#define PAT_EMAIL "partner@demo.example.com"

struct scim_demo {
	db *d;
	char partner[UUID_LEN];
	struct actor pat;
	char contoso[UUID_LEN], fabrikam[UUID_LEN];
	char token[TOKEN_HEX];
};

static const struct account_fields contoso = {"Contoso Ltd", "US", "WA", "1 Microsoft Way", "Redmond", "98052", "en",
					       "Enterprise"};
static const struct account_fields fabrikam = {"Fabrikam Inc", "US", "CA", "1 Market Street", "San Francisco", "94105",
					       "en", "Small Business"};

struct new_customer {
	struct scim_demo *m;
	const struct account_fields *f;
	char *id;
};

static int add_customer(void *ctx)
{
	struct new_customer *c = ctx;
	char contacts[1][EMAIL_MAX + 1];
	snprintf(contacts[0], sizeof contacts[0], "it@%s.example.com", c->f == &contoso ? "contoso" : "fabrikam");
	return account_insert(c->m->d, &c->m->pat, c->m->partner, c->f, c->id) != 0 ||
	       account_set_contacts(c->m->d, c->id, contacts, 1) != 0 ? -1 : 0;
}

/* The customer account named f->name, made by Pat when missing. */
static int customer(struct scim_demo *m, const struct account_fields *f, char id[UUID_LEN])
{
	int found = account_find_by_name(m->d, m->partner, f->name, id);
	if (found != 0)
		return found < 0 ? -1 : 0;
	struct new_customer c = {m, f, id};
	return db_tx(m->d, add_customer, &c) == 0 ? 0 : -1;
}

static int keys(void *ctx)
{
	struct scim_demo *m = ctx;
	return azure_ad_sync_generate(m->d, m->contoso, &m->pat, m->token);
}

struct has_source {
	int n;
};

static int count_source(void *ctx, const struct scim_source *s)
{
	((struct has_source *)ctx)->n++;
	return 0;
}

struct new_source {
	struct scim_demo *m;
	const struct scim_source_fields *f;
	const char *sealed;
};

static int add_source(void *ctx)
{
	struct new_source *c = ctx;
	return scim_source_add(c->m->d, c->m->fabrikam, c->f, c->sealed, &c->m->pat) < 0 ? -1 : 0;
}

static int source(struct scim_demo *m)
{
	struct has_source h = {0};
	if (scim_sources_each(m->d, m->fabrikam, count_source, &h) < 0)
		return -1;
	const char *peer = cfg_str("ScimPeer.URL", "");
	if (h.n > 0 || !*peer)
		return 0;
	char url[1024], sealed[SCIM_SOURCE_SEALED_MAX];
	snprintf(url, sizeof url, "%s/t/demo", peer);
	if (secret_seal(cfg_str("Crypto.Key", ""), "demo-token", sealed, sizeof sealed) != 0)
		return -1;
	struct scim_source_fields f = {"Fabrikam HR (scimmy peer)", url, "", 60};
	struct new_source c = {m, &f, sealed};
	return db_tx(m->d, add_source, &c) == 0 ? 0 : -1;
}

int cli_seed_demo_scim(void)
{
	struct scim_demo m = {0};
	if (!(m.d = db_open())) {
		fprintf(stderr, "seed-demo-scim: cannot connect to the database\n");
		return 1;
	}
	long long pat_id = 0;
	int rc = 1;
	if (account_find_by_name(m.d, NULL, PARTNER_NAME, m.partner) != 1 ||
	    user_find_by_email(m.d, m.partner, PAT_EMAIL, &pat_id) != 1) {
		fprintf(stderr, "seed-demo-scim: run seed-demo first\n");
		goto out;
	}
	m.pat = (struct actor){pat_id, "Pat Partner", PAT_EMAIL};
	if (customer(&m, &contoso, m.contoso) != 0 || customer(&m, &fabrikam, m.fabrikam) != 0 ||
	    db_tx(m.d, keys, &m) != 0 || source(&m) != 0) {
		fprintf(stderr, "seed-demo-scim: %s\n", db_error(m.d));
		goto out;
	}
	char url[1200];
	scim_base_url(m.contoso, url, sizeof url);
	printf("%s %s %s\n", url, m.token, m.fabrikam);
	rc = 0;
out:
	db_close(m.d);
	return rc;
}
