/* Mitel One Configuration (guide §3.1.4.1, "Manage Mitel One License and
 * Features"): a user's Mitel One tier — Essential, Premier or Elite, each
 * offered with the licences its pool has left — and the features the tier
 * includes, each on or off; Save, Cancel, Remove (Mitel One taken from the
 * user). Complete setup of a Mitel One just added leads here too. */
#include "cgi-bin/core/request.h"
#include "lib/mitel_one.h"

#include <stdio.h>
#include <string.h>

static const struct {
	const char *input;
	unsigned bit;
} feature_inputs[] = {{"chat", FEATURE_CHAT}, {"miteam", FEATURE_MITEAM}, {"telephony", FEATURE_TELEPHONY}};

int user_mitel_one_get(struct req *r)
{
	const struct user *u = &r->obj.user;
	struct mitel_one_user m;
	struct mitel_one_pools p;
	if (mitel_one_user_load(r->db, r->acct.id, u->id, &m) != 0 || mitel_one_pools(r->db, r->acct.id, 0, &p) != 0)
		return SERVER_ERROR;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "users.user_mitel_one.title"));
	hdf_set_valuef(r->hdf, "User.id=%lld", u->id);
	hdf_set_value(r->hdf, "User.display_name", u->display_name);
	hdf_set_int_value(r->hdf, "MitelOne.licensed", m.licensed);
	for (int t = 0; t < TIER_COUNT; t++) {
		char key[64];
		snprintf(key, sizeof key, "MitelOne.Tiers.%d.key", t);
		hdf_set_value(r->hdf, key, mitel_one_tier_key((enum mitel_one_tier)t));
		snprintf(key, sizeof key, "MitelOne.Tiers.%d.name", t);
		hdf_set_value(r->hdf, key, mitel_one_tier_name((enum mitel_one_tier)t));
		long long left = p.total[t] - p.held[t];
		hdf_set_valuef(r->hdf, "MitelOne.Tiers.%d.available=%lld", t, left > 0 ? left : 0);
		unsigned f = mitel_one_tier_features((enum mitel_one_tier)t);
		for (size_t i = 0; i < sizeof feature_inputs / sizeof feature_inputs[0]; i++)
			hdf_set_valuef(r->hdf, "MitelOne.Tiers.%d.%s=%d", t, feature_inputs[i].input, (f & feature_inputs[i].bit) != 0);
	}
	form_default(r, "tier", mitel_one_tier_key(m.tier));
	for (size_t i = 0; i < sizeof feature_inputs / sizeof feature_inputs[0]; i++)
		form_default(r, feature_inputs[i].input, m.tier == TIER_NONE || (m.features & feature_inputs[i].bit) ? "1" : "");
	return DONE;
}

struct change {
	enum mitel_one_tier tier;
	unsigned features;
	int remove;
	int result;
	long long short_by;
};

static int apply(struct req *r, void *arg)
{
	struct change *c = arg;
	const struct user *u = &r->obj.user;
	struct mitel_one_user before = {0};
	json_t *changes = json_object();
	if (!changes)
		return -1;
	if (c->remove) {
		if (mitel_one_user_load(r->db, r->acct.id, u->id, &before) != 0 ||
		    (c->result = mitel_one_remove(r->db, r->acct.id, u->id)) < 0) {
			json_decref(changes);
			return -1;
		}
		audit_change(changes, "mitelOneTier", mitel_one_tier_name(before.tier), "");
		audit_change(changes, "licenses", MITEL_ONE, "");
	} else {
		c->result = mitel_one_set(r->db, r->acct.id, u->id, c->tier, c->features, &before, &c->short_by);
		if (c->result != MITEL_ONE_DONE) {
			json_decref(changes);
			return c->result < 0 ? -1 : c->result;
		}
		audit_change(changes, "mitelOneTier", mitel_one_tier_name(before.tier), mitel_one_tier_name(c->tier));
		unsigned on = c->features & mitel_one_tier_features(c->tier);
		for (size_t i = 0; i < sizeof feature_inputs / sizeof feature_inputs[0]; i++) {
			unsigned bit = feature_inputs[i].bit;
			audit_change(changes, feature_inputs[i].input, before.tier == TIER_NONE ? "" : (before.features & bit) ? "on" : "off",
				     (on & bit) ? "on" : "off");
		}
	}
	char id[24];
	snprintf(id, sizeof id, "%lld", u->id);
	int rc = json_object_size(changes) ? event(r, r->acct.id, "user.update", "user", id, u->display_name, changes) : 0;
	json_decref(changes);
	return rc;
}

int user_mitel_one_post(struct req *r)
{
	struct change c = {TIER_NONE, 0, strcmp(in(r, "action"), "remove") == 0, 0, 0};
	if (!c.remove && strcmp(in(r, "action"), "save") != 0)
		field_error(r, "action", "errors.invalid_choice");
	if (!c.remove) {
		c.tier = (enum mitel_one_tier)mitel_one_tier_from_key(in(r, "tier"));
		if (c.tier == TIER_NONE)
			field_error(r, "tier", "users.user_mitel_one.errors.tier");
		for (size_t i = 0; i < sizeof feature_inputs / sizeof feature_inputs[0]; i++)
			if (in_checked(r, feature_inputs[i].input))
				c.features |= feature_inputs[i].bit;
	}
	if (form_has_errors(r))
		return invalid(r);
	int rc = tx(r, apply, &c);
	if (rc < 0)
		return SERVER_ERROR;
	if (rc == MITEL_ONE_SHORT) {
		char text[512];
		lang_number(r, "users.user_products.errors.short", (long)c.short_by, text, sizeof text);
		hdf_set_value(r->hdf, "Form.Errors.tier", text);
		hdf_set_value(r->hdf, "Form.HasErrors", "1");
		return invalid(r);
	}
	if (rc == MITEL_ONE_NO_PRODUCT) {
		field_error(r, "tier", "users.user_mitel_one.errors.no_product");
		return invalid(r);
	}
	return done(r, c.remove ? "flash.mitel_one_removed" : "flash.mitel_one_saved", "/a/%s/users/%lld", r->acct.id,
		    r->obj.user.id);
}
