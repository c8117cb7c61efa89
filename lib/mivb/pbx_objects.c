/* MiVoice Business DIDs, locations and the next free DN on the PBX
 * (docs/pbx-link-protocol.md §8; guide §3.1.2 Numbers, Locations). */
#include "lib/mivb/pbx_objects.h"

#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

/* 0 taken, 1 refused, -1 no answer: the outcome of one call. */
static int outcome(int rc, const struct pbx_reply *rep)
{
	return rc != 0 ? -1 : pbx_reply_ok(rep) ? 0 : 1;
}

static const char *str(json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));
	return s ? s : "";
}

static void did_of(json_t *item, struct mivb_did *d)
{
	snprintf(d->number, sizeof d->number, "%s", str(item, "number"));
	snprintf(d->target, sizeof d->target, "%s", str(item, "target"));
	snprintf(d->type, sizeof d->type, "%s", str(item, "type"));
	snprintf(d->token, sizeof d->token, "%s", str(item, "changeToken"));
}

/* A path segment or query value escaped. */
static void escape(struct pbx_admin *a, const char *s, char *out, size_t size)
{
	char *e = curl_easy_escape(a->curl, s, 0);
	snprintf(out, size, "%s", e ? e : "");
	curl_free(e);
}

int mivb_dids_list(struct pbx_admin *a, const char *search, int limit, int (*fn)(void *ctx, const struct mivb_did *did),
		   void *ctx, long long *total, struct pbx_reply *rep)
{
	char q[200], path[300];
	escape(a, search, q, sizeof q);
	snprintf(path, sizeof path, "/v1/dids?limit=%d%s%s", limit, *q ? "&search=" : "", q);
	int rc = outcome(pbx_admin_call(a, "GET", path, NULL, rep), rep);
	if (rc != 0)
		return rc;
	*total = json_integer_value(json_object_get(rep->doc, "total"));
	size_t i;
	json_t *item;
	json_array_foreach(json_object_get(rep->doc, "items"), i, item) {
		struct mivb_did d;
		did_of(item, &d);
		if ((int)i >= limit || fn(ctx, &d) != 0)
			break;
	}
	return 0;
}

int mivb_did_get(struct pbx_admin *a, const char *number, struct mivb_did *out, struct pbx_reply *rep)
{
	char n[100], path[150];
	escape(a, number, n, sizeof n);
	snprintf(path, sizeof path, "/v1/dids/%s", n);
	int rc = outcome(pbx_admin_call(a, "GET", path, NULL, rep), rep);
	if (rc == 0)
		did_of(rep->doc, out);
	return rc;
}

static json_t *target_of(const char *target)
{
	return *target ? json_string(target) : json_null();
}

int mivb_dids_add(struct pbx_admin *a, char (*numbers)[MIVB_DID_MAX + 1], int n, const char *target,
		  struct pbx_reply *rep)
{
	json_t *list = json_array();
	for (int i = 0; list && i < n; i++)
		json_array_append_new(list, json_string(numbers[i]));
	json_t *body = json_pack("{s:o,s:o}", "numbers", list, "target", target_of(target));
	int rc = body ? outcome(pbx_admin_call(a, "POST", "/v1/dids", body, rep), rep) : -1;
	json_decref(body);
	return rc;
}

int mivb_did_set(struct pbx_admin *a, const char *number, const char *target, const char *token,
		 struct pbx_reply *rep)
{
	char n[100], path[150];
	escape(a, number, n, sizeof n);
	snprintf(path, sizeof path, "/v1/dids/%s", n);
	json_t *body = json_pack("{s:o,s:s}", "target", target_of(target), "changeToken", token);
	int rc = body ? outcome(pbx_admin_call(a, "PUT", path, body, rep), rep) : -1;
	json_decref(body);
	return rc;
}

static json_t *strings(const char *const *v, int n)
{
	json_t *list = json_array();
	for (int i = 0; list && i < n; i++)
		json_array_append_new(list, json_string(v[i]));
	return list;
}

