#include "cgi-bin/events/event_parts.h"
#include "cgi-bin/core/render.h"
#include "lib/core/validate.h"
#include "lib/events_export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Guide §2.16: the default columns are ACTOR NAME, ACTION, ASSET, EVENT
 * DATE, PROPERTIES CHANGED and CORE DETAILS; every field can be one. */
const struct table_column event_columns[] = {
	{"event_id", 0, 0},
	{"actor_name", 1, 0},
	{"actor_id", 0, 0},
	{"action", 1, 0},
	{"event_type", 0, 0},
	{"asset", 1, 0},
	{"event_date", 1, 0},
	{"properties_changed", 1, 0},
	{"core_details", 1, 0},
	{"extra_details", 0, 0},
	{"log_tags", 0, 0},
};
const int event_columns_count = sizeof event_columns / sizeof event_columns[0];

void event_base(struct req *r, char *out, size_t size)
{
	snprintf(out, size, "/a/%s/events", r->acct.id);
}

const char *event_label(struct req *r, const char *group, const char *key, char *buf, size_t size)
{
	return events_label(render_lang(), group, key, buf, size);
}

int event_ascending(struct req *r)
{
	return strcmp(form(r, "dir"), "asc") == 0;
}

/* ---- dates and times (UTC) ---- */

static int days_in(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : days[m - 1];
}

/* "YYYY-MM-DD" */
static int valid_date(const char *s)
{
	int y, m, d, n = 0;
	return strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10 && s[4] == '-' &&
	       s[7] == '-' && y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= days_in(y, m);
}

/* "HH:MM" or "HH:MM:SS" (what a time input sends); into *secs, -1 when absent. */
static int parse_time(const char *s, int *h, int *m, int *sec)
{
	int n = 0;
	*sec = -1;
	if (strlen(s) == 5)
		return sscanf(s, "%2d:%2d%n", h, m, &n) == 2 && n == 5 && *h >= 0 && *h < 24 && *m >= 0 && *m < 60;
	return strlen(s) == 8 && sscanf(s, "%2d:%2d:%2d%n", h, m, sec, &n) == 3 && n == 8 && *h >= 0 && *h < 24 &&
	       *m >= 0 && *m < 60 && *sec >= 0 && *sec < 60;
}

/* One end of the Event Date range: date (and time) into out, the start of
 * the minute or day for "from", its end for "to". 0, or -1 with messages. */
static int read_end(struct req *r, const char *which, char out[27])
{
	char date_field[16], time_field[16];
	snprintf(date_field, sizeof date_field, "%s_date", which);
	snprintf(time_field, sizeof time_field, "%s_time", which);
	const char *date = form(r, date_field), *time = form(r, time_field);
	int to = strcmp(which, "to") == 0;
	out[0] = 0;
	if (!*date && !*time)
		return 0;
	if (!valid_date(date)) {
		field_error(r, date_field, "events.event_filters.bad_date");
		return -1;
	}
	int h = to ? 23 : 0, m = to ? 59 : 0, s = -1;
	if (*time && !parse_time(time, &h, &m, &s)) {
		field_error(r, time_field, "events.event_filters.bad_time");
		return -1;
	}
	if (s < 0)
		snprintf(out, 27, "%s %02d:%02d:%s", date, h, m, to ? "59.999999" : "00.000000");
	else
		snprintf(out, 27, "%s %02d:%02d:%02d.%s", date, h, m, s, to ? "999999" : "000000");
	return 0;
}

/* ---- the filters ---- */

static void append_param(char *buf, size_t size, const char *name, const char *value)
{
	char *esc = NULL;
	if (!value || !*value || cgi_url_escape(value, &esc) != STATUS_OK || !esc)
		return;
	size_t n = strlen(buf);
	snprintf(buf + n, size - n, "%s%s=%s", n ? "&" : "", name, esc);
	free(esc);
}

static int read_key(struct req *r, const char *field, char *out, size_t size)
{
	const char *v = form(r, field);
	out[0] = 0;
	if (!*v)
		return 0;
	if (!event_key_valid(v, EVENT_KEY_MAX)) {
		field_error(r, field, "events.event_filters.bad_choice");
		return -1;
	}
	snprintf(out, size, "%s", v);
	return 0;
}

