/* Voice Gateway on the PBX (guide §3.1.2 Voice Gateway). */
#include "lib/mivb/voice_gateway.h"

#include <stdio.h>
#include <string.h>

static int outcome(int rc, const struct pbx_reply *rep)
{
	return rc != 0 ? -1 : pbx_reply_ok(rep) ? 0 : 1;
}

static const char *str(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

#define COPY(dst, obj, key) snprintf((dst), sizeof(dst), "%s", str((obj), (key)))

int mivb_mbgs_list(struct pbx_admin *a, int (*fn)(void *ctx, const struct mivb_mbg *m), void *ctx, char *fqdn,
		   struct pbx_reply *rep)
{
	int rc = outcome(pbx_admin_call(a, "GET", "/v1/mbgs", NULL, rep), rep);
	if (rc != 0)
		return rc;
	snprintf(fqdn, 254, "%s", str(rep->doc, "teleworkerFqdn"));
	size_t i;
	json_t *item;
	json_array_foreach(json_object_get(rep->doc, "items"), i, item) {
		struct mivb_mbg m;
		COPY(m.id, item, "id");
		COPY(m.fqdn, item, "fqdn");
		m.is_default = json_is_true(json_object_get(item, "default"));
		if (fn(ctx, &m) != 0)
			break;
	}
	return 0;
}

int mivb_nodes_list(struct pbx_admin *a, int (*fn)(void *ctx, const struct mivb_node *n), void *ctx,
		    struct pbx_reply *rep)
{
	int rc = outcome(pbx_admin_call(a, "GET", "/v1/nodes", NULL, rep), rep);
	if (rc != 0)
		return rc;
	size_t i;
	json_t *item;
	json_array_foreach(json_object_get(rep->doc, "items"), i, item) {
		struct mivb_node n;
		COPY(n.id, item, "id");
		COPY(n.name, item, "name");
		if (fn(ctx, &n) != 0)
			break;
	}
	return 0;
}

int mivb_trunks_list(struct pbx_admin *a, int (*fn)(void *ctx, const struct mivb_trunk *t), void *ctx,
		     struct pbx_reply *rep)
{
	int rc = outcome(pbx_admin_call(a, "GET", "/v1/sip-trunks", NULL, rep), rep);
	if (rc != 0)
		return rc;
	size_t i;
	json_t *item;
	json_array_foreach(json_object_get(rep->doc, "items"), i, item) {
		struct mivb_trunk t;
		COPY(t.id, item, "id");
		COPY(t.kind, item, "kind");
		COPY(t.mbg, item, "mbg");
		COPY(t.primary, item, "primary");
		COPY(t.secondary, item, "secondary");
		if (fn(ctx, &t) != 0)
			break;
	}
	return 0;
}

static int put_one(struct pbx_admin *a, const char *method, const char *path, json_t *body, struct pbx_reply *rep)
{
	int rc = body ? outcome(pbx_admin_call(a, method, path, body, rep), rep) : -1;
	json_decref(body);
	return rc;
}

int mivb_mbg_set_default(struct pbx_admin *a, const char *id, struct pbx_reply *rep)
{
	return put_one(a, "PUT", "/v1/mbgs/default", json_pack("{s:s}", "id", id), rep);
}

int mivb_teleworker_fqdn_set(struct pbx_admin *a, const char *fqdn, struct pbx_reply *rep)
{
	return put_one(a, "PUT", "/v1/mbgs/teleworker", json_pack("{s:s}", "fqdn", fqdn), rep);
}

int mivb_sip_trunks_create(struct pbx_admin *a, const char *primary, const char *secondary, const char *mbg,
			   struct pbx_reply *rep)
{
	json_t *body = json_pack("{s:s,s:o,s:s}", "primary", primary, "secondary",
				 *secondary ? json_string(secondary) : json_null(), "mbg", mbg);
	return put_one(a, "POST", "/v1/sip-trunks", body, rep);
}