int mivb_dids_delete(struct pbx_admin *a, const char *const *numbers, int n, struct pbx_reply *rep)
{
	json_t *body = json_pack("{s:o}", "numbers", strings(numbers, n));
	int rc = body ? outcome(pbx_admin_call(a, "POST", "/v1/dids/delete", body, rep), rep) : -1;
	json_decref(body);
	return rc;
}

int mivb_next_dn(struct pbx_admin *a, const char *ranges, char out[MIVB_DN_MAX + 1], struct pbx_reply *rep)
{
	char q[1024], path[1100];
	out[0] = 0;
	escape(a, ranges, q, sizeof q);
	snprintf(path, sizeof path, "/v1/dns/next?ranges=%s", q);
	int rc = outcome(pbx_admin_call(a, "GET", path, NULL, rep), rep);
	if (rc == 0 && mivb_dn_valid(str(rep->doc, "dn")))
		snprintf(out, MIVB_DN_MAX + 1, "%s", str(rep->doc, "dn"));
	return rc;
}

int mivb_locations_list(struct pbx_admin *a, int (*fn)(void *ctx, const struct mivb_location *l), void *ctx,
			struct pbx_reply *rep)
{
	int rc = outcome(pbx_admin_call(a, "GET", "/v1/locations", NULL, rep), rep);
	if (rc != 0)
		return rc;
	size_t i;
	json_t *item;
	json_array_foreach(json_object_get(rep->doc, "items"), i, item) {
		struct mivb_location l;
		snprintf(l.id, sizeof l.id, "%s", str(item, "id"));
		snprintf(l.name, sizeof l.name, "%s", str(item, "name"));
		if (fn(ctx, &l) != 0)
			break;
	}
	return 0;
}

int mivb_locations_add(struct pbx_admin *a, const char *const *names, int n, struct pbx_reply *rep)
{
	json_t *body = json_pack("{s:o}", "names", strings(names, n));
	int rc = body ? outcome(pbx_admin_call(a, "POST", "/v1/locations", body, rep), rep) : -1;
	json_decref(body);
	return rc;
}

int mivb_locations_delete(struct pbx_admin *a, const char *const *ids, int n, struct pbx_reply *rep)
{
	json_t *body = json_pack("{s:o}", "ids", strings(ids, n));
	int rc = body ? outcome(pbx_admin_call(a, "POST", "/v1/locations/delete", body, rep), rep) : -1;
	json_decref(body);
	return rc;
}

int mivb_groups_list(struct pbx_admin *a, int (*fn)(void *ctx, const struct mivb_group *g), void *ctx,
		     struct pbx_reply *rep)
{
	int rc = outcome(pbx_admin_call(a, "GET", "/v1/groups", NULL, rep), rep);
	if (rc != 0)
		return rc;
	size_t i;
	json_t *item;
	json_array_foreach(json_object_get(rep->doc, "items"), i, item) {
		struct mivb_group g;
		snprintf(g.id, sizeof g.id, "%s", str(item, "id"));
		snprintf(g.name, sizeof g.name, "%s", str(item, "name"));
		if (fn(ctx, &g) != 0)
			break;
	}
	return 0;
}

int mivb_categories_list(struct pbx_admin *a, int (*fn)(void *ctx, const struct mivb_category *c), void *ctx,
			 struct pbx_reply *rep)
{
	int rc = outcome(pbx_admin_call(a, "GET", "/v1/categories", NULL, rep), rep);
	if (rc != 0)
		return rc;
	size_t i;
	json_t *item;
	json_array_foreach(json_object_get(rep->doc, "items"), i, item) {
		struct mivb_category c;
		snprintf(c.id, sizeof c.id, "%s", str(item, "id"));
		snprintf(c.name, sizeof c.name, "%s", str(item, "name"));
		c.tier = (int)json_integer_value(json_object_get(item, "tier"));
		if (fn(ctx, &c) != 0)
			break;
	}
	return 0;
}
