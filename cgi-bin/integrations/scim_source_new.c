/* Add SCIM Source (ch3 §8.5): the source is pulled at once, then on its
 * schedule. The token is sealed before it is stored and never shown. */
#include "cgi-bin/integrations/scim_source_form.h"

int scim_source_new_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "integrations.scim_source_new.title"));
	form_default(r, "interval_minutes", "60");
	return DONE;
}

struct add {
	struct scim_source_fields f;
	char sealed[SCIM_SOURCE_SEALED_MAX];
	long long id;
};

static int add(struct req *r, void *arg)
{
	struct add *a = arg;
	struct actor me = me_actor(r);
	a->id = scim_source_add(r->db, r->acct.id, &a->f, a->sealed, &me);
	return a->id > 0 ? 0 : -1;
}

int scim_source_new_post(struct req *r)
{
	struct add a;
	int rc = scim_source_form_read(r, 1, &a.f, a.sealed);
	if (rc > 0)
		return invalid(r);
	if (rc < 0 || tx(r, add, &a) != 0)
		return SERVER_ERROR;
	return done(r, "flash.scim_source_added", "/a/%s/integrations/scim-sources/%lld", r->acct.id, a.id);
}
