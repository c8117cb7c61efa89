/* Export Logs (guide §2.10, spec ch2 §5.5): a log's files as zip archives,
 * built with libzip into a file the console then streams. A stored file
 * enters the archive through a source that reads its parts from the
 * database only while libzip writes that entry, one part at a time, so an
 * export of 25 MB of attachments never holds more than a part of them.
 *
 *  - logs-<id>.zip: the log text; for a product without the HTML report,
 *    the SIP logs and attachments too;
 *  - report.zip (Mitel One Mobile): report.html, the attachments it shows,
 *    signal-strength.csv on Android, and at the debug log level a
 *    "SIP logs" folder and the log text. */
#include "lib/support_logs.h"
#include "lib/core/log.h"
#include "lib/lang.h"
#include "lib/sheet/csv_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

int support_export_has_report(const char *product)
{
	return strcasecmp(product, "Mitel One Mobile") == 0;
}

/* A stored file as a libzip source: its parts, read as libzip asks. */
struct part_source {
	db *d;
	char account_id[UUID_LEN];
	long long log_id;
	int seq;
	long size;
	int part;
	char *buf;
	size_t len, pos;
	zip_error_t error;
};

static zip_int64_t part_source_cb(void *userdata, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct part_source *s = userdata;
	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		s->part = 0;
		s->len = s->pos = 0;
		return 0;
	case ZIP_SOURCE_READ: {
		zip_uint64_t done = 0;
		while (done < len) {
			if (s->pos == s->len) {
				free(s->buf);
				s->buf = NULL;
				s->len = s->pos = 0;
				int rc = support_log_file_part(s->d, s->account_id, s->log_id, s->seq, s->part, &s->buf, &s->len);
				if (rc < 0) {
					zip_error_set(&s->error, ZIP_ER_READ, 0);
					return -1;
				}
				if (rc == 0)
					break;
				s->part++;
			}
			size_t n = s->len - s->pos < len - done ? s->len - s->pos : (size_t)(len - done);
			memcpy((char *)data + done, s->buf + s->pos, n);
			s->pos += n;
			done += n;
		}
		return (zip_int64_t)done;
	}
	case ZIP_SOURCE_CLOSE:
		free(s->buf);
		s->buf = NULL;
		s->len = s->pos = 0;
		return 0;
	case ZIP_SOURCE_STAT: {
		zip_stat_t *st = data;
		zip_stat_init(st);
		st->size = (zip_uint64_t)s->size;
		st->valid |= ZIP_STAT_SIZE;
		return sizeof *st;
	}
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&s->error, data, len);
	case ZIP_SOURCE_FREE:
		free(s->buf);
		free(s);
		return 0;
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
						      ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		zip_error_set(&s->error, ZIP_ER_OPNOTSUPP, 0);
		return -1;
	}
}

/* An archive being written, and the log it is of. */
struct archive {
	zip_t *zip;
	db *d;
	const char *account_id;
	long long log_id;
	int failed;
};

