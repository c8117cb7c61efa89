/* POST /api/v1/support-logs (spec ch2 §5.6): an app posts a report of its
 * user's as multipart/form-data, with an app-report token
 * (POST /api/v1/app-token). The account and the reporter are the token's,
 * never anything in the body.
 *
 * Parts:
 *   report         the report's JSON document (a field, or a file part):
 *                  lib/support_logs_report.c says what it holds
 *   log            the app's log text (a text file)
 *   sip<anything>  SIP logs (text files; the debug log level sends them)
 *   attachment<anything>, screenshot<anything>
 *                  screenshots and other attachments
 * Every file part needs a name of its own. At most 10 files, 10 MB each,
 * 25 MB together; each file's type is told by its bytes (PNG, JPEG, zip,
 * UTF-8 text, HTML) and must agree with its name's extension. Anything
 * wrong answers 413 (sizes) or 422 with the part at fault, and stores
 * nothing. A new log answers 201; the same report (its reportId) again
 * answers 200 with the log it made the first time. */
#include "cgi-bin/core/request.h"
#include "lib/core/config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define HEAD_BYTES 512

/* Refuses the request: status, message, and the part at fault. */
static int refuse(struct req *r, int status, const char *message, const char *part, const char *problem)
{
	json_t *fields = NULL;
	if (part) {
		fields = json_object();
		json_object_set_new(fields, part, json_string(problem));
	}
	return api_error(r, status, message, fields);
}

/* The report's JSON: a field, or the contents of a file part. malloc'd; NULL
 * when absent or larger than the limit (*too_big). */
static char *report_text(struct req *r, int *too_big)
{
	*too_big = 0;
	FILE *f = cgi_filehandle(r->cgi, "report");
	if (!f) {
		const char *v = hdf_get_value(r->hdf, "Query.report", NULL);
		if (v && strlen(v) > SUPPORT_MAX_REPORT_BYTES)
			*too_big = 1;
		return v && !*too_big ? strdup(v) : NULL;
	}
	char *buf = malloc(SUPPORT_MAX_REPORT_BYTES + 2);
	if (!buf)
		return NULL;
	rewind(f);
	size_t n = fread(buf, 1, SUPPORT_MAX_REPORT_BYTES + 1, f);
	buf[n] = 0;
	if (n > SUPPORT_MAX_REPORT_BYTES || memchr(buf, 0, n)) {
		*too_big = n > SUPPORT_MAX_REPORT_BYTES;
		free(buf);
		return NULL;
	}
	return buf;
}

/* Reads the whole file to see whether it is text (support_text_feed). */
static int all_text(FILE *f)
{
	unsigned char buf[65536];
	int state = 0;
	size_t n;
	rewind(f);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		if (support_text_feed(&state, buf, n) != 0)
			return 0;
	return !ferror(f) && support_text_end(state) == 0;
}

/* A name no other file of the report has: "name (2).ext" and so on. */
static void unique_name(struct support_file_in *files, int n, char *name, size_t size)
{
	char base[256];
	snprintf(base, sizeof base, "%s", name);
	for (int k = 2;; k++) {
		int taken = 0;
		for (int i = 0; i < n && !taken; i++)
			taken = strcasecmp(files[i].name, name) == 0;
		if (!taken)
			return;
		const char *dot = strrchr(base, '.');
		int stem = dot && dot != base ? (int)(dot - base) : (int)strlen(base);
		snprintf(name, size, "%.*s (%d)%s", stem > 200 ? 200 : stem, base, k, dot && dot != base ? dot : "");
	}
}

struct upload {
	struct support_file_in files[SUPPORT_MAX_FILES];
	int n;
};

