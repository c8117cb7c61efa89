/* Export Logs (guide §2.10, spec ch2 §5.5): the page that offers a log's
 * zip files — logs-<id>.zip, and for Mitel One Mobile report.zip too. With
 * JavaScript both downloads start by themselves; without it, they are
 * links. */
#include "cgi-bin/core/request.h"

#include <stdio.h>

int support_log_export_get(struct req *r)
{
	const struct support_log_ref *log = &r->obj.support_log;
	char id[16];
	snprintf(id, sizeof id, "%.8s", log->uid);
	hdf_set_value(r->hdf, "Page.Title", lang(r, "support.support_log_export.title"));
	hdf_set_value(r->hdf, "Log.title", log->title);
	hdf_set_valuef(r->hdf, "Log.id=%lld", log->id);
	hdf_set_value(r->hdf, "Log.short_id", id);
	hdf_set_int_value(r->hdf, "Log.has_report", support_export_has_report(log->product));
	return DONE;
}
