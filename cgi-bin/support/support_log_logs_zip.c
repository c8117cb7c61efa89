/* logs-<id>.zip of Export Logs (guide §2.10): the log text, and for the
 * products without an HTML report its SIP logs and attachments too
 * (lib/support_logs_export.c). */
#include "cgi-bin/core/request.h"
#include "cgi-bin/support/support_export.h"

#include <stdio.h>

int support_log_logs_zip_get(struct req *r)
{
	static char name[64];
	char dir[64], path[96];
	snprintf(name, sizeof name, "logs-%.8s.zip", r->obj.support_log.uid);
	if (support_export_begin(dir, path) != 0)
		return SERVER_ERROR;
	if (support_export_logs_zip(r->db, r->acct.id, r->id, path) != 0) {
		support_export_abandon(dir, path);
		return SERVER_ERROR;
	}
	return support_export_send(r, dir, path, name);
}
