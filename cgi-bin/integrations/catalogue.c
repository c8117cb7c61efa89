/* + Add new (guide §3.1 "Adding an integration to a customer account";
 * ch3 §1.2): the catalogue of integrations, searchable, in its Mitel and
 * 3rd party tabs, each card with Add, or Added and its Remove; Done goes
 * back to the panel. A page of its own, so it works without JavaScript
 * (which filters the cards as the search is typed). */
#include "cgi-bin/integrations/panel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The page's state (tab, search, the page Done goes back to) as a query string. */
static void catalogue_query(struct req *r, const char *tab, const char *q, const char *from, char *out, size_t size)
{
	char *esc = NULL;
	if (*q && cgi_url_escape(q, &esc) != STATUS_OK)
		esc = NULL;
	snprintf(out, size, "tab=%s%s%s&from=%s", tab, esc ? "&q=" : "", esc ? esc : "", from);
	free(esc);
}

static const char *tab_or_default(const char *tab)
{
	return strcmp(tab, "third_party") == 0 ? "third_party" : "mitel";
}

static const char *from_or_default(const char *from)
{
	return strcmp(from, "info") == 0 ? "info" : "integrations";
}

/* The card matches the search: its name or description contains it. */
static int matches(struct req *r, const struct integration_kind *k, const char *q)
{
	if (!*q)
		return 1;
	char key[96];
	snprintf(key, sizeof key, "integrations.about.%s", k->key);
	return strcasestr(k->name, q) || strcasestr(lang(r, key), q);
}

int catalogue_get(struct req *r)
{
	struct account_integrations a;
	if (account_integrations_load(r->db, r->acct.id, 0, &a) != 0)
		return SERVER_ERROR;
	/* After a refused Add the form's own values come back. */
	const char *tab = tab_or_default(form(r, "tab"));
	const char *q = form(r, "q");
	const char *from = from_or_default(form(r, "from"));
	hdf_set_value(r->hdf, "Page.Title", lang(r, "integrations.catalogue.title"));
	hdf_set_value(r->hdf, "Catalogue.Tab", tab);
	hdf_set_value(r->hdf, "Catalogue.Q", q);
	hdf_set_value(r->hdf, "Catalogue.From", from);
	char back[128];
	integrations_back(r, from, back, sizeof back);
	hdf_set_value(r->hdf, "Catalogue.Done", back);
	int n, shown = 0;
	const struct integration_kind *all = integration_kinds(&n);
	for (int i = 0; i < n; i++) {
		const struct integration_kind *k = &all[i];
		if (strcmp(integration_tab_key(k->tab), tab) != 0 || !matches(r, k, q))
			continue;
		char key[96];
		snprintf(key, sizeof key, "Catalogue.Cards.%d.key", shown);
		hdf_set_value(r->hdf, key, k->key);
		snprintf(key, sizeof key, "Catalogue.Cards.%d.name", shown);
		hdf_set_value(r->hdf, key, k->name);
		snprintf(key, sizeof key, "Catalogue.Cards.%d.icon", shown);
		hdf_set_value(r->hdf, key, k->icon);
		snprintf(key, sizeof key, "Catalogue.Cards.%d.added", shown);
		hdf_set_value(r->hdf, key, integration_entry_of(&a, k) ? "1" : "");
		shown++;
	}
	return DONE;
}

struct add_call {
	const struct integration_kind *k;
	int added;
};

static int add(struct req *r, void *arg)
{
	struct add_call *c = arg;
	struct actor me = me_actor(r);
	json_t *changes = json_object();
	if (!changes)
		return -1;
	c->added = integration_add(r->db, &me, r->acct.id, c->k, changes);
	int rc = c->added <= 0 ? c->added : integrations_event(r, "integration.add", c->k, changes);
	json_decref(changes);
	return rc;
}

int catalogue_post(struct req *r)
{
	struct add_call c = {integrations_kind_input(r), 0};
	if (c.k && (c.k->flags & INTEG_PERMANENT))
		field_error(r, "kind", "errors.invalid_choice");
	if (form_has_errors(r))
		return invalid(r);
	if (tx(r, add, &c) != 0)
		return SERVER_ERROR;
	char query[512];
	catalogue_query(r, tab_or_default(in(r, "tab")), in(r, "q"), from_or_default(in(r, "from")), query, sizeof query);
	return done(r, c.added ? "flash.integration_added" : NULL, "/a/%s/integrations/add?%s", r->acct.id, query);
}
