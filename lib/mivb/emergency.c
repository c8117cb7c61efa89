/* Emergency Services (guide §3.1.2): Dialables and the Dynamic Location
 * Provider, its Secret sealed (lib/core/crypto.h). */
#include "lib/mivb/emergency.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/core/crypto.h"

int mivb_dialable_valid(const char *s)
{
	size_t n = strlen(s);
	if (n < 2 || n > 6)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int host_port_valid(const char *s, size_t n)
{
	size_t i = 0, labels = 0, len = 0;
	for (; i < n && s[i] != ':' && s[i] != '/'; i++) {
		char c = s[i];
		if (c == '.') {
			if (!len)
				return 0;
			labels++;
			len = 0;
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
			if (++len > 63)
				return 0;
		} else {
			return 0;
		}
	}
	if (!len || i > 253)
		return 0;
	(void)labels;
	if (i < n && s[i] == ':') {
		char *end;
		long port = strtol(s + i + 1, &end, 10);
		if (end == s + i + 1 || port < 1 || port > 65535)
			return 0;
		i = (size_t)(end - s);
	}
	return i == n || s[i] == '/';
}

int mivb_server_valid(const char *s)
{
	if (strncmp(s, "https://", 8) == 0)
		return host_port_valid(s + 8, strlen(s + 8));
	return host_port_valid(s, strlen(s)) && !strchr(s, '/');
}

/* RFC 7230 token characters. */
static int token(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!strchr("!#$%&'*+-.^_`|~", *s) && !(*s >= '0' && *s <= '9') && !(*s >= 'a' && *s <= 'z') &&
		    !(*s >= 'A' && *s <= 'Z'))
			return 0;
	return 1;
}

const char *mivb_headers_fault(const char *text)
{
	if (!*text)
		return NULL;
	json_t *doc = json_loads(text, JSON_REJECT_DUPLICATES, NULL);
	const char *fault = !doc ? "json" : !json_is_object(doc) ? "object" : NULL;
	const char *k;
	json_t *v;
	json_object_foreach(fault ? NULL : doc, k, v) {
		if (!token(k)) {
			fault = "name";
			break;
		}
		if (!json_is_string(v) || strpbrk(json_string_value(v), "\r\n")) {
			fault = "value";
			break;
		}
	}
	json_decref(doc);
	return fault;
}

static const char *str(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

#define COPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src))

static int from_row(void *ctx, const struct db_row *row)
{
	struct mivb_emergency *e = ctx;
	memset(e, 0, sizeof *e);
	json_t *doc = json_loads(row_str(row, "emergency"), 0, NULL);
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(doc, "dialables"), i, v) {
		if (e->n_dialables < MIVB_DIALABLES_MAX && json_is_string(v))
			COPY(e->dialables[e->n_dialables++], json_string_value(v));
	}
	json_t *p = json_object_get(doc, "provider");
	COPY(e->name, str(p, "name"));
	COPY(e->type, str(p, "type"));
	COPY(e->primary, str(p, "primaryServer"));
	COPY(e->secondary, str(p, "secondaryServer"));
	COPY(e->customer_id, str(p, "customerId"));
	COPY(e->headers, str(p, "extraHeaders"));
	e->has_secret = row_int(row, "has_secret") != 0;
	json_decref(doc);
	return 0;
}

int mivb_emergency_load(db *d, const char *account_id, struct mivb_emergency *out)
{
	return db_one(d, from_row, out,
		      "SELECT COALESCE(JSON_EXTRACT(config, '$.emergency'), '{}') AS emergency,"
		      " secret IS NOT NULL AND secret <> '' AS has_secret"
		      " FROM account_integrations WHERE account_id = ? AND kind = 'mivb'", "s", account_id);
}

static json_t *to_json(const struct mivb_emergency *e)
{
	json_t *dial = json_array();
	for (int i = 0; dial && i < e->n_dialables; i++)
		json_array_append_new(dial, json_string(e->dialables[i]));
	return json_pack("{s:o,s:{s:s,s:s,s:s,s:s,s:s,s:s}}", "dialables", dial, "provider", "name", e->name, "type",
			 e->type, "primaryServer", e->primary, "secondaryServer", e->secondary, "customerId",
			 e->customer_id, "extraHeaders", e->headers);
}

int mivb_emergency_save(db *d, const char *account_id, const struct mivb_emergency *e, const char *secret,
			const char *key_hex, json_t *changes)
{
	struct mivb_emergency before;
	int found = mivb_emergency_load(d, account_id, &before);
	if (found <= 0)
		return found;
	char *sealed = NULL;
	if (*secret) {
		sealed = malloc(4096);
		if (!sealed || secret_seal(key_hex, secret, sealed, 4096) != 0) {
			free(sealed);
			return -1;
		}
	}
	json_t *doc = to_json(e);
	char *text = doc ? json_dumps(doc, JSON_COMPACT) : NULL;
	json_decref(doc);
	long long n = text ? db_exec(d, "UPDATE account_integrations SET config = JSON_SET(COALESCE(config, '{}'),"
					" '$.emergency', JSON_EXTRACT(?, '$')), secret = COALESCE(?, secret),"
					" updated_at = UTC_TIMESTAMP() WHERE account_id = ? AND kind = 'mivb'",
				 "sss", text, sealed, account_id)
			   : -1;
	free(text);
	if (sealed) {
		explicit_bzero(sealed, 4096);
		free(sealed);
	}
	if (n < 0)
		return -1;
	struct {
		const char *name, *from, *to;
	} f[] = {
		{"name", before.name, e->name},
		{"type", before.type, e->type},
		{"primary_server", before.primary, e->primary},
		{"secondary_server", before.secondary, e->secondary},
		{"customer_id", before.customer_id, e->customer_id},
		{"extra_headers", before.headers, e->headers},
	};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		if (strcmp(f[i].from, f[i].to) != 0)
			json_object_set_new(changes, f[i].name, json_pack("{s:s,s:s}", "from", f[i].from, "to", f[i].to));
	if (*secret)
		json_object_set_new(changes, "secret", json_pack("{s:b}", "changed", 1));
	json_t *dial = json_array();
	for (int i = 0; dial && i < e->n_dialables; i++)
		json_array_append_new(dial, json_string(e->dialables[i]));
	json_object_set_new(changes, "dialables", json_pack("{s:o}", "to", dial));
	return 1;
}
