/* Manage → Bulk User Settings → Mitel One (guide §3.1.4.1): the account's
 * available licences per tier and those the selected users hold, Overwrite
 * licenses for selected users (Leave unchanged, Unassign all, or a tier —
 * offered only when the selection fits its pool, counting the licences the
 * selected users hold already), and each feature Leave unchanged / Enable /
 * Disable; Save runs it as a job with its progress page. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/users/manage_selection.h"
#include "cgi-bin/users/mitel_one_pools.h"

#include <stdio.h>
#include <string.h>

static const char *const features[] = {"chat", "miteam", "telephony"};

struct counts {
	struct mitel_one_pools pools;
	long long selected_held[TIER_COUNT];
	long long n;                    /* users selected */
};

static int count(struct req *r, const struct selection *s, struct counts *c)
{
	memset(c, 0, sizeof *c);
	if (mitel_one_pools(r->db, r->acct.id, 0, &c->pools) != 0)
		return -1;
	if (s->all) {
		/* Every user the list matches: all the holders may be among them. */
		c->n = s->matches >= 0 ? s->matches : USERS_MATCHES_EXACT + 1;
		memcpy(c->selected_held, c->pools.held, sizeof c->selected_held);
		return 0;
	}
	c->n = s->n;
	return mitel_one_selected_held(r->db, r->acct.id, s->ids, s->n, c->selected_held);
}

static void publish(struct req *r, const struct counts *c)
{
	mitel_one_pools_publish(r, "Bulk", &c->pools);
	long long selected = 0;
	for (int t = 0; t < TIER_COUNT; t++) {
		int i = mitel_one_pools_index((enum mitel_one_tier)t);
		hdf_set_valuef(r->hdf, "Bulk.Tiers.%d.selected=%lld", i, c->selected_held[t]);
		hdf_set_valuef(r->hdf, "Bulk.Tiers.%d.fits=%d", i,
			       mitel_one_tier_fits(c->n, c->pools.total[t], c->pools.held[t], c->selected_held[t]));
		selected += c->selected_held[t];
	}
	hdf_set_valuef(r->hdf, "Bulk.selected=%lld", selected);
}

int manage_mitel_one_get(struct req *r)
{
	struct selection s;
	struct counts c;
	int rc = manage_start(r, &s);
	if (rc <= 0)
		return rc < 0 ? SERVER_ERROR : DONE;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "users.manage_mitel_one.title"));
	if (count(r, &s, &c) != 0)
		return SERVER_ERROR;
	publish(r, &c);
	form_default(r, "tier", "leave");
	for (size_t i = 0; i < sizeof features / sizeof features[0]; i++)
		form_default(r, features[i], "leave");
	return DONE;
}

static int feature_choice(struct req *r, const char *name)
{
	const char *v = in(r, name);
	if (!*v || strcmp(v, "leave") == 0)
		return FEATURE_LEAVE;
	if (strcmp(v, "enable") == 0)
		return FEATURE_ENABLE;
	if (strcmp(v, "disable") == 0)
		return FEATURE_DISABLE;
	field_error(r, name, "errors.invalid_choice");
	return FEATURE_LEAVE;
}

static int record_params(struct req *r, long long job_id, void *arg)
{
	return mitel_one_job_params(r->db, job_id, arg);
}

int manage_mitel_one_post(struct req *r)
{
	struct mitel_one_bulk b = {BULK_LEAVE, FEATURE_LEAVE, FEATURE_LEAVE, FEATURE_LEAVE};
	const char *tier = in(r, "tier");
	if (strcmp(tier, "none") == 0)
		b.tier = BULK_UNASSIGN;
	else if (*tier && strcmp(tier, "leave") != 0 && (b.tier = mitel_one_tier_from_key(tier)) == TIER_NONE)
		field_error(r, "tier", "errors.invalid_choice");
	b.chat = feature_choice(r, "chat");
	b.miteam = feature_choice(r, "miteam");
	b.telephony = feature_choice(r, "telephony");
	if (form_has_errors(r))
		return invalid(r);
	struct selection s;
	struct counts c;
	int rc = manage_start(r, &s);
	if (rc <= 0)
		return rc < 0 ? SERVER_ERROR : DONE;
	if (count(r, &s, &c) != 0)
		return SERVER_ERROR;
	if (b.tier >= 0 && !mitel_one_tier_fits(c.n, c.pools.total[b.tier], c.pools.held[b.tier], c.selected_held[b.tier])) {
		long long free_now = c.pools.total[b.tier] > c.pools.held[b.tier] ? c.pools.total[b.tier] - c.pools.held[b.tier] : 0;
		char text[512];
		lang_number(r, "users.user_products.errors.short", (long)(c.n - free_now - c.selected_held[b.tier]), text, sizeof text);
		hdf_set_value(r->hdf, "Form.Errors.tier", text);
		hdf_set_value(r->hdf, "Form.HasErrors", "1");
		return invalid(r);
	}
	long long id = manage_run(r, &s, JOB_MITEL_ONE, record_params, &b);
	if (id < 0)
		return SERVER_ERROR;
	return done(r, NULL, "/a/%s/jobs/%lld", r->acct.id, id);
}
