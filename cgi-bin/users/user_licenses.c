#include "cgi-bin/users/user_licenses.h"
#include "lib/licenses.h"

#include <stdio.h>

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
	hdf_set_int_value(r->hdf, "Licenses.held", s.held);
	return 0;
}
