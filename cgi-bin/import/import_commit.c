/* Upload in the import preview (guide §2.8): every valid pending row becomes
 * a user of the account and leaves the preview; rows with errors stay. The
 * preview then says how many were added. */
#include "cgi-bin/core/request.h"
#include "lib/import/import.h"

int import_commit_post(struct req *r)
{
	struct actor me = me_actor(r);
	long long added = 0;
	if (import_batch_commit(r->db, &me, r->acct.id, r->obj.batch.id, &added) != 0)
		return SERVER_ERROR;
	return done(r, NULL, "/a/%s/users/import/%lld?added=1", r->acct.id, r->obj.batch.id);
}
