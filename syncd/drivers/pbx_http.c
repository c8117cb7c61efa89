/* The PBX link protocol's transport (docs/pbx-link-protocol.md), shared by
 * every driver: requests go to the gateway's relay, which forwards them to
 * the PBX's LAN address (ch3 §10.2). */
#include "syncd/drivers/pbx_driver.h"
#include "lib/pbx_types.h"

#include "lib/pbx_relay.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* No page of a well-behaved PBX comes near this. */
#define BODY_MAX (64L * 1024 * 1024)

struct conn {
	CURL *curl;
	const struct pbx_link_target *t;
	const struct pbx_fetch_limits *lim;
	char token[512];
	struct stored_message *error;
};

/* The error of a failed answer: its {code, message}. */
static void answer_error(json_t *doc, const char **code, const char **message)
{
	*code = pbx_json_str(doc, "code");
	*message = pbx_json_str(doc, "message");
}

enum outcome { OK = 0, FAILED = -1, EXPIRED = -2, UNAUTHORISED = -3 };

/* One request through the relay. On 200 (or 304), *doc is the parsed body
 * (NULL for 304) and *status the status. Anything else is put in words. */
static enum outcome request(struct conn *c, const char *method, const char *path, const char *body,
			    const char *if_none_match, long *status, json_t **doc)
{
	*doc = NULL;
	*status = 0;
	if (!c->t->relay_url[0]) {
		stored_message_set(c->error, "no_relay", NULL);
		return FAILED;
	}
	struct pbx_relay_call call = {method, path, body, c->token, if_none_match, c->lim->request_seconds, BODY_MAX};
	struct pbx_relay_answer ans;
	pbx_relay_send(c->curl, c->t, &call, &ans);
	CURLcode rc = ans.rc;
	enum outcome out = FAILED;
	char number[24], where[300];
	if (strchr(c->t->host, ':'))
		snprintf(where, sizeof where, "[%s]:%d", c->t->host, c->t->port);
	else
		snprintf(where, sizeof where, "%s:%d", c->t->host, c->t->port);
	if (rc == CURLE_OPERATION_TIMEDOUT) {
		snprintf(number, sizeof number, "%ld", c->lim->request_seconds);
		stored_message_set(c->error, "timeout", number, method, path, NULL);
	} else if (rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST) {
		stored_message_set(c->error, "gateway_unreachable", NULL);
	} else if (ans.too_big) {
		stored_message_set(c->error, "answer_too_large", path, NULL);
	} else if (rc != CURLE_OK) {
		stored_message_set(c->error, "gateway_unreachable_because", curl_easy_strerror(rc), NULL);
	} else {
		*status = ans.status;
		json_t *parsed = ans.doc;
		const char *code, *message;
		answer_error(parsed, &code, &message);
		if (*status == 304) {
			out = OK;
		} else if (*status == 200 && json_is_object(parsed)) {
			*doc = parsed;
			parsed = NULL;
			out = OK;
		} else if (*status == 200) {
			stored_message_set(c->error, "answer_not_object", path, NULL);
		} else if (*status == 502 || strcmp(code, "pbx_unreachable") == 0) {
			stored_message_set(c->error, *message ? "pbx_unreachable_because" : "pbx_unreachable", where, message, NULL);
		} else if (*status == 504 || strcmp(code, "pbx_timeout") == 0) {
			stored_message_set(c->error, "pbx_timeout", method, path, NULL);
		} else if (strcmp(code, "relay_key") == 0) {
			stored_message_set(c->error, "relay_key_refused", NULL);
		} else if (*status == 503 && strncmp(code, "gateway", 7) == 0) {
			if (*message)
				stored_message_set(c->error, "gateway_unreachable_because", message, NULL);
			else
				stored_message_set(c->error, "gateway_restarting", NULL);
		} else if (*status == 401) {
			out = UNAUTHORISED;
			stored_message_set(c->error, "login_refused", NULL);
		} else if (*status == 410) {
			out = EXPIRED;
			stored_message_set(c->error, "data_changed", NULL);
		} else {
			snprintf(number, sizeof number, "%ld", *status);
			stored_message_set(c->error, *message ? "pbx_error_because" : "pbx_error", number, method, path, message, NULL);
		}
		json_decref(parsed);
	}
	return out;
}

static enum outcome login(struct conn *c)
{
	c->token[0] = 0;
	json_t *creds = json_pack("{s:s,s:s}", "username", c->t->username, "password", c->t->password);
	char *body = creds ? json_dumps(creds, JSON_COMPACT) : NULL;
	json_decref(creds);
	if (!body)
		return FAILED;
	long status;
	json_t *doc;
	enum outcome out = request(c, "POST", "/v1/auth/login", body, NULL, &status, &doc);
	explicit_bzero(body, strlen(body));
	free(body);
	if (out != OK)
		return out == EXPIRED ? FAILED : out;
	const char *token = pbx_json_str(doc, "token");
	if (!*token || strlen(token) >= sizeof c->token || strpbrk(token, "\r\n")) {
		stored_message_set(c->error, "no_token", NULL);
		json_decref(doc);
		return FAILED;
	}
	snprintf(c->token, sizeof c->token, "%s", token);
	json_decref(doc);
	return OK;
}

