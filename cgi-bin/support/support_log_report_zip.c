/* report.zip of Export Logs for Mitel One Mobile (guide §2.10): the report
 * as HTML (templates/support/report_html.cs, the details page's content on
 * a page of its own), the attachments it shows, the Android signal
 * strength as CSV, and at the debug log level the SIP logs folder and the
 * log text (lib/support_logs_export.c). */
#include "cgi-bin/core/render.h"
#include "cgi-bin/core/request.h"
#include "cgi-bin/support/support_export.h"
#include "cgi-bin/support/support_view.h"

#include <stdio.h>
#include <string.h>

int support_log_report_zip_get(struct req *r)
{
	if (!support_export_has_report(r->obj.support_log.product))
		return NOT_FOUND;
	json_t *signal = NULL;
	int rc = support_view_fill(r, &signal);
	if (rc != DONE)
		return rc;
	STRING html;
	char err[512], dir[64], path[96];
	string_init(&html);
	rc = SERVER_ERROR;
	if (render_document(r->hdf, "support/report_html.cs", &html, err, sizeof err) == 0 &&
	    support_export_begin(dir, path) == 0) {
		/* Macro definitions leave blank lines before the doctype. */
		const char *doc = html.buf ? html.buf : "";
		while (*doc == '\n' || *doc == ' ')
			doc++;
		const struct support_signal_csv how = {r->language, {lang(r, "support.support_log.signal_time"),
			lang(r, "support.support_log.signal_strength"), lang(r, "support.support_log.signal_network")}};
		if (support_export_report_zip(r->db, r->acct.id, r->id, doc, strlen(doc), signal, &how, path) == 0)
			rc = support_export_send(r, dir, path, "report.zip");
		else
			support_export_abandon(dir, path);
	}
	string_clear(&html);
	json_decref(signal);
	return rc;
}
