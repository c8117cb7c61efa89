#ifndef SB_IMPORT_BATCH_H
#define SB_IMPORT_BATCH_H
/* What the import preview's forms share: the preview of the batch the
 * path names (/a/:acct/users/import/:id, loaded into r->obj.batch by the
 * route table), drawn for its GET and for a correction that must be shown
 * again. */
#include "cgi-bin/core/request.h"

int import_preview_render(struct req *r);
#endif
