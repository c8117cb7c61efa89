/* SCIM sources pulled on their schedules (ch3 §8.5, beyond the guide): a
 * SCIM 2.0 client over libcurl. A pull claims a due source under a lease
 * and lists the source's Users page by page. A source that dates its users
 * (meta.lastModified) is asked, between its daily full listings, only for
 * the users modified since the newest date it listed before, and for its
 * total (count=0): when the total is the users owned here plus the new ones
 * among the changes, nothing was removed and the changes are the whole
 * story; else every user is listed. Only when every page came back whole
 * and consistent (the same totalResults throughout, every user with an id,
 * none twice) are they compared with the users the source owns here, by
 * the source's id: new ones are created (or adopt the console user their
 * userName names), changed ones — their document's fingerprint differs —
 * replaced, and, after a full listing, the ones the source no longer lists
 * deleted (or let go, if adopted). Each change is one transaction with its
 * event (actor SCIM). A failed or partial fetch changes no user; an
 * unchanged source changes none either. */
#include "syncd/syncd.h"
#include "syncd/lease.h"
#include "lib/core/config.h"
#include "lib/core/crypto.h"
#include "lib/core/log.h"
#include "lib/scim/json_util.h"
#include "lib/scim/resource.h"
#include "lib/scim/schema.h"
#include "lib/scim_sources.h"
#include "lib/scim_users.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PAGE_SIZE 500                   /* count= asked per page; a source may send fewer */
#define PAGE_BYTES (64L * 1024 * 1024)  /* the largest page read */
#define SOURCE_USERS_MAX 250000         /* a source listing more is refused */
#define KEEP_LEASE_EVERY 200            /* changes between lease renewals */

static int lease_seconds(void) { return cfg_int("Jobs.LeaseSeconds", 60); }

struct body {
	char *data;
	size_t len;
	int too_big;
};

static size_t on_data(char *ptr, size_t size, size_t n, void *ctx)
{
	struct body *b = ctx;
	size_t add = size * n;
	if (b->len + add > (size_t)PAGE_BYTES) {
		b->too_big = 1;
		return 0;
	}
	char *data = realloc(b->data, b->len + add + 1);
	if (!data)
		return 0;
	memcpy(data + b->len, ptr, add);
	b->data = data;
	b->len += add;
	b->data[b->len] = 0;
	return add;
}

/* n as an argument of a stored message (text: 24 chars). */
static const char *number(long n, char *text)
{
	snprintf(text, 24, "%ld", n);
	return text;
}

/* One page of the source's Users (filter: "" for none): its ListResponse,
 * or NULL with why and the HTTP status (0 when there was no answer). */
static json_t *fetch_page(CURL *curl, const struct scim_source_claim *s, const char *token, const char *filter,
			  long start, int count, long *status, struct stored_message *why)
{
	char url[4096], auth[1200];
	size_t n = strlen(s->base_url);
	while (n > 0 && s->base_url[n - 1] == '/')
		n--;
	char *escaped = filter[0] ? curl_easy_escape(curl, filter, 0) : NULL;
	snprintf(url, sizeof url, "%.*s/Users?startIndex=%ld&count=%d%s%s", (int)n, s->base_url, start, count,
		 escaped ? "&filter=" : "", escaped ? escaped : "");
	curl_free(escaped);
	snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
	struct curl_slist *headers = curl_slist_append(NULL, auth);
	headers = curl_slist_append(headers, "Accept: application/scim+json, application/json");
	struct body b = {0};
	curl_easy_reset(curl);
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, &b);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, (long)cfg_int("ScimSources.TimeoutSeconds", 30));
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(curl, CURLOPT_USERAGENT, "Switchboard-syncd");
	CURLcode rc = curl_easy_perform(curl);
	*status = 0;
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, status);
	curl_slist_free_all(headers);
	json_t *doc = NULL;
	char code[24];
	if (rc != CURLE_OK)
		stored_message_set(why, b.too_big ? "page_too_large" : "transfer_failed", curl_easy_strerror(rc), NULL);
	else if (*status != 200)
		stored_message_set(why, "http_status", number(*status, code), NULL);
	else if (!(doc = json_loadb(b.data ? b.data : "", b.len, 0, NULL)) || !json_is_object(doc))
		stored_message_set(why, "not_list_response", NULL);
	free(b.data);
	if (doc && !json_is_object(doc)) {
		json_decref(doc);
		doc = NULL;
	}
	return doc;
}

/* One user the source lists, ready to apply. */
struct remote {
	const char *key;                   /* the source's id of the user (borrowed from doc's resource) */
	json_t *doc;                       /* the normalized User document */
	char print[17];
};

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct remote *)a)->key, ((const struct remote *)b)->key);
}

/* What one listing of the source's Users brought: its users, sorted by
 * key, and the newest meta.lastModified among them (the source's clock). */
