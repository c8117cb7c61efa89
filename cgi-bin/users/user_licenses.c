#include "cgi-bin/users/user_licenses.h"
#include "lib/licenses.h"
#include "lib/mitel_one.h"

#include <stdio.h>
#include <string.h>

struct products {
	struct req *r;
	int n, held;
};

static int product_fields(void *ctx, const struct license_product *p)
{
	struct products *s = ctx;
	char key[64];
	int n = s->n++;
	snprintf(key, sizeof key, "Licenses.Products.%d.product", n);
	hdf_set_value(s->r->hdf, key, p->product);
	snprintf(key, sizeof key, "Licenses.Products.%d.state", n);
	hdf_set_value(s->r->hdf, key, license_state_key(p->state));
	hdf_set_valuef(s->r->hdf, "Licenses.Products.%d.held=%d", n, p->held);
	hdf_set_valuef(s->r->hdf, "Licenses.Products.%d.total=%lld", n, p->total);
	hdf_set_valuef(s->r->hdf, "Licenses.Products.%d.remaining=%lld", n, p->total > p->holders ? p->total - p->holders : 0);
	s->held += p->held;
	return 0;
}

int user_licenses_publish(struct req *r)
{
	if (r->acct.is_partner)
		return 0;
	struct products s = {r, 0, 0};
	if (license_products_each(r->db, r->acct.id, r->obj.user.id, product_fields, &s) < 0)
		return -1;
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
