/* The Support Logs screens' shared drawing (support_view.h). */
#include "cgi-bin/support/support_view.h"

#include "lib/lang.h"

#include <stdio.h>
#include <string.h>

void support_time_text(const char *language, time_t t, int long_form, char *out, size_t size)
{
	struct tm tm;
	char month[32];
	gmtime_r(&t, &tm);
	/* The guide's month names and AM/PM are English; other languages write
	 * the date their own way, as every other screen does. */
	if (strncmp(lang_locale(language)->date, "ymd", 3) != 0) {
		char iso[24];
		strftime(iso, sizeof iso, "%Y-%m-%d %H:%M", &tm);
		lang_format_datetime(language, iso, out, size);
		return;
	}
	strftime(month, sizeof month, long_form ? "%B" : "%b", &tm);
	int hour = tm.tm_hour % 12 ? tm.tm_hour % 12 : 12;
	snprintf(out, size, "%s %d, %d %d:%02d %s", month, tm.tm_mday, tm.tm_year + 1900, hour, tm.tm_min,
		 tm.tm_hour < 12 ? "AM" : "PM");
}

/* Bytes of the first n characters of UTF-8 text s (or all of it). */
static size_t utf8_prefix(const char *s, size_t n)
{
	size_t i = 0;
	for (size_t chars = 0; s[i] && chars < n; chars++)
		for (i++; ((unsigned char)s[i] & 0xC0) == 0x80; i++)
			;
	return i;
}

void support_short_name(const char *name, char *out, size_t size)
{
	const size_t keep = 20;
	const char *dot = strrchr(name, '.');
	size_t head = utf8_prefix(name, keep);
	if (!name[head] || (dot && dot <= name + head + 3)) {
		snprintf(out, size, "%s", name);
		return;
	}
	snprintf(out, size, "%.*s...%s", (int)head, name, dot ? dot + 1 : "");
}

void support_download_name(const char *name, char *out, size_t size)
{
	size_t n = 0;
	for (const char *p = name; *p && n + 1 < size; p++) {
		unsigned char c = (unsigned char)*p;
		int plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
			    c == '-' || c == '_' || c == ' ' || c == '(' || c == ')';
		/* A multi-byte character becomes one '_'. */
		if (c >= 0x80 && (c & 0xC0) == 0x80)
			continue;
		out[n++] = plain ? (char)c : '_';
	}
	out[n] = 0;
	if (!n || out[0] == '.')
		snprintf(out, size, "attachment");
}

/* A file name as a relative URL (report.html's images): RFC 3986's
 * unreserved characters as they are, every other byte %-encoded. */
static void href_of(const char *name, char *out, size_t size)
{
	static const char digits[] = "0123456789ABCDEF";
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)name; *p && n + 4 < size; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-._~", *p)) {
			out[n++] = (char)*p;
		} else {
			out[n++] = '%';
			out[n++] = digits[*p >> 4];
			out[n++] = digits[*p & 15];
		}
	}
	out[n] = 0;
}

struct fill {
	struct req *r;
	int files;
	int images;
	unsigned present;
	json_t *signal;
};

static int log_fields(void *ctx, const struct support_log_view *v)
{
	struct fill *f = ctx;
	HDF *h = f->r->hdf;
	char when[64];
	hdf_set_valuef(h, "Log.id=%lld", v->id);
	hdf_set_value(h, "Log.uid", v->uid);
	hdf_set_value(h, "Log.title", v->title);
	support_time_text(f->r->language, v->created, 1, when, sizeof when);
	hdf_set_value(h, "Log.created", when);
	hdf_set_value(h, "Log.product", v->product);
	hdf_set_value(h, "Log.platform", v->platform);
	hdf_set_value(h, "Log.reporter_email", v->reporter_email);
	hdf_set_value(h, "Log.partner_id", v->partner_id);
	hdf_set_value(h, "Log.account_id", v->account_id);
	hdf_set_valuef(h, "Log.user_id=%lld", v->user_id);
	hdf_set_value(h, "Log.topic", v->topic);
	hdf_set_value(h, "Log.description", v->description);
	hdf_set_value(h, "Log.log_level", v->log_level);
	hdf_set_value(h, "Log.state", support_state_key(v->state));
	hdf_set_value(h, "Log.notes", v->notes);
	hdf_set_value(h, "Log.updated_by_name", v->updated_by_name);
	if (*v->updated_by_name) {
		support_time_text(f->r->language, v->updated, 1, when, sizeof when);
		hdf_set_value(h, "Log.updated", when);
	}
	return 0;
}