struct listing {
	json_t *pages;                     /* owns the keys */
	struct remote *v;
	int n, cap;
	long status;                       /* of a refused request */
	char newest[SCIM_SOURCE_WATERMARK_MAX + 1];
	double newest_at;
	int undated;                       /* a user came without a usable meta.lastModified */
};

static void listing_free(struct listing *l)
{
	for (int i = 0; i < l->n; i++)
		json_decref(l->v[i].doc);
	free(l->v);
	json_decref(l->pages);
	memset(l, 0, sizeof *l);
}

/* Notes the user's meta.lastModified: a watermark is put inside a filter's
 * quotes, so only a plain date-time is kept. */
static void note_modified(struct listing *l, json_t *res)
{
	const char *text = json_string_value(json_object_get(json_object_get(res, "meta"), "lastModified"));
	double at;
	if (!text || strlen(text) > SCIM_SOURCE_WATERMARK_MAX || strpbrk(text, "\"\\") || !scim_datetime(text, &at)) {
		l->undated = 1;
		return;
	}
	if (!l->newest[0] || at > l->newest_at) {
		snprintf(l->newest, sizeof l->newest, "%s", text);
		l->newest_at = at;
	}
}

/* One user of a page into l. 0, or -1 with why. */
static int take_user(struct listing *l, json_t *res, struct stored_message *why)
{
	json_t *id = json_object_get(res, "id");
	if (!json_is_string(id) || !json_string_length(id) || json_string_length(id) > 255) {
		stored_message_set(why, "user_without_id", NULL);
		return -1;
	}
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 1024;
		struct remote *more = realloc(l->v, (size_t)cap * sizeof *l->v);
		if (!more) {
			stored_message_set(why, "out_of_memory", NULL);
			return -1;
		}
		l->v = more;
		l->cap = cap;
	}
	note_modified(l, res);
	struct remote *r = &l->v[l->n++];
	r->key = json_string_value(id);
	r->doc = json_deep_copy(res);
	struct scim_error err = {0};
	if (scim_normalize(r->doc, &scim_user_type, &err) != 0) {
		/* kept as it came: applying it fails and is counted, the rest goes on */
		json_decref(r->doc);
		r->doc = NULL;
		r->print[0] = 0;
	} else {
		scim_fingerprint(r->doc, r->print);
	}
	return 0;
}

/* Every user the source lists under filter, into l (zeroed), or -1 with
 * why: a failure anywhere fails all. */
static int list_users(CURL *curl, const struct scim_source_claim *s, const char *token, const char *filter,
		      struct listing *l, struct stored_message *why)
{
	l->pages = json_array();
	long total = -1, start = 1;
	for (;;) {
		json_t *page = fetch_page(curl, s, token, filter, start, PAGE_SIZE, &l->status, why);
		if (!page)
			return -1;
		json_array_append_new(l->pages, page);
		json_t *t = json_object_get(page, "totalResults"), *list = json_object_get(page, "Resources");
		if (!json_is_integer(t) || (list && !json_is_array(list))) {
			stored_message_set(why, "not_list_response", NULL);
			return -1;
		}
		if (total < 0)
			total = (long)json_integer_value(t);
		if (json_integer_value(t) != total) {
			char was[24], now[24];
			stored_message_set(why, "users_changed", number(total, was), number((long)json_integer_value(t), now), NULL);
			return -1;
		}
		if (total > SOURCE_USERS_MAX) {
			char most[24];
			stored_message_set(why, "too_many_users", number(SOURCE_USERS_MAX, most), NULL);
			return -1;
		}
		size_t i;
		json_t *res;
		json_array_foreach(list, i, res)
			if (take_user(l, res, why) != 0)
				return -1;
		start += (long)json_array_size(list);
		if (l->n >= total)
			break;
		if (json_array_size(list) == 0) {
			char got[24], all[24];
			stored_message_set(why, "stopped_early", number(l->n, got), number(total, all), NULL);
			return -1;
		}
	}
	if (l->n > total) {
		stored_message_set(why, "more_than_total", NULL);
		return -1;
	}
	if (l->n > 1)
		qsort(l->v, (size_t)l->n, sizeof *l->v, by_key);
	for (int k = 1; k < l->n; k++)
		if (strcmp(l->v[k - 1].key, l->v[k].key) == 0) {
			stored_message_set(why, "listed_twice", l->v[k].key, NULL);
			return -1;
		}
	return 0;
}

/* How many users the source lists under its filter (count=0, RFC 7644
 * §3.4.2.4: the total without a page), or -1 with why. */
