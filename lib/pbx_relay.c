/* One request to a PBX through its gateway's relay (docs/pbx-link-protocol.md
 * §1, §2): the relay's key, the PBX's address, the PBX's token. */
#include "lib/pbx_relay.h"

#include "lib/core/config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct body {
	char *data;
	size_t len, cap, max;
	int too_big;
};

static size_t on_data(char *ptr, size_t size, size_t n, void *ctx)
{
	struct body *b = ctx;
	size_t add = size * n;
	if (b->len + add + 1 > b->max) {
		b->too_big = 1;
		return 0;
	}
	if (b->len + add + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 65536;
		while (cap < b->len + add + 1)
			cap *= 2;
		char *grown = realloc(b->data, cap);
		if (!grown)
			return 0;
		b->data = grown;
		b->cap = cap;
	}
	memcpy(b->data + b->len, ptr, add);
	b->len += add;
	b->data[b->len] = 0;
	return add;
}

static struct curl_slist *headers(const struct pbx_link_target *t, const struct pbx_relay_call *c)
{
	char header[700];
	struct curl_slist *h = NULL;
	snprintf(header, sizeof header, "X-Relay-Key: %s", t->relay_key);
	h = curl_slist_append(h, header);
	snprintf(header, sizeof header, strchr(t->host, ':') ? "X-Relay-Target: [%s]:%d" : "X-Relay-Target: %s:%d", t->host,
		 t->port);
	h = curl_slist_append(h, header);
	h = curl_slist_append(h, "Accept: application/json");
	if (c->token && c->token[0]) {
		snprintf(header, sizeof header, "Authorization: Bearer %s", c->token);
		h = curl_slist_append(h, header);
	}
	if (c->if_none_match && *c->if_none_match) {
		snprintf(header, sizeof header, "If-None-Match: \"%s\"", c->if_none_match);
		h = curl_slist_append(h, header);
	}
	if (c->body)
		h = curl_slist_append(h, "Content-Type: application/json");
	return h;
}

void pbx_relay_send(CURL *k, const struct pbx_link_target *t, const struct pbx_relay_call *c,
		    struct pbx_relay_answer *out)
{
	memset(out, 0, sizeof *out);
	char url[1024];
	snprintf(url, sizeof url, "%s%s", t->relay_url, c->path);
	struct curl_slist *h = headers(t, c);
	struct body b = {.max = c->body_max};
	curl_easy_reset(k);
	curl_easy_setopt(k, CURLOPT_URL, url);
	curl_easy_setopt(k, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(k, CURLOPT_CUSTOMREQUEST, c->method);
	if (c->body)
		curl_easy_setopt(k, CURLOPT_POSTFIELDS, c->body);
	curl_easy_setopt(k, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(k, CURLOPT_WRITEDATA, &b);
	curl_easy_setopt(k, CURLOPT_CONNECTTIMEOUT, 5L);
	curl_easy_setopt(k, CURLOPT_TIMEOUT, c->timeout_seconds);
	curl_easy_setopt(k, CURLOPT_NOSIGNAL, 1L);
	/* A gateway's relay answers over HTTPS with a certificate of its own:
	 * trust the one the configuration names, else the system's. */
	const char *ca = cfg_str("Pbx.CAFile", "");
	if (*ca)
		curl_easy_setopt(k, CURLOPT_CAINFO, ca);
	curl_easy_setopt(k, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(k, CURLOPT_FOLLOWLOCATION, 0L);
	out->rc = curl_easy_perform(k);
	curl_slist_free_all(h);
	out->too_big = b.too_big;
	if (out->rc == CURLE_OK && !b.too_big) {
		curl_easy_getinfo(k, CURLINFO_RESPONSE_CODE, &out->status);
		out->doc = b.len ? json_loadb(b.data, b.len, 0, NULL) : NULL;
	}
	free(b.data);
}
