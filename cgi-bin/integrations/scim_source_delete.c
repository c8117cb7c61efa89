/* Delete a SCIM source, confirmed by typing delete: pulling stops; the
 * users it brought stay as console users. */
#include "cgi-bin/core/request.h"
#include "lib/scim_sources.h"

#include <stdio.h>

int scim_source_delete_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "integrations.scim_source_delete.title"));
	hdf_set_value(r->hdf, "Source.name", r->obj.scim_source.name);
	char path[128];
	snprintf(path, sizeof path, "/a/%s/integrations/scim-sources/%lld", r->acct.id, r->id);
	hdf_set_value(r->hdf, "Source.path", path);
	return DONE;
}

static int remove_source(struct req *r, void *arg)
{
	struct actor me = me_actor(r);
	return scim_source_delete(r->db, r->acct.id, r->id, r->obj.scim_source.name, &me);
}

int scim_source_delete_post(struct req *r)
{
	if (tx(r, remove_source, NULL) != 0)
		return SERVER_ERROR;
	return done(r, "flash.scim_source_deleted", "/a/%s/integrations/scim-sources", r->acct.id);
}