static long count_users(CURL *curl, const struct scim_source_claim *s, const char *token, struct stored_message *why)
{
	long status;
	json_t *page = fetch_page(curl, s, token, s->filter, 1, 0, &status, why);
	if (!page)
		return -1;
	json_t *t = json_object_get(page, "totalResults");
	long total = json_is_integer(t) ? (long)json_integer_value(t) : -1;
	json_decref(page);
	if (total < 0)
		stored_message_set(why, "not_list_response", NULL);
	return total;
}

/* The users the source owns here. */
struct local {
	char key[256];
	long long user_id;
	char print[17];
	int adopted;
	int seen;
};

struct locals {
	struct local *v;
	int n, cap;
};

static int local_row(void *ctx, const struct scim_source_user *u)
{
	struct locals *l = ctx;
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 1024;
		struct local *v = realloc(l->v, (size_t)cap * sizeof *v);
		if (!v)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	struct local *x = &l->v[l->n++];
	snprintf(x->key, sizeof x->key, "%s", u->key);
	x->user_id = u->user_id;
	snprintf(x->print, sizeof x->print, "%s", u->fingerprint);
	x->adopted = u->adopted;
	x->seen = 0;
	return 0;
}

static int by_local_key(const void *a, const void *b)
{
	return strcmp(((const struct local *)a)->key, ((const struct local *)b)->key);
}

/* One change to apply in its own transaction. */
struct change {
	db *d;
	const struct scim_source_claim *s;
	struct remote *r;                  /* create or replace; NULL to remove */
	struct local *l;                   /* replace or remove; NULL to create */
	struct scim_error err;
};

struct result {
	long fetched, added, changed, removed, released, skipped, unchanged;
	char first_refusal[400];
};

static int apply_change(void *ctx)
{
	struct change *c = ctx;
	db *d = c->d;
	enum scim_change what;
	if (!c->r) {
		if (c->l->adopted)
			return scim_source_release(d, c->s->account_id, c->l->user_id, c->s->name);
		return scim_user_delete(d, c->s->account_id, c->l->user_id, &c->err);
	}
	if (!c->r->doc)
		return scim_fail(&c->err, 400, "invalidValue", "user %.100s of the source is not a valid SCIM User", c->r->key),
		       SCIM_REFUSED;
	struct scim_writer w = {c->s->id, c->r->key};
	if (!c->l) {
		long long id;
		return scim_user_create(d, c->s->account_id, &w, c->r->doc, &id, &what, NULL, NULL, &c->err);
	}
	return scim_user_replace(d, c->s->account_id, &w, c->l->user_id, c->r->doc, &what, &c->err);
}

/* Applies one change; counts it. 0 to go on, -1 on a database error. */
static int change_one(db *d, struct change *c, long *counter, struct result *res)
{
	c->d = d;
	int rc = db_tx(d, apply_change, c);
	if (rc < 0)
		return -1;
	if (rc > 0) {
		res->skipped++;
		if (!res->first_refusal[0])
			snprintf(res->first_refusal, sizeof res->first_refusal, "%s", c->err.detail);
		return 0;
	}
	(*counter)++;
	return 0;
}

static double since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static struct local *local_of(struct locals *local, const char *key)
{
	struct local k;
	snprintf(k.key, sizeof k.key, "%s", key);
	return local->n ? bsearch(&k, local->v, (size_t)local->n, sizeof *local->v, by_local_key) : NULL;
}

/* The users modified since the watermark, when they tell the whole story:
 * the source's total is the users owned here plus the new ones among them
 * (else some were removed, which only a full listing shows). 1 they do, 0
 * they do not (or the source takes no such filter), -1 with why. */
static int list_changes(CURL *curl, const struct scim_source_claim *s, const char *token, struct locals *local,
			struct listing *changes, long *total, struct stored_message *why)
{
	char filter[sizeof s->filter + 128];
	snprintf(filter, sizeof filter, "%s%s%smeta.lastModified ge \"%s\"", s->filter[0] ? "(" : "", s->filter,
		 s->filter[0] ? ") and " : "", s->watermark);
	if (list_users(curl, s, token, filter, changes, why) != 0) {
		/* a source that cannot filter on meta.lastModified (RFC 7644 §3.4.2.2) is listed whole */
		if (changes->status == 400 || changes->status == 501) {
			why->key[0] = 0;
			return 0;
		}
		return -1;
	}
	if ((*total = count_users(curl, s, token, why)) < 0)
		return -1;
	long fresh = 0;
	for (int i = 0; i < changes->n; i++)
		fresh += local_of(local, changes->v[i].key) == NULL;
	return *total == local->n + fresh;
}

/* The watermark the next pull asks from: it moves on with what was listed;
 * a full listing where a user came undated leaves none (the next lists
 * every user again). */
static const char *next_watermark(const struct scim_source_claim *s, const struct listing *l, int delta)
{
	if (!delta)
		return l->undated || !l->newest[0] ? NULL : l->newest;
	double at;
	return l->newest[0] && (!scim_datetime(s->watermark, &at) || l->newest_at > at) ? l->newest : s->watermark;
}