static void detail(struct req *r, int *n, const char *label_key, const char *value)
{
	char key[64];
	snprintf(key, sizeof key, "Filter.Details.%d.label", *n);
	hdf_set_value(r->hdf, key, lang(r, label_key));
	snprintf(key, sizeof key, "Filter.Details.%d.value", *n);
	hdf_set_value(r->hdf, key, value);
	(*n)++;
}

int event_filter_read(struct req *r, struct event_filter *f)
{
	memset(f, 0, sizeof *f);
	int rc = 0;
	rc |= read_key(r, "type", f->event_type, sizeof f->event_type);
	rc |= read_key(r, "asset", f->asset, sizeof f->asset);
	rc |= read_key(r, "action", f->act, sizeof f->act);
	const char *actor = form(r, "actor");
	if (*actor && (!valid_line(actor, 0) || strlen(actor) >= sizeof f->actor_ref)) {
		field_error(r, "actor", "events.event_filters.bad_actor");
		rc = -1;
	} else {
		snprintf(f->actor_ref, sizeof f->actor_ref, "%s", actor);
	}
	rc |= read_end(r, "from", f->from);
	rc |= read_end(r, "to", f->to);
	if (f->from[0] && f->to[0] && strcmp(f->from, f->to) > 0) {
		field_error(r, "to_date", "events.event_filters.bad_range");
		f->to[0] = 0;
		rc = -1;
	}

	/* What the page shows and keeps in its links: the accepted values. */
	static const char *const fields[] = {"type", "asset", "action", "actor", "from_date", "from_time", "to_date", "to_time"};
	char keep[1024] = "", key[64];
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		const char *v = form(r, fields[i]);
		snprintf(key, sizeof key, "Form.Errors.%s", fields[i]);
		if (hdf_get_value(r->hdf, key, NULL))
			continue;
		snprintf(key, sizeof key, "Filter.%s", fields[i]);
		hdf_set_value(r->hdf, key, v);
		append_param(keep, sizeof keep, fields[i], v);
	}
	hdf_set_value(r->hdf, "Filter.Keep", keep);
	hdf_set_int_value(r->hdf, "Filter.Active", event_filter_active(f));

	/* Active Filter Details (guide §2.16), in the dialog's order. */
	char buf[128], range[80];
	int n = 0;
	if (f->asset[0])
		detail(r, &n, "events.event_filters.asset", event_label(r, "assets", f->asset, buf, sizeof buf));
	if (f->act[0])
		detail(r, &n, "events.event_filters.action", event_label(r, "acts", f->act, buf, sizeof buf));
	if (f->event_type[0])
		detail(r, &n, "events.event_filters.event_type", event_label(r, "types", f->event_type, buf, sizeof buf));
	if (f->actor_ref[0])
		detail(r, &n, "events.event_filters.actor_id", f->actor_ref);
	if (f->from[0] || f->to[0]) {
		snprintf(range, sizeof range, "%.19s – %.19s", f->from[0] ? f->from : "…", f->to[0] ? f->to : "…");
		detail(r, &n, "events.event_filters.event_date", range);
	}
	return rc;
}

void event_publish_row(struct req *r, HDF *node, const struct event_row *e)
{
	char buf[128];
	hdf_set_valuef(node, "id=%lld", e->id);
	hdf_set_valuef(node, "event_id=%lld", e->id);
	hdf_set_value(node, "actor_name", e->actor_gone ? lang(r, "events.unknown_actor") : e->actor_name);
	hdf_set_int_value(node, "actor_gone", e->actor_gone);
	hdf_set_value(node, "actor_id", e->actor_ref);
	hdf_set_value(node, "action", event_label(r, "acts", e->act, buf, sizeof buf));
	hdf_set_value(node, "event_type", event_label(r, "types", e->event_type, buf, sizeof buf));
	hdf_set_value(node, "asset", event_label(r, "assets", e->asset_type, buf, sizeof buf));
	hdf_set_value(node, "asset_name", e->asset_name);
	hdf_set_value(node, "event_date", e->event_date);
	hdf_set_value(node, "properties_changed", e->properties_changed);
	hdf_set_value(node, "core_details", e->core_details);
	hdf_set_value(node, "extra_details", e->extra_details);
	hdf_set_value(node, "log_tags", e->log_tags);
}
