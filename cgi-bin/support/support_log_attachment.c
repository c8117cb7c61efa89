/* One file of a support log (guide §2.10 Download, Click To Enlarge):
 * ?n=<its number>. Served with the type its bytes showed when it came
 * (lib/support_logs_files.c), never sniffed again by the browser (nosniff,
 * on every response), and as a download (Content-Disposition: attachment) —
 * except an image asked for with &view=1, which the details page shows. The
 * bytes are streamed, a stored part at a time. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/support/support_view.h"

#include <stdio.h>
#include <string.h>

int support_log_attachment_get(struct req *r)
{
	struct support_file_meta meta;
	long seq = form_int(r, "n", 0, 1, 1000);
	int found = seq ? support_log_file_find(r->db, r->acct.id, r->id, (int)seq, &meta) : 0;
	if (found != 1)
		return found < 0 ? SERVER_ERROR : NOT_FOUND;
	FILE *f = tmpfile();
	if (!f)
		return SERVER_ERROR;
	if (support_log_file_copy(r->db, r->acct.id, r->id, (int)seq, f) != 0 || fflush(f) != 0) {
		fclose(f);
		return SERVER_ERROR;
	}
	static char name[256];
	static char type[64];
	snprintf(type, sizeof type, "%s", meta.mime);
	r->content_type = type;
	if (!(form_checked(r, "view") && strncmp(meta.mime, "image/", 6) == 0)) {
		support_download_name(meta.name, name, sizeof name);
		r->download_name = name;
	}
	r->body_file = f;
	return DONE;
}