static void pull(db *d, const struct scim_source_claim *s)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	double fetching = 0;
	char token[SCIM_SOURCE_TOKEN_MAX + 1], words[600] = "";
	struct stored_message why = {0};
	struct listing listed = {0};
	struct locals local = {0};
	struct result res = {0};
	int ok = 0, delta = 0;
	long total = 0;
	CURL *curl = curl_easy_init();
	if (!curl) {
		stored_message_set(&why, "no_http_client", NULL);
		goto done;
	}
	if (secret_open(cfg_str("Crypto.Key", ""), s->token_sealed, token, sizeof token) != 0) {
		stored_message_set(&why, "token_unreadable", NULL);
		goto done;
	}
	if (scim_source_users_each(d, s->id, local_row, &local) < 0) {
		stored_message_set(&why, "database_unavailable", NULL);
		goto done;
	}
	if (local.n > 1)
		qsort(local.v, (size_t)local.n, sizeof *local.v, by_local_key);
	/* Only what changed since the last pull, when the source dates its
	 * users; every user at least daily, and whenever the changes do not add
	 * up (a user was removed). */
	if (s->watermark[0] && !s->list_all && (delta = list_changes(curl, s, token, &local, &listed, &total, &why)) < 0)
		goto done;
	if (!delta) {
		listing_free(&listed);
		if (list_users(curl, s, token, s->filter, &listed, &why) != 0)
			goto done;
		total = listed.n;
	}
	fetching = since(&t0);
	res.fetched = total;
	long changes = 0;
	for (int i = 0; i < listed.n; i++) {
		struct remote *r = &listed.v[i];
		struct local *l = local_of(&local, r->key);
		if (l)
			l->seen = 1;
		if (l && r->doc && strcmp(l->print, r->print) == 0) {
			res.unchanged++;
			continue;
		}
		struct change c = {.s = s, .r = r, .l = l};
		if (change_one(d, &c, l ? &res.changed : &res.added, &res) != 0) {
			stored_message_set(&why, "database_unavailable", NULL);
			goto done;
		}
		if (++changes % KEEP_LEASE_EVERY == 0 && scim_source_lease_keep(d, s->id, lease_owner(), lease_seconds()) != 1) {
			stored_message_set(&why, "lease_lost", NULL);
			goto done;
		}
	}
	for (int i = 0; i < local.n; i++) {
		if (local.v[i].seen)
			continue;
		/* not among the changes: as it was */
		if (delta) {
			res.unchanged++;
			continue;
		}
		struct change c = {.s = s, .l = &local.v[i]};
		if (change_one(d, &c, local.v[i].adopted ? &res.released : &res.removed, &res) != 0) {
			stored_message_set(&why, "database_unavailable", NULL);
			goto done;
		}
	}
	ok = 1;
	if (res.skipped) {
		char skipped[24];
		stored_message_set(&why, "users_skipped", number(res.skipped, skipped), res.first_refusal, NULL);
	}
done:
	if (why.key[0])
		stored_message_english("scim.errors", &why, words, sizeof words);
	double seconds = since(&t0);
	struct scim_pull_mark mark = {next_watermark(s, &listed, delta), !delta};
	/* how long the source took to list its users, and how long the rest (the diff, the changes) */
	json_t *result = ok ? json_pack("{s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:s,s:f,s:f}", "fetched", (int)res.fetched, "added",
					(int)res.added, "changed", (int)res.changed, "removed", (int)res.removed, "released",
					(int)res.released, "skipped", (int)res.skipped, "unchanged", (int)res.unchanged,
					"listed", delta ? "changes" : "all", "seconds", seconds, "fetch_seconds", fetching)
			    : NULL;
	if (scim_source_finish(d, s->id, lease_owner(), &why, words, result, ok ? &mark : NULL, s->interval_minutes,
			       s->failures) != 0)
		log_error("scim source %lld: could not record the pull: %s", s->id, db_error(d));
	if (!ok)
		log_error("scim source %lld (%s): %s; nothing was changed", s->id, s->name, words);
	else
		log_info("scim source %lld (%s): %ld listed (%s), %ld added, %ld changed, %ld removed, %ld let go, %ld skipped"
			 " in %.2f s", s->id, s->name, res.fetched, delta ? "changes only" : "all", res.added, res.changed,
			 res.removed, res.released, res.skipped, seconds);
	json_decref(result);
	listing_free(&listed);
	free(local.v);
	if (curl)
		curl_easy_cleanup(curl);
	memset(token, 0, sizeof token);
}

int scim_client_tick(db *d)
{
	struct scim_source_claim s;
	int rc = scim_source_claim(d, lease_owner(), lease_seconds(), &s);
	if (rc <= 0)
		return rc;
	pull(d, &s);
	return 1;
}
