/* Sync now: the source is due at once; syncd pulls it on its next pass. */
#include "cgi-bin/core/request.h"
#include "lib/scim_sources.h"

int scim_source_sync_post(struct req *r)
{
	if (scim_source_request(r->db, r->acct.id, r->id) != 0)
		return SERVER_ERROR;
	return done(r, "flash.scim_source_sync", "/a/%s/integrations/scim-sources/%lld", r->acct.id, r->id);
}
