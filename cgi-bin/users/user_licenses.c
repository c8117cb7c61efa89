#include "cgi-bin/users/user_licenses.h"
#include "lib/licenses.h"
#include "lib/mitel_one.h"

#include <stdio.h>
#include <string.h>

struct products {
	struct req *r;
	int n, held;
	int miteam;                 /* MiTeam Meetings was among them */
};

/* MiTeam Meetings' toggle on the user form (guide §3.1.5.1): its state, and
 * whether the user holds a licence. */
static void miteam_fields(struct req *r, enum license_state state, int held, long long remaining)
{
	hdf_set_value(r->hdf, "Licenses.Miteam.state", license_state_key(state));
	hdf_set_int_value(r->hdf, "Licenses.Miteam.held", held);
	hdf_set_valuef(r->hdf, "Licenses.Miteam.remaining=%lld", remaining);
}

static int product_fields(void *ctx, const struct license_product *p)
{
	struct products *s = ctx;
	char key[64];
	long long remaining = p->total > p->holders ? p->total - p->holders : 0;
	if (license_is_miteam(p->product)) {
		/* Drawn as its own toggle, not among the products held. */
		s->miteam = 1;
		miteam_fields(s->r, p->state, p->held, remaining);
	} else {
		s->held += p->held;
	}
	int n = s->n++;
	snprintf(key, sizeof key, "Licenses.Products.%d.product", n);
	hdf_set_value(s->r->hdf, key, p->product);
	snprintf(key, sizeof key, "Licenses.Products.%d.state", n);
	hdf_set_value(s->r->hdf, key, license_state_key(p->state));
	hdf_set_valuef(s->r->hdf, "Licenses.Products.%d.held=%d", n, p->held);
	hdf_set_valuef(s->r->hdf, "Licenses.Products.%d.total=%lld", n, p->total);
	hdf_set_valuef(s->r->hdf, "Licenses.Products.%d.remaining=%lld", n, remaining);
	return 0;
}

int user_licenses_publish(struct req *r)
{
	if (r->acct.is_partner)
		return 0;
	struct products s = {r, 0, 0, 0};
	if (license_products_each(r->db, r->acct.id, r->obj.user.id, product_fields, &s) < 0)
		return -1;
	if (!s.miteam) {
		/* No MiTeam Meetings subscription: its toggle still shows while
		 * someone assigns it (guide §3.1.5.1: "Licenses not available"). */
		int rule = license_miteam_rule(r->db, r->acct.id);
		if (rule < 0)
			return -1;
		if (rule != MITEAM_OFF)
			miteam_fields(r, license_state_of("MiTeam Meetings", 0, 0, 0, (enum miteam_rule)rule), 0, 0);
	}
	hdf_set_int_value(r->hdf, "Licenses.shown", 1);
	/* Mitel One's tier, for its Complete setup or configuration link. */
	struct mitel_one_user m;
	if (mitel_one_user_load(r->db, r->acct.id, r->obj.user.id, &m) != 0)
		return -1;
	for (int i = 0; m.tier != TIER_NONE && i < s.n; i++) {
		char key[64];
		snprintf(key, sizeof key, "Licenses.Products.%d.product", i);
		if (strcmp(hdf_get_value(r->hdf, key, ""), MITEL_ONE) == 0) {
			snprintf(key, sizeof key, "Licenses.Products.%d.tier", i);
			hdf_set_value(r->hdf, key, mitel_one_tier_name(m.tier));
		}
	}
	hdf_set_int_value(r->hdf, "Licenses.held", s.held);
	return 0;
}
