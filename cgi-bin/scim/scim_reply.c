#include "cgi-bin/scim/scim_reply.h"
#include "lib/azure_ad_sync.h"
#include "lib/scim/json_util.h"
#include "lib/scim/resource.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void scim_base(struct req *r, char *out, size_t size)
{
	scim_base_url(r->acct.id, out, size);
}

static int read_long(const char *text, long fallback, long *out, const char *name, struct scim_error *err)
{
	if (!*text) {
		*out = fallback;
		return 0;
	}
	char *end;
	long v = strtol(text, &end, 10);
	if (*end)
		return scim_fail(err, 400, "invalidValue", "%s must be a whole number", name);
	*out = v;
	return 0;
}

static int read_sort(const char *by, const char *order, const struct scim_resource_type *t, struct scim_params *p,
		     struct scim_error *err)
{
	if (*by) {
		if (scim_path_list(by, t, &p->sort_by, 1, err) != 1)
			return err->status ? -1 : scim_fail(err, 400, "invalidValue", "sortBy names one attribute");
		p->has_sort = 1;
	}
	if (*order && strcasecmp(order, "ascending") != 0 && strcasecmp(order, "descending") != 0)
		return scim_fail(err, 400, "invalidValue", "sortOrder is ascending or descending");
	p->descending = strcasecmp(order, "descending") == 0;
	return 0;
}

static int read_filter(const char *text, const struct scim_resource_type *t, struct scim_params *p,
		       struct scim_error *err)
{
	if (!*text)
		return 0;
	p->filter = scim_filter_parse(text, t, err);
	return p->filter ? 0 : -1;
}

int scim_params_from_query(struct req *r, const struct scim_resource_type *t, struct scim_params *p,
			   struct scim_error *err)
{
	memset(p, 0, sizeof *p);
	if (read_long(form(r, "startIndex"), 1, &p->start, "startIndex", err) != 0 ||
	    read_long(form(r, "count"), SCIM_PAGE_MAX, &p->count, "count", err) != 0 ||
	    read_sort(form(r, "sortBy"), form(r, "sortOrder"), t, p, err) != 0)
		return -1;
	if ((p->n_attrs = scim_path_list(form(r, "attributes"), t, p->attrs, SCIM_ATTRS_MAX, err)) < 0 ||
	    (p->n_excluded = scim_path_list(form(r, "excludedAttributes"), t, p->excluded, SCIM_ATTRS_MAX, err)) < 0)
		return -1;
	return read_filter(form(r, "filter"), t, p, err);
}

/* A SearchRequest's list of attribute paths (an array of strings). */
static int read_paths(json_t *list, const struct scim_resource_type *t, struct scim_path *out, const char *name,
		      struct scim_error *err)
{
	if (!list)
		return 0;
	if (!json_is_array(list) || json_array_size(list) > SCIM_ATTRS_MAX)
		return scim_fail(err, 400, "invalidValue", "%s must be an array of at most %d attribute paths", name,
				 SCIM_ATTRS_MAX);
	size_t i;
	json_t *v;
	json_array_foreach(list, i, v) {
		if (!json_is_string(v) || scim_path_list(json_string_value(v), t, &out[i], 1, err) != 1)
			return err->status ? -1 : scim_fail(err, 400, "invalidValue", "%s[%zu] is not an attribute path", name, i);
	}
	return (int)json_array_size(list);
}

static const char *str_member(json_t *o, const char *name)
{
	json_t *v = scim_member(o, name, strlen(name), NULL);
	return json_is_string(v) ? json_string_value(v) : "";
}

int scim_params_from_search(struct req *r, const struct scim_resource_type *t, struct scim_params *p,
			    struct scim_error *err)
{
	memset(p, 0, sizeof *p);
	p->start = 1;
	p->count = SCIM_PAGE_MAX;
	if (!json_is_object(r->json))
		return scim_fail(err, 400, "invalidSyntax", "a SearchRequest document is required");
	json_t *start = scim_member(r->json, "startIndex", 10, NULL), *count = scim_member(r->json, "count", 5, NULL);
	if ((start && !json_is_integer(start)) || (count && !json_is_integer(count)))
		return scim_fail(err, 400, "invalidValue", "startIndex and count must be whole numbers");
	if (start)
		p->start = (long)json_integer_value(start);
	if (count)
		p->count = (long)json_integer_value(count);
	if (read_sort(str_member(r->json, "sortBy"), str_member(r->json, "sortOrder"), t, p, err) != 0)
		return -1;
	if ((p->n_attrs = read_paths(scim_member(r->json, "attributes", 10, NULL), t, p->attrs, "attributes", err)) < 0 ||
	    (p->n_excluded = read_paths(scim_member(r->json, "excludedAttributes", 18, NULL), t, p->excluded,
					"excludedAttributes", err)) < 0)
		return -1;
	return read_filter(str_member(r->json, "filter"), t, p, err);
}

void scim_params_free(struct scim_params *p)
{
	scim_filter_free(p->filter);
	p->filter = NULL;
}

int scim_params_shows(const struct scim_params *p, const char *name)
{
	for (int i = 0; i < p->n_excluded; i++)
		if (!p->excluded[i].urn[0] && !p->excluded[i].sub[0] && strcmp(p->excluded[i].attr, name) == 0)
			return 0;
	if (p->n_attrs == 0)
		return 1;
	for (int i = 0; i < p->n_attrs; i++)
		if (!p->attrs[i].urn[0] && strcmp(p->attrs[i].attr, name) == 0)
			return 1;
	return 0;
}

