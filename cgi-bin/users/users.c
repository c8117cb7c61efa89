/* The Users list (guide §2.4): one account's users, sortable by name, email,
 * extension, modification time and role, searchable as you type by any
 * word of a name and any part of an email or extension, filterable, 50 to a
 * page; with Mitel One, its licences by tier and each user's Available
 * feature drop-down (guide §3.1.4.1). lib/user_list.h reads it (fast at 100,000 users); this fills the
 * page: rows, count, pager, filters, and the controls the route table
 * allows the signed-in user. */
#include "cgi-bin/core/listing.h"
#include "cgi-bin/core/request.h"
#include "cgi-bin/users/mitel_one_pools.h"
#include "cgi-bin/users/user_filter.h"
#include "cgi-bin/users/users_sort.h"
#include "lib/azure_ad_sync.h"

#include <stdio.h>
#include <string.h>

struct rows {
	struct req *r;
	int n;
};

static int publish_row(void *ctx, const struct user_list_row *u)
{
	struct rows *rows = ctx;
	HDF *h;
	char key[32];
	snprintf(key, sizeof key, "Rows.%d", rows->n++);
	if (hdf_get_node(rows->r->hdf, key, &h) != STATUS_OK)
		return -1;
	hdf_set_valuef(h, "id=%lld", u->id);
	hdf_set_value(h, "display_name", u->display_name);
	hdf_set_value(h, "email", u->email);
	hdf_set_value(h, "extension", u->extension);
	hdf_set_value(h, "role", u->role);
	hdf_set_value(h, "custom_role", u->custom_role);
	hdf_set_int_value(h, "registered", u->registered);
	hdf_set_value(h, "modified", u->modified);
	hdf_set_value(h, "updated_by_name", u->updated_by_name);
	hdf_set_value(h, "licenses", u->licenses);
	/* Mitel One's Available feature drop-down (guide §3.1.4.1): the
	 * user's tier and each feature on or off, read with the row. */
	int tier = mitel_one_tier_from_key(u->mitel_one_tier);
	if (tier != TIER_NONE) {
		hdf_set_value(h, "mitel_one.tier", mitel_one_tier_name((enum mitel_one_tier)tier));
		hdf_set_int_value(h, "mitel_one.chat", (u->mitel_one_features & FEATURE_CHAT) != 0);
		hdf_set_int_value(h, "mitel_one.miteam", (u->mitel_one_features & FEATURE_MITEAM) != 0);
		hdf_set_int_value(h, "mitel_one.telephony", (u->mitel_one_features & FEATURE_TELEPHONY) != 0);
	}
	return 0;
}

/* The account's Mitel One licences by tier, available and assigned (guide
 * §3.1.4.1), above the list while the account has any: one query. 0, or -1. */
static int publish_mitel_one(struct req *r)
{
	if (r->acct.is_partner)
		return 0;
	struct mitel_one_pools p;
	if (mitel_one_pools(r->db, r->acct.id, 0, &p) != 0)
		return -1;
	long long any = 0;
	for (int t = 0; t < TIER_COUNT; t++)
		any += p.total[t] + p.held[t];
	if (any)
		mitel_one_pools_publish(r, "Users.MitelOne", &p);
	hdf_set_int_value(r->hdf, "Users.MitelOne.shown", any != 0);
	return 0;
}

/* The controls of the page: each shown when its route is allowed here. */
static void publish_controls(struct req *r)
{
	char path[160];
	snprintf(path, sizeof path, "/a/%s/users/new", r->acct.id);
	hdf_set_int_value(r->hdf, "Users.CanAdd", allowed(r, "POST", path));
	snprintf(path, sizeof path, "/a/%s/users/import", r->acct.id);
	hdf_set_int_value(r->hdf, "Users.CanImport", allowed(r, "POST", path));
	snprintf(path, sizeof path, "/a/%s/users/manage", r->acct.id);
	hdf_set_int_value(r->hdf, "Users.CanManage", allowed(r, "POST", path));
}

/* Phone Number Conflict Search (guide §3.2.6), for an account whose users
 * Azure AD Sync provisions: a SCIM write refused for a number another user
 * holds is resolved there. 0, or -1. */
static int publish_phone_conflicts(struct req *r)
{
	char path[160];
	snprintf(path, sizeof path, "/a/%s/users/phone-conflicts", r->acct.id);
	if (r->acct.is_partner || !allowed(r, "GET", path))
		return 0;
	struct azure_ad_sync s;
	int set_up = azure_ad_sync_find(r->db, r->acct.id, &s);
	if (set_up < 0)
		return -1;
	hdf_set_int_value(r->hdf, "Users.PhoneConflicts", set_up);
	return 0;
}

int users_get(struct req *r)
{
	struct listing l;
	listing_read(r, &l, users_sorts);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "users.users.title"));
	publish_controls(r);
	if (publish_phone_conflicts(r) != 0 || publish_mitel_one(r) != 0)
		return SERVER_ERROR;

	struct user_match m;
	struct user_count c;
	if (user_filter_read(r, &m, l.q) != 0 || user_filter_publish_products(r) != 0 || user_filter_publish_groups(r) != 0 ||
	    users_count(r->db, &m, &c) != 0)
		return SERVER_ERROR;
	if (c.total >= 0)
		listing_clamp(&l, c.total);
	struct rows rows = {r, 0};
	int more = 0;
	if (users_page(r->db, &m, &c, (enum user_sort)l.sort->code, l.descending, l.per_page, l.offset, &more,
		       publish_row, &rows) < 0)
		return SERVER_ERROR;

	/* The filters are kept in every link of the list, so it can be bookmarked. */
	static const char *const keep[] = {"property", "product", "group", "sms", NULL};
	char text[128];
	if (c.total >= 0) {
		listing_publish(r, &l, c.total, keep);
		lang_count(r, "users.users.count_one", "users.users.count_other", c.total, text, sizeof text);
	} else {
		lang_count(r, "users.users.many_one", "users.users.many_other", USERS_MATCHES_EXACT, text, sizeof text);
		listing_publish_open(r, &l, rows.n, more, text, keep);
	}
	hdf_set_value(r->hdf, "Users.CountText", text);
	/* Nothing to act on: "Manage all" is drawn disabled (guide §2.4 Manage). */
	hdf_set_int_value(r->hdf, "Users.Empty", rows.n == 0);
	return DONE;
}