static int file_fields(void *ctx, const struct support_file_info *file)
{
	struct fill *f = ctx;
	HDF *h = f->r->hdf;
	char key[64], short_name[1100], href[3100];
	int n = f->files++;
	int image = strncmp(file->mime, "image/", 6) == 0;
	snprintf(key, sizeof key, "Files.%d", n);
	support_short_name(file->name, short_name, sizeof short_name);
	hdf_set_valuef(h, "%s.seq=%d", key, file->seq);
	hdf_set_valuef(h, "%s.role=%s", key, support_file_role_key(file->role));
	hdf_set_valuef(h, "%s.size=%ld", key, file->size);
	hdf_set_valuef(h, "%s.image=%d", key, image);
	/* Names come from the app: set as values, never as part of a path. */
	snprintf(key, sizeof key, "Files.%d.name", n);
	hdf_set_value(h, key, file->name);
	snprintf(key, sizeof key, "Files.%d.short_name", n);
	hdf_set_value(h, key, short_name);
	href_of(file->name, href, sizeof href);
	snprintf(key, sizeof key, "Files.%d.href", n);
	hdf_set_value(h, key, href);
	f->images += image;
	return 0;
}

/* One tab's entries: names and values as the app sent them, or the
 * signal strength rows. */
static int tab_fields(void *ctx, enum support_tab tab, json_t *body)
{
	struct fill *f = ctx;
	HDF *h = f->r->hdf;
	char key[96];
	const char *tk = support_tab_key(tab);
	f->present |= 1u << tab;
	if (tab == TAB_SIGNAL) {
		size_t i;
		json_t *row;
		json_array_foreach(body, i, row) {
			json_t *s = json_object_get(row, "strength");
			snprintf(key, sizeof key, "Tab.signal.%zu.time", i);
			hdf_set_value(h, key, json_string_value(json_object_get(row, "time")));
			snprintf(key, sizeof key, "Tab.signal.%zu.strength", i);
			if (json_is_integer(s))
				hdf_set_valuef(h, "%s=%lld", key, (long long)json_integer_value(s));
			else
				hdf_set_valuef(h, "%s=%g", key, json_number_value(s));
			snprintf(key, sizeof key, "Tab.signal.%zu.network", i);
			hdf_set_value(h, key, json_string_value(json_object_get(row, "network")) ?: "");
		}
		json_decref(f->signal);
		f->signal = json_incref(body);
		return 0;
	}
	const char *name;
	json_t *value;
	int n = 0;
	json_object_foreach(body, name, value) {
		char text[64];
		const char *shown = text;
		if (json_is_string(value))
			shown = json_string_value(value);
		else if (json_is_integer(value))
			snprintf(text, sizeof text, "%lld", (long long)json_integer_value(value));
		else if (json_is_real(value))
			snprintf(text, sizeof text, "%g", json_real_value(value));
		else if (json_is_boolean(value))
			snprintf(text, sizeof text, "%s", json_is_true(value) ? lang(f->r, "common.yes") : lang(f->r, "common.no"));
		else
			text[0] = 0;
		snprintf(key, sizeof key, "Tab.%s.%d.name", tk, n);
		hdf_set_value(h, key, name);
		snprintf(key, sizeof key, "Tab.%s.%d.value", tk, n);
		hdf_set_value(h, key, shown);
		n++;
	}
	return 0;
}

int support_view_fill(struct req *r, json_t **signal)
{
	const struct support_log_ref *log = &r->obj.support_log;
	struct fill f = {r, 0, 0, 0, NULL};
	*signal = NULL;
	int found = support_log_read(r->db, r->acct.id, log->id, log_fields, &f);
	if (found != 1)
		return found < 0 ? SERVER_ERROR : NOT_FOUND;
	if (support_log_files(r->db, r->acct.id, log->id, file_fields, &f) < 0 ||
	    support_log_tabs(r->db, r->acct.id, log->id, tab_fields, &f) < 0) {
		json_decref(f.signal);
		return SERVER_ERROR;
	}
	hdf_set_int_value(r->hdf, "Log.images", f.images);
	hdf_set_int_value(r->hdf, "Log.has_report", support_export_has_report(log->product));
	/* Report Details first, then the product's tabs in the guide's order. */
	unsigned shown = support_tabs_shown(log->product, log->platform, f.present);
	int n = 0;
	char key[64], label[64];
	hdf_set_value(r->hdf, "Tabs.0.key", "report");
	hdf_set_value(r->hdf, "Tabs.0.label", lang(r, "support.support_log.tab_report"));
	for (int t = 0; t < SUPPORT_TABS; t++) {
		if (!(shown & (1u << t)))
			continue;
		n++;
		snprintf(key, sizeof key, "Tabs.%d.key", n);
		hdf_set_value(r->hdf, key, support_tab_key((enum support_tab)t));
		snprintf(label, sizeof label, "support.support_log.tab_%s", support_tab_key((enum support_tab)t));
		snprintf(key, sizeof key, "Tabs.%d.label", n);
		hdf_set_value(r->hdf, key, lang(r, label));
	}
	*signal = f.signal;
	return DONE;
}