/* A data request, signing in again once if the token expired. */
static enum outcome get(struct conn *c, const char *path, const char *if_none_match, long *status, json_t **doc)
{
	enum outcome out = request(c, "GET", path, NULL, if_none_match, status, doc);
	if (out == UNAUTHORISED && (out = login(c)) == OK)
		out = request(c, "GET", path, NULL, if_none_match, status, doc);
	return out;
}

static enum outcome read_system(struct conn *c, const struct pbx_driver *drv, struct pbx_snapshot *out)
{
	long status;
	json_t *doc;
	enum outcome o = get(c, "/v1/system", NULL, &status, &doc);
	if (o != OK)
		return o;
	const char *type = pbx_json_str(doc, "type");
	if (strcmp(type, drv->type) != 0) {
		const struct pbx_type *want = pbx_type_find(drv->type), *got = pbx_type_find(type);
		char where[300];
		snprintf(where, sizeof where, "%s:%d", c->t->host, c->t->port);
		if (got || *type)
			stored_message_set(c->error, "wrong_type", where, got ? got->label : type, want ? want->label : drv->type, NULL);
		else
			stored_message_set(c->error, "unknown_type_found", where, want ? want->label : drv->type, NULL);
		json_decref(doc);
		return FAILED;
	}
	snprintf(out->version, sizeof out->version, "%s", pbx_json_str(doc, "version"));
	json_decref(doc);
	return OK;
}

/* Cuts text to at most max characters (UTF-8: never inside a character). */
static const char *clip(const char *s, size_t max, char *buf, size_t size)
{
	size_t chars = 0, i = 0;
	for (; s[i]; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80 && ++chars > max)
			break;
	}
	if (!s[i])
		return s;
	snprintf(buf, size, "%.*s", (int)i, s);
	return buf;
}

/* The console's columns hold so much: longer values are cut; an email too
 * long for an address is no address (listed as missing). */
static int add_user(struct conn *c, struct pbx_snapshot *out, struct pbx_user *u)
{
	char first[404], last[404], dept[404], loc[404], ext[1024];
	if (!*u->pbx_id || strlen(u->pbx_id) > 64) {
		stored_message_set(c->error, "user_without_id", NULL);
		return -1;
	}
	u->first_name = clip(u->first_name, 100, first, sizeof first);
	u->last_name = clip(u->last_name, 100, last, sizeof last);
	u->department = clip(u->department, 100, dept, sizeof dept);
	u->location = clip(u->location, 100, loc, sizeof loc);
	u->extensions = clip(u->extensions, 255, ext, sizeof ext);
	if (strlen(u->email) > 254)
		u->email = "";
	return pbx_snapshot_add_user(out, u);
}

/* Every page of one list under one snapshot: each page must start where
 * the last ended, and together they must hold the announced total. */
static enum outcome read_list(struct conn *c, const struct pbx_driver *drv, const char *what, const char *first_path,
			      const char *etag, struct pbx_snapshot *out, int (*keep_lease)(void *), void *ctx)
{
	char path[1024];
	snprintf(path, sizeof path, "%s", first_path);
	long long got = 0, total = -1;
	int is_users = strcmp(what, "users") == 0;
	for (int page = 0;; page++) {
		if (keep_lease && page > 0 && !keep_lease(ctx)) {
			stored_message_set(c->error, "taken_over", NULL);
			return FAILED;
		}
		long status;
		json_t *doc;
		enum outcome o = get(c, path, page == 0 ? etag : NULL, &status, &doc);
		if (o != OK)
			return o;
		if (status == 304) {
			out->unchanged = 1;
			snprintf(out->etag, sizeof out->etag, "%s", etag);
			return OK;
		}
		json_t *items = json_object_get(doc, "items"), *next = json_object_get(doc, "next");
		json_t *jtotal = json_object_get(doc, "total"), *joffset = json_object_get(doc, "offset");
		const char *snapshot = pbx_json_str(doc, "snapshot");
		if (!json_is_array(items) || !json_is_integer(jtotal) || !json_is_integer(joffset) ||
		    !(json_is_string(next) || json_is_null(next) || !next)) {
			stored_message_set(c->error, "malformed_page", what, NULL);
			json_decref(doc);
			return FAILED;
		}
		if (page == 0) {
			total = json_integer_value(jtotal);
			if (is_users)
				snprintf(out->etag, sizeof out->etag, "%s", strlen(snapshot) < sizeof out->etag ? snapshot : "");
		}
		if (json_integer_value(joffset) != got || json_integer_value(jtotal) != total) {
			char expected[24], offset[24];
			snprintf(expected, sizeof expected, "%lld", got);
			snprintf(offset, sizeof offset, "%lld", (long long)json_integer_value(joffset));
			stored_message_set(c->error, "page_missing", what, expected, offset, NULL);
			json_decref(doc);
			return FAILED;
		}
		size_t i;
		json_t *item;
		json_array_foreach(items, i, item) {
			int bad;
			if (is_users) {
				struct pbx_user u;
				struct pbx_map_buf buf;
				memset(&u, 0, sizeof u);
				bad = drv->map_user(item, &u, &buf) != 0 || add_user(c, out, &u) != 0;
			} else {
				const char *number, *target;
				bad = drv->map_did(item, &number, &target) != 0 || strlen(number) > 32 || strlen(target) > 64 ||
				      pbx_snapshot_add_did(out, number, target) != 0;
			}
			if (bad) {
				if (!c->error->key[0])
					stored_message_set(c->error, "malformed_entry", what, NULL);
				json_decref(doc);
				return FAILED;
			}
		}
		got += (long long)json_array_size(items);
		const char *cursor = json_is_string(next) ? json_string_value(next) : NULL;
		if (!cursor) {
			json_decref(doc);
			break;
		}
		char *escaped = curl_easy_escape(c->curl, cursor, 0);
		snprintf(path, sizeof path, "/v1/%s?cursor=%s&limit=%d", what, escaped ? escaped : "", c->lim->page_size);
		curl_free(escaped);
		json_decref(doc);
		if (got > total) {
			break;
		}
	}
	if (got != total) {
		char arrived[24], announced[24];
		snprintf(arrived, sizeof arrived, "%lld", got);
		snprintf(announced, sizeof announced, "%lld", total);
		stored_message_set(c->error, "incomplete", arrived, announced, what, NULL);
		return FAILED;
	}
	return OK;
}

