/* Order file feeds on their schedule (ch2 §3.7). A due feed is claimed like
 * a PBX link (a lease in this process's name); its files are listed — the
 * feed files of a folder, or the names an index URL lists — in name order,
 * and each one not taken before (by name, size and SHA-256) is applied by
 * lib/order_feed.c. Two syncd processes never apply one file twice: its
 * record is written in the transaction that applies it.
 *
 * A URL feed's index answers GET with {"files": ["a.json", "b.csv"]}; each
 * file is fetched from the index URL with its last path segment replaced
 * by the file's name. */
#include "syncd/syncd.h"
#include "syncd/lease.h"
#include "lib/core/config.h"
#include "lib/core/crypto.h"
#include "lib/core/log.h"
#include "lib/order_feed.h"
#include "lib/sheet/import_sheet.h"

#include <curl/curl.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int lease_seconds(void) { return cfg_int("Orders.FeedLeaseSeconds", 300); }
static size_t max_bytes(void) { return (size_t)cfg_int("Orders.FeedMaxBytes", (int)SHEET_MAX_FILE); }

struct body {
	char *data;
	size_t len, max;
	int too_big;
};

/* Appends up to max bytes; past that, remembers the file is too big. */
static int body_add(struct body *b, const char *p, size_t n)
{
	if (b->len + n > b->max) {
		b->too_big = 1;
		n = b->max - b->len;
	}
	char *data = realloc(b->data, b->len + n + 1);
	if (!data)
		return -1;
	memcpy(data + b->len, p, n);
	b->data = data;
	b->len += n;
	b->data[b->len] = 0;
	return 0;
}

/* One file: applied unless taken before. */
static void take(db *d, const struct order_feed *f, const char *name, struct body *b, char *error, size_t error_size)
{
	char sha[TOKEN_HEX], why[64];
	sha256_hex_of(b->data ? b->data : "", b->len, sha);
	int seen = order_feed_seen(d, f->partner_id, name, (long long)b->len, sha);
	if (seen != 0) {
		if (seen < 0)
			snprintf(error, error_size, "%s", db_error(d));
		return;
	}
	snprintf(why, sizeof why, "larger than the limit of %zu bytes", b->max);
	struct order_feed_outcome out;
	if (order_feed_apply(d, f->partner_id, name, b->data ? b->data : "", b->len, b->too_big ? why : NULL, &out) != 0) {
		snprintf(error, error_size, "%s: %s", name, db_error(d));
		log_error("order feed %lld: %s", f->id, error);
	} else if (out.taken && out.rejected) {
		log_info("order feed %lld: %s rejected: %s", f->id, name, out.error);
	} else if (out.taken) {
		log_info("order feed %lld: %s applied: %lld orders created or changed", f->id, name, out.orders);
	}
}

/* ---- a folder ---- */

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void read_file(int dir, const char *name, struct body *b)
{
	int fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return;
	char buf[65536];
	ssize_t n;
	while (!b->too_big && (n = read(fd, buf, sizeof buf)) > 0)
		if (body_add(b, buf, (size_t)n) != 0)
			break;
	close(fd);
}

static void poll_folder(db *d, const struct order_feed *f, char *error, size_t error_size)
{
	DIR *dir = opendir(f->source);
	if (!dir) {
		snprintf(error, error_size, "cannot open the folder %.900s", f->source);
		return;
	}
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(dir))) {
		struct stat st;
		if (!order_feed_file_name(e->d_name) || fstatat(dirfd(dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISREG(st.st_mode))
			continue;
		char **more = realloc(names, (n + 1) * sizeof *names);
		if (!more || !(more[n] = strdup(e->d_name))) {
			names = more ? more : names;
			break;
		}
		names = more;
		n++;
	}
	if (n > 1)
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		struct body b = {NULL, 0, max_bytes(), 0};
		read_file(dirfd(dir), names[i], &b);
		take(d, f, names[i], &b, error, error_size);
		free(b.data);
		free(names[i]);
	}
	free(names);
	closedir(dir);
}

/* ---- a URL ---- */

static size_t on_data(char *ptr, size_t size, size_t n, void *ctx)
{
	struct body *b = ctx;
	if (body_add(b, ptr, size * n) != 0)
		return 0;
	return size * n;
}

/* GET url into b: 0, or -1 with why. */
static int http_get(CURL *curl, const char *url, struct body *b, char *why, size_t why_size)
{
	curl_easy_reset(curl);
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, b);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, (long)cfg_int("Orders.FeedTimeoutSeconds", 30));
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(curl, CURLOPT_USERAGENT, "Switchboard-syncd");
	CURLcode rc = curl_easy_perform(curl);
	long status = 0;
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
	if (rc != CURLE_OK)
		snprintf(why, why_size, "%s: %s", url, curl_easy_strerror(rc));
	else if (status != 200)
		snprintf(why, why_size, "%s answered HTTP %ld", url, status);
	return rc == CURLE_OK && status == 200 ? 0 : -1;
}

static void poll_url(db *d, const struct order_feed *f, char *error, size_t error_size)
{
	CURL *curl = curl_easy_init();
	if (!curl) {
		snprintf(error, error_size, "cannot start an HTTP client");
		return;
	}
	struct body index = {NULL, 0, max_bytes(), 0};
	json_t *doc = NULL, *files = NULL;
	if (http_get(curl, f->source, &index, error, error_size) == 0) {
		doc = json_loadb(index.data ? index.data : "", index.len, 0, NULL);
		files = json_object_get(doc, "files");
		if (!json_is_array(files))
			snprintf(error, error_size, "%.900s is not an index ({\"files\": [names]})", f->source);
	}
	/* The files sit beside the index: its URL up to its last '/'. */
	size_t base = strcspn(f->source, "?#");
	while (base > 0 && f->source[base - 1] != '/')
		base--;
	size_t i;
	json_t *name;
	json_array_foreach(files, i, name) {
		const char *n = json_string_value(name);
		if (!order_feed_file_name(n))
			continue;
		char url[ORDER_FEED_SOURCE_MAX + ORDER_FEED_NAME_MAX + 2];
		snprintf(url, sizeof url, "%.*s%s", (int)base, f->source, n);
		struct body b = {NULL, 0, max_bytes(), 0};
		if (http_get(curl, url, &b, error, error_size) == 0)
			take(d, f, n, &b, error, error_size);
		free(b.data);
	}
	json_decref(doc);
	free(index.data);
	curl_easy_cleanup(curl);
}

int order_feeds_tick(db *d)
{
	long long id = order_feeds_claim(d, lease_owner(), lease_seconds());
	if (id <= 0)
		return (int)id;
	struct order_feed f;
	int found = order_feed_load(d, id, &f);
	if (found <= 0)
		return found;
	char error[ORDER_FEED_ERROR_MAX + 1] = "";
	if (f.source[0] == '/')
		poll_folder(d, &f, error, sizeof error);
	else
		poll_url(d, &f, error, sizeof error);
	if (*error)
		log_error("order feed %lld: %s", id, error);
	if (order_feed_checked(d, id, lease_owner(), error, cfg_int("Orders.FeedPollMinutes", 5)) != 0)
		return -1;
	return 1;
}
