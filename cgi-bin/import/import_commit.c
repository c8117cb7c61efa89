/* Upload in the import preview (guide §2.8): every valid pending row becomes
 * a user of the account and leaves the preview; rows with errors stay. The
 * preview then says how many were added. */
#include "cgi-bin/import/import_batch.h"
#include "cgi-bin/core/request.h"
#include "lib/import/import.h"

#include <stdlib.h>

int import_commit_post(struct req *r)
{
	if (!import_allowed(r))
		return NOT_FOUND;
	long long batch_id;
	int found = import_batch_load(r, &batch_id);
	if (found != 1)
		return found < 0 ? SERVER_ERROR : NOT_FOUND;
	struct actor me = me_actor(r);
	long long added = 0;
	if (import_batch_commit(r->db, &me, r->acct.id, batch_id, &added) != 0)
		return SERVER_ERROR;
	redirect(r, "/a/%s/users/import/%lld?added=1", r->acct.id, batch_id);
	return DONE;
}
