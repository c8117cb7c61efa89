/* A MiVoice Business user's configuration on the PBX (guide §3.1.2.2). */
#include "lib/mivb/services.h"

#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

const char *const mivb_phone_types[3] = {"desk", "sip", "hotdesk"};

int mivb_user_pbx_id(db *d, const char *account_id, long long user_id, char out[65])
{
	return db_str(d, out, 65, "SELECT pbx_id FROM pbx_users WHERE account_id = ? AND user_id = ? LIMIT 1", "si",
		      account_id, user_id);
}

static const char *str(json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));
	return s ? s : "";
}

#define COPY(dst, obj, key) snprintf((dst), sizeof(dst), "%s", str((obj), (key)))

static void key_of(json_t *k, struct mivb_key_row *out)
{
	out->button = (int)json_integer_value(json_object_get(k, "button"));
	COPY(out->function, k, "function");
	COPY(out->label, k, "label");
	COPY(out->ring_type, k, "ringType");
	COPY(out->extension, k, "extension");
	out->is_float = json_is_true(json_object_get(k, "float"));
}

static void phone_of(json_t *ph, struct mivb_phone *out)
{
	COPY(out->id, ph, "id");
	COPY(out->type, ph, "type");
	COPY(out->dn, ph, "dn");
	COPY(out->model, ph, "model");
	json_t *opt = json_object_get(ph, "options");
	out->acd_agent = json_is_true(json_object_get(opt, "acdAgent"));
	out->external_phone = json_is_true(json_object_get(opt, "externalPhone"));
	size_t i;
	json_t *k;
	out->n_keys = 0;
	json_array_foreach(json_object_get(ph, "keys"), i, k) {
		if (out->n_keys == MIVB_KEYS_MAX)
			break;
		key_of(k, &out->keys[out->n_keys++]);
	}
}

static void path_of(struct pbx_admin *a, const char *pbx_id, char *out, size_t size)
{
	char *e = curl_easy_escape(a->curl, pbx_id, 0);
	snprintf(out, size, "/v1/users/%s/services", e ? e : "");
	curl_free(e);
}

/* The services document of an answer into out. */
static void services_of(json_t *d, struct mivb_services *out)
{
	memset(out, 0, sizeof *out);
	COPY(out->token, d, "changeToken");
	COPY(out->category, d, "category");
	COPY(out->group, d, "group");
	COPY(out->pin, d, "pin");
	COPY(out->location, d, "location");
	COPY(out->department, d, "department");
	size_t i;
	json_t *ph;
	json_array_foreach(json_object_get(d, "phones"), i, ph) {
		if (out->n_phones == MIVB_PHONES_MAX)
			break;
		phone_of(ph, &out->phones[out->n_phones++]);
	}
}

int mivb_services_get(struct pbx_admin *a, const char *pbx_id, struct mivb_services *out, struct pbx_reply *rep)
{
	char path[256];
	path_of(a, pbx_id, path, sizeof path);
	memset(out, 0, sizeof *out);
	if (pbx_admin_call(a, "GET", path, NULL, rep) != 0)
		return -1;
	if (!pbx_reply_ok(rep))
		return 1;
	services_of(rep->doc, out);
	return 0;
}

static json_t *phone_json(const struct mivb_phone *p)
{
	json_t *keys = json_array();
	for (int i = 0; keys && i < p->n_keys; i++) {
		const struct mivb_key_row *k = &p->keys[i];
		json_array_append_new(keys, json_pack("{s:i,s:s,s:s,s:s,s:s,s:b}", "button", k->button, "function",
						      *k->function ? k->function : "not_assigned", "label", k->label,
						      "ringType", k->ring_type, "extension", k->extension, "float",
						      k->is_float));
	}
	return json_pack("{s:s,s:s,s:s,s:s,s:{s:b,s:b},s:o}", "id", p->id, "type", p->type, "dn", p->dn, "model",
			 p->model, "options", "acdAgent", p->acd_agent, "externalPhone", p->external_phone, "keys", keys);
}

int mivb_services_put(struct pbx_admin *a, const char *pbx_id, const struct mivb_services *s, struct mivb_services *stored,
		      struct pbx_reply *rep)
{
	json_t *phones = json_array();
	for (int i = 0; phones && i < s->n_phones; i++)
		json_array_append_new(phones, phone_json(&s->phones[i]));
	json_t *body = json_pack("{s:s,s:o,s:s,s:s,s:s,s:s,s:o}", "changeToken", s->token, "category",
				 *s->category ? json_string(s->category) : json_null(), "group", s->group, "pin", s->pin,
				 "location", s->location, "department", s->department, "phones", phones);
	char path[256];
	path_of(a, pbx_id, path, sizeof path);
	int rc = !body ? -1 : pbx_admin_call(a, "PUT", path, body, rep) != 0 ? -1 : pbx_reply_ok(rep) ? 0 : 1;
	json_decref(body);
	if (rc == 0)
		services_of(rep->doc, stored);
	return rc;
}

int mivb_services_delete(struct pbx_admin *a, const char *pbx_id, struct mivb_services *stored, struct pbx_reply *rep)
{
	char path[256];
	path_of(a, pbx_id, path, sizeof path);
	snprintf(path + strlen(path), sizeof path - strlen(path), "/delete");
	int rc = pbx_admin_call(a, "POST", path, NULL, rep) != 0 ? -1 : pbx_reply_ok(rep) ? 0 : 1;
	if (rc == 0)
		services_of(rep->doc, stored);
	return rc;
}

struct service_of {
	char *pbx_id, *category;
};

static int service_row(void *ctx, const struct db_row *row)
{
	struct service_of *s = ctx;
	row_copy(row, "pbx_id", s->pbx_id, 65);
	row_copy(row, "service_category", s->category, 65);
	return 0;
}

int mivb_user_service(db *d, const char *account_id, long long user_id, char pbx_id[65], char category[65])
{
	struct service_of s = {pbx_id, category};
	return db_one(d, service_row, &s,
		      "SELECT pbx_id, service_category FROM pbx_users WHERE account_id = ? AND user_id = ? LIMIT 1", "si",
		      account_id, user_id);
}

int mivb_services_record(db *d, const char *account_id, const char *pbx_id, const struct mivb_services *s)
{
	/* the user's directory numbers as the sync lists them (§4.3): each once, comma-separated */
	char dns[256] = "";
	size_t used = 0;
	for (int i = 0; i < s->n_phones; i++) {
		if (!*s->phones[i].dn || strstr(dns, s->phones[i].dn))
			continue;
		int n = snprintf(dns + used, sizeof dns - used, "%s%s", used ? "," : "", s->phones[i].dn);
		if (n < 0 || (size_t)n >= sizeof dns - used) {
			dns[used] = 0;
			break;
		}
		used += (size_t)n;
	}
	long long rc = db_exec(d, "UPDATE pbx_users SET service_category = ?, department = LEFT(?, 100), location = LEFT(?, 100),"
				  " extensions = ?, updated_at = UTC_TIMESTAMP() WHERE account_id = ? AND pbx_id = ?",
			       "ssssss", s->category, s->department, s->location, dns, account_id, pbx_id);
	return rc < 0 ? -1 : 0;
}

int mivb_phone_keys(const struct mivb_phone *p, struct mivb_key *out)
{
	for (int i = 0; i < p->n_keys; i++)
		out[i] = (struct mivb_key){p->keys[i].button, p->keys[i].function, p->keys[i].label, p->keys[i].ring_type,
					   p->keys[i].extension, p->keys[i].is_float};
	return p->n_keys;
}
