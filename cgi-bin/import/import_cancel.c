/* Cancel in the import preview (guide §2.8): the batch and its pending rows
 * are discarded; users it already added stay. */
#include "cgi-bin/core/request.h"
#include "lib/import/import.h"

int import_cancel_post(struct req *r)
{
	int deleted = import_batch_delete(r->db, r->acct.id, r->obj.batch.id);
	if (deleted < 0)
		return SERVER_ERROR;
	if (deleted == 0)
		return NOT_FOUND;
	return done(r, "flash.import_cancelled", "/a/%s/users", r->acct.id);
}
