/* Cancel in the import preview (guide §2.8): the batch and its pending rows
 * are discarded; users it already added stay. */
#include "cgi-bin/import/import_batch.h"
#include "cgi-bin/core/request.h"
#include "lib/import/import.h"

#include <stdlib.h>

int import_cancel_post(struct req *r)
{
	if (!import_allowed(r))
		return NOT_FOUND;
	long long batch_id = strtoll(r->path_id, NULL, 10); /* valid_id: 1 to 18 digits */
	int deleted = import_batch_delete(r->db, r->acct.id, batch_id);
	if (deleted < 0)
		return SERVER_ERROR;
	if (deleted == 0)
		return NOT_FOUND;
	flash(r, "flash.import_cancelled");
	redirect(r, "/a/%s/users", r->acct.id);
	return DONE;
}