/* Checks one file part and adds it to u. DONE, or the refusal. */
static int take_file(struct req *r, struct upload *u, HDF *part, long *total)
{
	const char *part_name = hdf_obj_name(part);
	int role = support_file_role_of(part_name);
	if (role < 0)
		return refuse(r, 422, "part_unknown", part_name,
			      "is not a part the reports take: report, log, sip..., attachment... or screenshot...");
	if (u->n >= SUPPORT_MAX_FILES)
		return refuse(r, 422, "too_many_files", part_name, "is one file too many (at most 10)");
	FILE *f = cgi_filehandle(r->cgi, part_name);
	struct stat st;
	if (!f || fstat(fileno(f), &st) != 0)
		return SERVER_ERROR;
	if (st.st_size > SUPPORT_MAX_FILE_BYTES)
		return refuse(r, 413, "file_too_large", part_name, "is larger than 10 MB");
	*total += (long)st.st_size;
	if (*total > SUPPORT_MAX_TOTAL_BYTES)
		return refuse(r, 413, "files_too_large", part_name,
			      "takes the files past 25 MB together");
	if (st.st_size == 0)
		return refuse(r, 422, "file_empty", part_name, "is empty");

	unsigned char head[HEAD_BYTES];
	rewind(f);
	size_t n = fread(head, 1, sizeof head, f);
	enum support_file_type sniffed = support_file_sniff(head, n), type;
	int text_ok = (sniffed == FT_TEXT || sniffed == FT_HTML) && all_text(f);
	struct support_file_in *in = &u->files[u->n];
	char fallback[64];
	snprintf(fallback, sizeof fallback, "%s", part_name);
	support_file_name_clean(hdf_obj_value(part) ? hdf_obj_value(part) : "", fallback, in->name, sizeof in->name);
	const char *problem;
	if (support_file_type_settle((enum support_file_role)role, in->name, sniffed, text_ok, &type, &problem) != 0)
		return refuse(r, 422, "file_type", part_name, problem);
	unique_name(u->files, u->n, in->name, sizeof in->name);
	in->role = (enum support_file_role)role;
	in->type = type;
	in->f = f;
	in->size = (long)st.st_size;
	u->n++;
	return DONE;
}

/* Every file part of the request, checked. DONE, or the refusal. */
static int take_files(struct req *r, struct upload *u)
{
	long total = 0;
	int parts = 0;
	for (HDF *part = hdf_obj_child(hdf_get_obj(r->hdf, "Query")); part; part = hdf_obj_next(part)) {
		if (hdf_get_int_value(part, "FileHandle", -1) < 0) {
			/* A file's part sent as a plain field would be lost without a word. */
			if (support_file_role_of(hdf_obj_name(part)) >= 0)
				return refuse(r, 422, "file_parts", hdf_obj_name(part),
					      "must be a file part (with a filename)");
			continue;
		}
		parts++;
		if (strcmp(hdf_obj_name(part), "report") == 0)
			continue;
		int rc = take_file(r, u, part, &total);
		if (rc != DONE || r->body)
			return rc;
	}
	/* Two file parts of one name leave one in Query.*: refuse rather than drop one. */
	if (r->cgi->files && uListLength(r->cgi->files) != parts)
		return refuse(r, 422, "part_names", NULL, NULL);
	return DONE;
}

struct create {
	const struct support_reporter *who;
	const struct support_report *rep;
	const struct upload *u;
	long long id;
	int existed;
};

static int create(struct req *r, void *arg)
{
	struct create *c = arg;
	return support_log_create(r->db, c->who, c->rep, c->u->files, c->u->n, cfg_int("SupportLogs.ReminderHours", 24),
				  &c->id, &c->existed);
}

static int answer(struct req *r, const struct create *c)
{
	char url[1024];
	snprintf(url, sizeof url, "%s/a/%s/support-logs/%lld", cfg_str("Site.BaseURL", ""), c->who->account_id, c->id);
	return api_json(r, c->existed ? 200 : 201,
			json_pack("{s:I,s:s,s:s,s:s}", "id", (json_int_t)c->id, "accountId", c->who->account_id, "state",
				  "open", "url", url));
}

int support_report_post(struct req *r)
{
	struct support_reporter who;
	int found = support_reporter_find(r->db, r->machine.account_id, r->machine.user_id, &who);
	if (found < 0)
		return SERVER_ERROR;
	if (found == 0)
		return -401;
	if (!who.customer)
		return api_error(r, 403, "customer_only", NULL);
	if (!who.account_active)
		return api_error(r, 403, "account_deactivated", NULL);

	int too_big;
	char *text = report_text(r, &too_big);
	if (too_big)
		return refuse(r, 413, "report_too_large", "report", "is larger than 256 KB");
	json_t *doc = NULL;
	struct support_report rep;
	const char *field, *problem;
	int rc = support_report_read(text, &doc, &rep, &field, &problem);
	free(text);
	if (rc != 0)
		return refuse(r, 422, "report_invalid", field, problem);

	struct upload u;
	memset(&u, 0, sizeof u);
	rc = take_files(r, &u);
	if (rc != DONE || r->body) {
		json_decref(doc);
		return rc;
	}
	struct create c = {&who, &rep, &u, 0, 0};
	rc = tx(r, create, &c);
	/* The same report posted twice at once: the other one stored it. */
	if (rc != 0 && *rep.uid && db_errno(r->db) == 1062)
		rc = tx(r, create, &c);
	json_decref(doc);
	if (rc != 0)
		return SERVER_ERROR;
	return answer(r, &c);
}
