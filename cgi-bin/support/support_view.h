#ifndef SB_SUPPORT_VIEW_H
#define SB_SUPPORT_VIEW_H
/* What the Support Logs screens share: dates as the guide writes them, file
 * names as the details page shows them, and a log's details in the HDF (the
 * details page and the export's report.html draw the same Log.*). */
#include "cgi-bin/core/request.h"

/* In English as the guide writes them: "Aug 19, 2022 12:02 AM" (the list),
 * or "August 19, 2022 12:02 AM" (the details) with long_form; in another
 * language, as lang_format_datetime writes a date ("19/08/2022 00:02"). UTC. */
void support_time_text(const char *language, time_t t, int long_form, char *out, size_t size);

/* A long file name cut as the details page shows it: its start, "...", and
 * its extension ("2a03091d-6da3-40c7-9...txt"). */
void support_short_name(const char *name, char *out, size_t size);

/* Log.* (every field), Files.* (each with its role, short name, type and
 * whether it is an image), Tabs.* (the Report Details tabs shown, each with
 * key and label) and Tab.<key>.* (their entries) of the loaded log
 * (r->obj.support_log). *signal gets the Android signal strength rows (a
 * reference; NULL when none). DONE, or the status to answer. */
int support_view_fill(struct req *r, json_t **signal);

/* The file's name for a download: printable ASCII, safe in a header. */
void support_download_name(const char *name, char *out, size_t size);
#endif
