/* Manage Selected (guide §2.15.1): the partner's customer accounts as they
 * stand for the selected account managers. For one manager two tabs,
 * Accounts assigned and Accounts not assigned; for several three, Accounts
 * assigned to all, to some, and not assigned. Each row shows how many
 * managers the account has in all, naming them on hover. Accounts are
 * searched by the start of their name, 50 to a page (lib/managers.h).
 * Select accounts, then Assign or Unassign (a confirmation follows); the
 * buttons wait until an account is selected. */
#include "cgi-bin/core/listing.h"
#include "cgi-bin/core/request.h"
#include "cgi-bin/managers/account_managers_form.h"

#include <stdio.h>
#include <string.h>

enum { BY_NAME };

static const struct sort_column columns[] = {
	{"name", BY_NAME},
	{NULL, 0},
};

/* The tabs: which accounts each lists, for one manager or several. */
static const struct {
	const char *key;
	int single;       /* offered for one manager (else for several) */
	enum manage_tab tab;
} tabs[] = {
	{"assigned", 1, MANAGE_ALL}, {"not", 1, MANAGE_NONE},
	{"all", 0, MANAGE_ALL}, {"some", 0, MANAGE_SOME}, {"not", 0, MANAGE_NONE},
};

struct rows {
	struct req *r;
	int n;
};

static int publish_row(void *ctx, const struct manage_account_row *a)
{
	struct rows *c = ctx;
	HDF *row;
	char key[32];
	snprintf(key, sizeof key, "Rows.%d", c->n++);
	if (hdf_get_node(c->r->hdf, key, &row) != STATUS_OK)
		return -1;
	hdf_set_value(row, "id", a->id);
	hdf_set_value(row, "name", a->name);
	hdf_set_value(row, "modified", a->modified);
	hdf_set_valuef(row, "total_managers=%lld", a->total_managers);
	hdf_set_value(row, "manager_names", a->manager_names);
	return 0;
}

int account_managers_manage_get(struct req *r)
{
	struct manager_selection s;
	int k = managers_read_selection(r, "account_manager", &s);
	if (k < 0)
		return SERVER_ERROR;
	if (k == 0)
		return done(r, NULL, "/account-managers");
	/* The tab asked for, if this selection has it; else its first. */
	const char *wanted = form(r, "tab");
	int chosen = -1;
	for (size_t i = 0; i < sizeof tabs / sizeof tabs[0]; i++) {
		if (tabs[i].single != (k == 1))
			continue;
		if (chosen < 0 || strcmp(wanted, tabs[i].key) == 0)
			chosen = (int)i;
		if (strcmp(wanted, tabs[i].key) == 0)
			break;
	}
	hdf_set_value(r->hdf, "Manage.Tab", tabs[chosen].key);
	hdf_set_int_value(r->hdf, "Manage.Single", k == 1);
	hdf_set_value(r->hdf, "Query.tab", tabs[chosen].key);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "managers.account_managers_manage.title"));

	struct listing l;
	listing_read(r, &l, columns);
	struct manager_ids m = {s.ids_text, k};
	struct manage_counts counts;
	if (managers_manage_counts(r->db, r->me.partner_id, &m, l.q_prefix, &counts) != 0)
		return SERVER_ERROR;
	hdf_set_valuef(r->hdf, "Manage.Count.all=%lld", counts.all);
	hdf_set_valuef(r->hdf, "Manage.Count.some=%lld", counts.some);
	hdf_set_valuef(r->hdf, "Manage.Count.none=%lld", counts.none);
	enum manage_tab tab = tabs[chosen].tab;
	long long total = tab == MANAGE_ALL ? counts.all : tab == MANAGE_SOME ? counts.some : counts.none;
	listing_clamp(&l, total);
	struct rows c = {r, 0};
	if (managers_manage_each(r->db, r->me.partner_id, &m, tab, l.q_prefix, l.descending, l.per_page, l.offset,
				 publish_row, &c) < 0)
		return SERVER_ERROR;
	static const char *const keep[] = {"tab", NULL};
	listing_publish(r, &l, total, keep);
	/* Links keep the selection too. */
	char with_users[8192];
	const char *kept = hdf_get_value(r->hdf, "List.Keep", "");
	snprintf(with_users, sizeof with_users, "%s%s%s", s.query, *kept ? "&" : "", kept);
	hdf_set_value(r->hdf, "List.Keep", with_users);
	snprintf(with_users, sizeof with_users, "%s&%s", s.query, hdf_get_value(r->hdf, "List.KeepSort", ""));
	hdf_set_value(r->hdf, "List.KeepSort", with_users);
	return DONE;
}