static json_t *cut(json_t *resource, const struct scim_params *p)
{
	if (!p || (p->n_attrs == 0 && p->n_excluded == 0))
		return json_incref(resource);
	return scim_project(resource, p->attrs, p->n_attrs, p->excluded, p->n_excluded);
}

int scim_list_reply(struct req *r, json_t *resources, long long total, const struct scim_params *p)
{
	json_t *page = json_array();
	size_t i;
	json_t *res;
	json_array_foreach(resources, i, res)
		json_array_append_new(page, cut(res, p));
	json_decref(resources);
	json_t *doc = json_pack("{s:[s],s:I,s:I,s:I,s:o}", "schemas", SCIM_URN_LIST, "totalResults", (json_int_t)total,
				"startIndex", (json_int_t)(p->start < 1 ? 1 : p->start), "itemsPerPage",
				(json_int_t)json_array_size(page), "Resources", page);
	return api_json(r, 200, doc);
}

int scim_resource_reply(struct req *r, int status, json_t *resource, const struct scim_params *p)
{
	json_t *meta = json_object_get(resource, "meta");
	snprintf(r->etag, sizeof r->etag, "%s", json_string_value(json_object_get(meta, "version")) ?: "");
	if (status == 201)
		snprintf(r->resource_location, sizeof r->resource_location, "%s",
			 json_string_value(json_object_get(meta, "location")) ?: "");
	json_t *out = cut(resource, p);
	json_decref(resource);
	return api_json(r, status, out);
}

int scim_no_content(struct req *r)
{
	free(r->body);
	r->body = strdup("");
	if (!r->body)
		return SERVER_ERROR;
	r->body_len = 0;
	r->status = 204;
	r->content_type = "application/scim+json";
	return DONE;
}

int scim_refuse(struct req *r, const struct scim_error *err)
{
	int status = err->status ? err->status : 400;
	scim_activity_failure(r->db, r->acct.id, r->method, r->path, status, err->type, err->detail);
	char code[8];
	snprintf(code, sizeof code, "%d", status);
	json_t *doc = json_pack("{s:[s],s:s,s:s}", "schemas", SCIM_URN_ERROR, "status", code, "detail", err->detail);
	if (err->type[0])
		json_object_set_new(doc, "scimType", json_string(err->type));
	return api_json(r, status, doc);
}

int scim_broken(struct req *r)
{
	if (db_in_tx(r->db))
		db_rollback(r->db);
	scim_activity_failure(r->db, r->acct.id, r->method, r->path, 500, "", "the request could not be completed");
	return SERVER_ERROR;
}

/* The tag without its weakness marker. */
static size_t tag_core(const char *tag, size_t n, const char **out)
{
	if (n >= 2 && (tag[0] == 'W' || tag[0] == 'w') && tag[1] == '/') {
		tag += 2;
		n -= 2;
	}
	*out = tag;
	return n;
}

/* 1 when the header's list of tags holds version (weakly compared) or "*". */
static int tags_hold(const char *header, const char *version)
{
	const char *vcore;
	size_t vn = tag_core(version, strlen(version), &vcore);
	for (const char *p = header; *p;) {
		while (*p == ' ' || *p == ',')
			p++;
		if (!*p)
			break;
		size_t n = strcspn(p, ",");
		while (n > 0 && p[n - 1] == ' ')
			n--;
		if (n == 1 && *p == '*')
			return 1;
		const char *core;
		size_t cn = tag_core(p, n, &core);
		if (cn == vn && strncmp(core, vcore, vn) == 0)
			return 1;
		p += strcspn(p, ",");
	}
	return 0;
}

static const char *version_of(json_t *resource)
{
	return json_string_value(json_object_get(json_object_get(resource, "meta"), "version")) ?: "";
}

int scim_if_match(struct req *r, json_t *resource, struct scim_error *err)
{
	if (!r->if_match || !*r->if_match || tags_hold(r->if_match, version_of(resource)))
		return 1;
	scim_fail(err, 412, "", "the resource changed: its version is %s", version_of(resource));
	return 0;
}

int scim_not_modified(struct req *r, json_t *resource)
{
	if (!r->if_none_match || !*r->if_none_match || !tags_hold(r->if_none_match, version_of(resource)))
		return 0;
	snprintf(r->etag, sizeof r->etag, "%s", version_of(resource));
	return 1;
}

int scim_tx(struct req *r, int (*body)(struct req *r, void *arg), void *arg)
{
	int rc = -1;
	for (int attempt = 0; attempt < 5; attempt++) {
		rc = tx(r, body, arg);
		/* 1213 deadlock, 1205 lock wait timeout, 1180/1213 Galera certification */
		unsigned e = db_errno(r->db);
		if (rc >= 0 || (e != 1213 && e != 1205 && e != 1180))
			break;
	}
	return rc;
}

int scim_count(struct req *r, enum scim_change change)
{
	return scim_activity_count(r->db, r->acct.id, change);
}

json_t *scim_body(struct req *r, struct scim_error *err)
{
	if (!json_is_object(r->json)) {
		scim_fail(err, 400, "invalidSyntax", "the body must be a JSON object");
		return NULL;
	}
	return json_deep_copy(r->json);
}