static int add_entry(struct archive *a, const char *name, zip_source_t *src, int stored)
{
	if (!src) {
		a->failed = 1;
		return -1;
	}
	zip_int64_t idx = zip_file_add(a->zip, name, src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
	if (idx < 0) {
		zip_source_free(src);
		a->failed = 1;
		return -1;
	}
	/* Images and archives are compressed already. */
	if (stored)
		zip_set_file_compression(a->zip, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
	return 0;
}

static int add_stored_file(struct archive *a, const struct support_file_info *f, const char *folder)
{
	struct part_source *s = calloc(1, sizeof *s);
	if (!s) {
		a->failed = 1;
		return -1;
	}
	s->d = a->d;
	snprintf(s->account_id, sizeof s->account_id, "%s", a->account_id);
	s->log_id = a->log_id;
	s->seq = f->seq;
	s->size = f->size;
	zip_error_init(&s->error);
	zip_source_t *src = zip_source_function(a->zip, part_source_cb, s);
	if (!src)
		free(s);
	char name[1100];
	snprintf(name, sizeof name, "%s%s", folder, f->name);
	int compressed = strncmp(f->mime, "image/", 6) == 0 || strcmp(f->mime, "application/zip") == 0;
	return add_entry(a, name, src, compressed);
}

static int add_memory(struct archive *a, const char *name, const char *data, size_t len)
{
	char *copy = malloc(len ? len : 1);
	if (!copy) {
		a->failed = 1;
		return -1;
	}
	memcpy(copy, data, len);
	return add_entry(a, name, zip_source_buffer(a->zip, copy, len, 1), 0);
}

static int open_archive(struct archive *a, db *d, const char *account_id, long long id, const char *path)
{
	int error = 0;
	memset(a, 0, sizeof *a);
	a->d = d;
	a->account_id = account_id;
	a->log_id = id;
	a->zip = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &error);
	if (!a->zip)
		log_error("export: cannot create %s (libzip error %d)", path, error);
	return a->zip ? 0 : -1;
}

/* Writes the archive out (this is when libzip reads the sources). */
static int close_archive(struct archive *a)
{
	if (a->failed) {
		log_error("export of support log %lld: a file could not be added: %s", a->log_id, db_error(a->d));
		zip_discard(a->zip);
		return -1;
	}
	if (zip_close(a->zip) != 0) {
		log_error("export: %s", zip_strerror(a->zip));
		zip_discard(a->zip);
		return -1;
	}
	return 0;
}

/* What goes into an archive: a role filter and the folder each role gets. */
struct selection {
	struct archive *a;
	int with_log, with_sip, with_attachments;
	const char *sip_folder;
};

static int select_file(void *ctx, const struct support_file_info *f)
{
	struct selection *s = ctx;
	if (f->role == FILE_LOG && s->with_log)
		return add_stored_file(s->a, f, "");
	if (f->role == FILE_SIP && s->with_sip)
		return add_stored_file(s->a, f, s->sip_folder);
	if (f->role == FILE_ATTACHMENT && s->with_attachments)
		return add_stored_file(s->a, f, "");
	return 0;
}

static int product_of(void *ctx, const struct support_log_view *v)
{
	snprintf(ctx, 404, "%s", v->product);
	return 0;
}

int support_export_logs_zip(db *d, const char *account_id, long long id, const char *path)
{
	char product[404] = "";
	if (support_log_read(d, account_id, id, product_of, product) != 1) {
		log_error("export of support log %lld: it could not be read: %s", id, db_error(d));
		return -1;
	}
	struct archive a;
	if (open_archive(&a, d, account_id, id, path) != 0)
		return -1;
	/* Mitel One Mobile's logs archive holds one text file: the rest is in report.zip. */
	int full = !support_export_has_report(product);
	struct selection s = {&a, 1, full, full, "SIP logs/"};
	if (support_log_files(d, account_id, id, select_file, &s) < 0)
		a.failed = 1;
	return close_archive(&a);
}

/* The Filtered Signal Strength Logs as CSV, every cell neutralised, in the
 * reader's spreadsheet conventions: the locale's separator and numbers. */
static int signal_csv(json_t *signal, const struct support_signal_csv *how, char **data, size_t *len)
{
	const struct lang_locale *l = lang_locale(how->language);
	struct csv_out o;
	csv_begin(&o);
	o.sep = l->csv_sep;
	for (int i = 0; i < 3; i++)
		csv_field(&o, how->headers[i]);
	csv_end_record(&o);
	size_t i;
	json_t *row;
	json_array_foreach(signal, i, row) {
		char strength[64];
		json_t *s = json_object_get(row, "strength");
		if (json_is_integer(s)) {
			lang_format_int(how->language, (long long)json_integer_value(s), strength, sizeof strength);
		} else {
			snprintf(strength, sizeof strength, "%g", json_number_value(s));
			char *point = strchr(strength, '.');
			if (point && strlen(l->decimal) == 1)
				*point = l->decimal[0];
		}
		csv_field(&o, json_string_value(json_object_get(row, "time")));
		csv_field(&o, strength);
		csv_field(&o, json_string_value(json_object_get(row, "network")));
		csv_end_record(&o);
	}
	return csv_finish(&o, data, len);
}

int support_export_report_zip(db *d, const char *account_id, long long id, const char *html, size_t html_len,
			      json_t *signal, const struct support_signal_csv *how, const char *path)
{
	struct support_log_ref log;
	if (support_log_find(d, account_id, id, 0, &log) != 1)
		return -1;
	struct archive a;
	if (open_archive(&a, d, account_id, id, path) != 0)
		return -1;
	add_memory(&a, "report.html", html, html_len);
	if (signal && json_array_size(signal)) {
		char *csv = NULL;
		size_t len = 0;
		if (signal_csv(signal, how, &csv, &len) != 0)
			a.failed = 1;
		else
			add_memory(&a, "signal-strength.csv", csv, len);
		free(csv);
	}
	int debug = strcmp(log.log_level, "debug") == 0;
	if (debug && zip_dir_add(a.zip, "SIP logs", ZIP_FL_ENC_UTF_8) < 0)
		a.failed = 1;
	struct selection s = {&a, debug, debug, 1, "SIP logs/"};
	if (!a.failed && support_log_files(d, account_id, id, select_file, &s) < 0)
		a.failed = 1;
	return close_archive(&a);
}
