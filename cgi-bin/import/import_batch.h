#ifndef SB_IMPORT_BATCH_H
#define SB_IMPORT_BATCH_H
/* What the Import Users screens share: who may import where, and the batch
 * the path names (/a/:acct/users/import/:id), always within the account. */
#include "cgi-bin/core/request.h"

/* Imports go into customer accounts only (guide §2.8); 1 when allowed here. */
int import_allowed(const struct req *r);

/* The batch of r->path_id in this account into Batch.* (id, file_name,
 * added_count, created, pending, with_errors). 1 found, 0 not, -1 error. */
int import_batch_load(struct req *r, long long *batch_id);

/* "/a/<acct>/users/import/<id>" */
void import_batch_path(const struct req *r, long long batch_id, char *out, size_t size);

/* Fills and names the preview of the batch in the path (import_preview.c),
 * for its GET and for a correction that must be shown again. */
int import_preview_render(struct req *r);
#endif
