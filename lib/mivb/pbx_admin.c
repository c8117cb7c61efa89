/* The console's requests to a MiVoice Business through the gateway's relay
 * (docs/pbx-link-protocol.md §1, §2, §8; guide §3.1.2). */
#include "lib/mivb/pbx_admin.h"

#include "lib/pbx_relay.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* No administration answer comes near this. */
#define BODY_MAX (8L * 1024 * 1024)

void pbx_reply_clear(struct pbx_reply *rep)
{
	json_decref(rep->doc);
	memset(rep, 0, sizeof *rep);
}

int pbx_reply_ok(const struct pbx_reply *rep)
{
	return rep->status >= 200 && rep->status < 300;
}

int pbx_admin_open(db *d, const char *account_id, const char *key_hex, long timeout_seconds, struct pbx_admin *a)
{
	memset(a, 0, sizeof *a);
	struct pbx_link link;
	int found = pbx_link_find(d, account_id, 0, &link);
	if (found <= 0)
		return found;
	if (strcmp(link.pbx_type, "mivb") != 0)
		return 0;
	if (pbx_link_target_load(d, link.id, key_hex, &a->t) != 1)
		return -1;
	a->curl = curl_easy_init();
	a->timeout_seconds = timeout_seconds > 0 ? timeout_seconds : 30;
	return a->curl ? 1 : -1;
}

void pbx_admin_close(struct pbx_admin *a)
{
	if (a->curl)
		curl_easy_cleanup(a->curl);
	explicit_bzero(a, sizeof *a);
}

static void words(struct pbx_reply *rep, const char *fmt, const char *detail)
{
	rep->status = 0;
	snprintf(rep->message, sizeof rep->message, fmt, detail);
}

static int request(struct pbx_admin *a, const char *method, const char *path, const char *body, struct pbx_reply *rep)
{
	pbx_reply_clear(rep);
	if (!a->t.relay_url[0]) {
		words(rep, "%sthe gateway has not reported its relay", "gateway unreachable: ");
		return -1;
	}
	struct pbx_relay_call call = {method, path, body, a->token, NULL, a->timeout_seconds, BODY_MAX};
	struct pbx_relay_answer ans;
	pbx_relay_send(a->curl, &a->t, &call, &ans);
	if (ans.rc == CURLE_OPERATION_TIMEDOUT) {
		words(rep, "the PBX did not answer in time%s", "");
		return -1;
	}
	if (ans.rc != CURLE_OK || ans.too_big) {
		words(rep, "gateway unreachable (%s)", ans.too_big ? "answer too large" : curl_easy_strerror(ans.rc));
		return -1;
	}
	rep->status = ans.status;
	json_t *doc = ans.doc;
	const char *code = json_string_value(json_object_get(doc, "code"));
	const char *message = json_string_value(json_object_get(doc, "message"));
	const char *field = json_string_value(json_object_get(doc, "field"));
	snprintf(rep->code, sizeof rep->code, "%s", code ? code : "");
	snprintf(rep->field, sizeof rep->field, "%s", field ? field : "");
	snprintf(rep->message, sizeof rep->message, "%s", message ? message : "");
	if (rep->status == 502 || rep->status == 504 || (rep->status == 503 && strncmp(rep->code, "gateway", 7) == 0) ||
	    strcmp(rep->code, "relay_key") == 0) {
		/* the relay's own failures: the PBX never saw the request */
		words(rep, "the PBX could not be reached through the gateway (%s)", *rep->code ? rep->code : "relay");
		rep->code[0] = rep->field[0] = 0;
		json_decref(doc);
		return -1;
	}
	if (pbx_reply_ok(rep) && !json_is_object(doc)) {
		words(rep, "the PBX's answer to %s is not a JSON object", path);
		json_decref(doc);
		return -1;
	}
	rep->doc = pbx_reply_ok(rep) ? doc : NULL;
	if (!rep->doc)
		json_decref(doc);
	return 0;
}

static int login(struct pbx_admin *a, struct pbx_reply *rep)
{
	a->token[0] = 0;
	json_t *creds = json_pack("{s:s,s:s}", "username", a->t.username, "password", a->t.password);
	char *body = creds ? json_dumps(creds, JSON_COMPACT) : NULL;
	json_decref(creds);
	if (!body) {
		words(rep, "out of memory%s", "");
		return -1;
	}
	int rc = request(a, "POST", "/v1/auth/login", body, rep);
	explicit_bzero(body, strlen(body));
	free(body);
	if (rc != 0)
		return -1;
	const char *token = json_string_value(json_object_get(rep->doc, "token"));
	if (!pbx_reply_ok(rep) || !token || strlen(token) >= sizeof a->token || strpbrk(token, "\r\n")) {
		words(rep, "%s", pbx_reply_ok(rep) ? "the PBX's login answer has no usable token"
						  : "the PBX refused the CloudLink system username or password");
		return -1;
	}
	snprintf(a->token, sizeof a->token, "%s", token);
	pbx_reply_clear(rep);
	return 0;
}

int pbx_admin_call(struct pbx_admin *a, const char *method, const char *path, json_t *body, struct pbx_reply *rep)
{
	memset(rep, 0, sizeof *rep);
	char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
	if (body && !text) {
		words(rep, "out of memory%s", "");
		return -1;
	}
	int rc = -1;
	if (a->token[0] || login(a, rep) == 0) {
		rc = request(a, method, path, text, rep);
		if (rc == 0 && rep->status == 401 && strcmp(rep->code, "unauthorized") == 0 && login(a, rep) == 0)
			rc = request(a, method, path, text, rep);
	}
	free(text);
	return rc;
}
