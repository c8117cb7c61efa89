#include "cgi-bin/import/import_batch.h"
#include "lib/core/db_hdf.h"
#include "cgi-bin/users/user_form.h"

#include <stdio.h>
#include <stdlib.h>

int import_allowed(const struct req *r)
{
	return !r->acct.is_partner && user_admin_may_manage(r);
}

int import_batch_load(struct req *r, long long *batch_id)
{
	*batch_id = strtoll(r->path_id, NULL, 10); /* valid_id: 1 to 18 digits */
	hdf_remove_tree(r->hdf, "Batch");
	return db_row(r->db, r->hdf, "Batch",
		"SELECT b.id, b.file_name, b.added_count, DATE_FORMAT(b.created_at, '%Y-%m-%d %H:%i') AS created,"
		" (SELECT COUNT(*) FROM import_rows WHERE batch_id = b.id AND state = 'pending') AS pending,"
		" (SELECT COUNT(*) FROM import_rows WHERE batch_id = b.id AND state = 'pending' AND errors <> 0) AS with_errors"
		" FROM import_batches b WHERE b.id = ? AND b.account_id = ?",
		"is", *batch_id, r->acct.id);
}

void import_batch_path(const struct req *r, long long batch_id, char *out, size_t size)
{
	snprintf(out, size, "/a/%s/users/import/%lld", r->acct.id, batch_id);
}