static enum outcome fetch_once(struct conn *c, const struct pbx_driver *drv, struct pbx_snapshot *out,
			       int (*keep_lease)(void *), void *ctx)
{
	enum outcome o = login(c);
	if (o == UNAUTHORISED)
		return FAILED;
	if (o != OK || (o = read_system(c, drv, out)) != OK)
		return o;
	char path[256];
	snprintf(path, sizeof path, "/v1/users?limit=%d", c->lim->page_size);
	if ((o = read_list(c, drv, "users", path, c->t->etag, out, keep_lease, ctx)) != OK || out->unchanged)
		return o;
	char *snap = curl_easy_escape(c->curl, out->etag, 0);
	snprintf(path, sizeof path, "/v1/dids?limit=%d%s%s", c->lim->page_size, out->etag[0] ? "&snapshot=" : "",
		 out->etag[0] && snap ? snap : "");
	curl_free(snap);
	return read_list(c, drv, "dids", path, NULL, out, keep_lease, ctx);
}

int pbx_fetch(const struct pbx_driver *drv, const struct pbx_link_target *t, const struct pbx_fetch_limits *lim,
	      struct pbx_snapshot *out, struct stored_message *error, int (*keep_lease)(void *ctx), void *ctx)
{
	memset(out, 0, sizeof *out);
	memset(error, 0, sizeof *error);
	struct conn c = {curl_easy_init(), t, lim, "", error};
	if (!c.curl) {
		stored_message_set(error, "out_of_memory", NULL);
		return -1;
	}
	/* A snapshot that changed while it was read is read again, once. */
	enum outcome o = fetch_once(&c, drv, out, keep_lease, ctx);
	if (o == EXPIRED) {
		pbx_snapshot_free(out);
		memset(error, 0, sizeof *error);
		o = fetch_once(&c, drv, out, keep_lease, ctx);
	}
	curl_easy_cleanup(c.curl);
	explicit_bzero(c.token, sizeof c.token);
	if (o != OK) {
		pbx_snapshot_free(out);
		if (!error->key[0])
			stored_message_set(error, "unreadable", NULL);
		return -1;
	}
	return 0;
}

/* ---- helpers for the drivers ---- */

const char *pbx_json_str(json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));
	return s ? s : "";
}

const char *pbx_json_id(json_t *obj, const char *key, char *buf, size_t size)
{
	json_t *v = json_object_get(obj, key);
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(buf, size, "%lld", (long long)json_integer_value(v));
		return buf;
	}
	return "";
}

void pbx_json_join(json_t *array, char *out, size_t size)
{
	size_t used = 0, i;
	json_t *v;
	out[0] = 0;
	json_array_foreach(array, i, v) {
		const char *s = json_string_value(v);
		if (!s || !*s)
			continue;
		int n = snprintf(out + used, size - used, "%s%s", used ? "," : "", s);
		if (n < 0 || (size_t)n >= size - used) {
			out[used] = 0;
			break;
		}
		used += (size_t)n;
	}
}

int pbx_map_did_common(json_t *item, const char **number, const char **target)
{
	*number = pbx_json_str(item, "number");
	*target = pbx_json_str(item, "target");
	return **number ? 0 : -1;
}

const struct pbx_driver *pbx_driver_for(const char *type)
{
	static const struct pbx_driver *const all[] = {
		&pbx_driver_mivb, &pbx_driver_mivo400, &pbx_driver_miv5000, &pbx_driver_mxone, &pbx_driver_mivo250,
	};
	for (size_t i = 0; type && i < sizeof all / sizeof all[0]; i++)
		if (strcmp(all[i]->type, type) == 0)
			return all[i];
	return NULL;
}
