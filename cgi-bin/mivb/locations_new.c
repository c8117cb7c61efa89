/* Add Locations (guide §3.1.2 Locations): several names at once, one a
 * line (the chips of the page's script), 1 to 32 characters each and
 * different from each other; the PBX adds them all or none. */
#include "cgi-bin/mivb/mivb.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define NAMES_MAX 50

int locations_new_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "mivb.locations_new.title"));
	return DONE;
}

/* Splits the lines of text into names (trimmed, blank lines skipped). The
 * count, or -1 with the message set. */
static int split(struct req *r, char *text, const char **names)
{
	int n = 0;
	for (char *save = NULL, *line = strtok_r(text, "\r\n", &save); line; line = strtok_r(NULL, "\r\n", &save)) {
		while (*line == ' ' || *line == '\t')
			line++;
		char *end = line + strlen(line);
		while (end > line && (end[-1] == ' ' || end[-1] == '\t'))
			*--end = 0;
		if (!*line)
			continue;
		size_t chars = 0;
		for (const char *p = line; *p; p++)
			chars += ((unsigned char)*p & 0xc0) != 0x80;
		if (chars > MIVB_LOCATION_MAX) {
			field_error(r, "names", "mivb.locations_new.too_long");
			return -1;
		}
		for (int i = 0; i < n; i++)
			if (strcasecmp(names[i], line) == 0) {
				field_error(r, "names", "mivb.locations_new.repeated");
				return -1;
			}
		if (n == NAMES_MAX) {
			field_error(r, "names", "mivb.locations_new.too_many");
			return -1;
		}
		names[n++] = line;
	}
	if (!n)
		field_error(r, "names", "mivb.locations_new.required");
	return n ? n : -1;
}

int locations_new_post(struct req *r)
{
	char text[4096];
	snprintf(text, sizeof text, "%s", in(r, "names"));
	const char *names[NAMES_MAX];
	int n = form_has_errors(r) ? -1 : split(r, text, names);
	if (n < 0)
		return invalid(r);
	struct pbx_admin a;
	int refused;
	if (!mivb_open_write(r, &a, &refused))
		return refused;
	struct pbx_reply rep = {0};
	int rc = mivb_locations_add(&a, names, n, &rep);
	if (rc != 0)
		mivb_refused(r, &rep, NULL, "names");
	pbx_reply_clear(&rep);
	pbx_admin_close(&a);
	if (rc != 0)
		return invalid(r);
	json_t *list = json_array();
	for (int i = 0; list && i < n; i++)
		json_array_append_new(list, json_string(names[i]));
	json_t *details = json_pack("{s:{s:o}}", "names", "to", list);
	int rec = mivb_record(r, &(struct mivb_change){"location.create", "location", "", n == 1 ? names[0] : "", details,
						       NULL, NULL});
	json_decref(details);
	if (rec != 0)
		return mivb_unrecorded(r);
	return done(r, "flash.mivb_locations_added", "/a/%s/mivb/locations", r->acct.id);
}
