/* User Management → User Templates (guide §3.1.3.2): the account's
 * templates with their PRODUCTS; Create Template. */
#include "cgi-bin/core/request.h"
#include "lib/user_templates.h"

#include <stdio.h>

struct fill {
	struct req *r;
	int n;
};

static int add(void *ctx, const struct user_template *t)
{
	struct fill *f = ctx;
	hdf_set_valuef(f->r->hdf, "Templates.%d.id=%lld", f->n, t->id);
	hdf_set_valuef(f->r->hdf, "Templates.%d.name=%s", f->n, t->name);
	hdf_set_valuef(f->r->hdf, "Templates.%d.description=%s", f->n, t->description);
	hdf_set_valuef(f->r->hdf, "Templates.%d.mivb=%d", f->n++, t->mivb);
	return 0;
}

int user_templates_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "user_templates.list.title"));
	struct fill f = {r, 0};
	return user_templates_each(r->db, r->acct.id, add, &f) < 0 ? SERVER_ERROR : DONE;
}
