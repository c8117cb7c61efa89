/* The gateway portal's Partner Dashboard (seed 001; ch2 §10): who is signed
 * in (Mitel MiAccess Identity and Organization Name — here the console's
 * own name and partner account, and the page says so), Create Customer,
 * and the Customer List: Customer Name, Account ID, Registered Users (a
 * link to the customer's registered users) and Status — the onboarding's
 * next step as a link, Overview once complete, problems in red with what is
 * wrong. A row opens the customer's onboarding. Filters: the name's start
 * and the status; pages of PAGE_SIZE without a count. The first time, with
 * no customer yet: Welcome to CloudLink. */
#include "cgi-bin/gateway/wizard.h"
#include "cgi-bin/core/render.h"
#include "lib/accounts.h"

#include <stdio.h>
#include <string.h>

#define PAGE_SIZE 25

static const char *const filter_keys[] = {
	[PORTAL_ALL] = "all", [PORTAL_COMPLETE] = "complete", [PORTAL_IN_PROGRESS] = "in_progress",
	[PORTAL_ATTENTION] = "attention", [PORTAL_NOT_STARTED] = "not_started",
};
#define N_FILTERS (sizeof filter_keys / sizeof filter_keys[0])

struct listing {
	struct req *r;
	int n;
};

static int publish_row(void *ctx, const struct gateway_portal_row *row)
{
	struct listing *l = ctx;
	struct req *r = l->r;
	if (l->n == PAGE_SIZE) {
		hdf_set_int_value(r->hdf, "List.More", 1);
		return 0;
	}
	char key[48], path[192], text[1024];
	snprintf(key, sizeof key, "Customers.%d", l->n++);
	HDF *h;
	if (hdf_get_node(r->hdf, key, &h) != STATUS_OK)
		return -1;
	hdf_set_value(h, "id", row->account_id);
	hdf_set_value(h, "name", row->name);
	hdf_set_valuef(h, "registered=%lld", row->registered);
	snprintf(path, sizeof path, "/a/%s/users?property=registered", row->account_id);
	hdf_set_value(h, "registered_href", path);
	struct gateway_status_line line;
	gateway_status_compose(&row->facts, &line);
	if (line.step == STEP_NONE) {
		snprintf(path, sizeof path, WIZARD_PATH, row->account_id);
		hdf_set_value(h, "status", lang(r, "gateway.portal.not_started"));
		hdf_set_value(h, "level", "none");
	} else {
		snprintf(path, sizeof path, WIZARD_PATH "/%s", row->account_id, line.tab);
		/* A deployment that succeeded reads Overview (seed 001). */
		if (strcmp(line.level, "ok") == 0 || strcmp(line.level, "warn") == 0)
			snprintf(text, sizeof text, "%s", lang(r, "gateway.portal.overview"));
		else
			gateway_status_text(render_lang(), r->language, &line, text, sizeof text);
		hdf_set_value(h, "status", text);
		hdf_set_value(h, "level", line.level);
		if (line.warning_key)
			hdf_set_value(h, "warning", lang(r, line.warning_key));
		if (line.alert_key)
			hdf_set_value(h, "alert", lang(r, line.alert_key));
	}
	hdf_set_value(h, "href", path);
	return 0;
}

int portal_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "gateway.portal.title"));
	struct account partner;
	if (account_load(r->db, r->me.partner_id, 0, &partner) != 1)
		return SERVER_ERROR;
	hdf_set_value(r->hdf, "Portal.identity", r->me.name);
	hdf_set_value(r->hdf, "Portal.organization", partner.name);
	hdf_set_int_value(r->hdf, "Portal.can_create", allowed(r, "GET", "/accounts/new"));

	struct gateway_portal_query q = {
		.partner_id = r->me.partner_id, .manager_id = r->me.restricted ? r->me.id : 0, .search = form(r, "q"),
		.filter = PORTAL_ALL, .limit = PAGE_SIZE + 1,
	};
	const char *status = form(r, "status");
	for (size_t i = 0; i < N_FILTERS; i++) {
		char key[64];
		snprintf(key, sizeof key, "Filters.%zu.value", i);
		hdf_set_value(r->hdf, key, filter_keys[i]);
		snprintf(key, sizeof key, "gateway.portal.filters.%s", filter_keys[i]);
		const char *label = lang(r, key);
		snprintf(key, sizeof key, "Filters.%zu.label", i);
		hdf_set_value(r->hdf, key, label);
		if (strcmp(status, filter_keys[i]) == 0)
			q.filter = (enum gateway_portal_filter)i;
	}
	if (strlen(q.search) > 200)
		q.search = "";
	long page = form_int(r, "page", 1, 1, 100000);
	q.offset = (page - 1) * PAGE_SIZE;
	hdf_set_value(r->hdf, "Search.q", q.search);
	hdf_set_value(r->hdf, "Search.status", filter_keys[q.filter]);
	hdf_set_int_value(r->hdf, "List.Page", (int)page);
	struct listing l = {r, 0};
	if (gateway_portal_each(r->db, &q, publish_row, &l) < 0)
		return SERVER_ERROR;
	/* The first time: no customer at all yet (P9-P13). */
	if (l.n == 0 && page == 1 && !*q.search && q.filter == PORTAL_ALL)
		hdf_set_int_value(r->hdf, "Portal.welcome", 1);
	return DONE;
}
