#include "lib/scim/resource.h"
#include "lib/scim/json_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *type_word(enum scim_type t)
{
	switch (t) {
	case SCIM_BOOLEAN: return "a boolean";
	case SCIM_DECIMAL: return "a number";
	case SCIM_INTEGER: return "an integer";
	case SCIM_COMPLEX: return "an object";
	default: return "a string";
	}
}

/* One scalar value of attribute a, coerced in place of *v: 0, or -1. */
static int scalar(json_t **v, const struct scim_attr *a, const char *where, struct scim_error *err)
{
	int b;
	switch (a->type) {
	case SCIM_BOOLEAN:
		if (!scim_bool(*v, &b))
			return scim_fail(err, 400, "invalidValue", "%s must be %s", where, type_word(a->type));
		if (!json_is_boolean(*v)) {
			json_decref(*v);
			*v = json_boolean(b);
		}
		return 0;
	case SCIM_INTEGER:
		if (!json_is_integer(*v))
			return scim_fail(err, 400, "invalidValue", "%s must be %s", where, type_word(a->type));
		return 0;
	case SCIM_DECIMAL:
		if (!json_is_number(*v))
			return scim_fail(err, 400, "invalidValue", "%s must be %s", where, type_word(a->type));
		return 0;
	case SCIM_COMPLEX:
		if (!json_is_object(*v))
			return scim_fail(err, 400, "invalidValue", "%s must be %s", where, type_word(a->type));
		return 0;
	default:
		if (!json_is_string(*v))
			return scim_fail(err, 400, "invalidValue", "%s must be %s", where, type_word(a->type));
		return 0;
	}
}

static int normalize_object(json_t *obj, const struct scim_attr *list, const struct scim_attr *fallback,
			    const char *prefix, struct scim_error *err);

/* The value of a known attribute, normalized: *v may be replaced; NULL
 * afterwards means unassigned (drop the key). */
static int normalize_value(json_t **v, const struct scim_attr *a, const char *where, struct scim_error *err)
{
	if (json_is_null(*v)) {
		json_decref(*v);
		*v = NULL;
		return 0;
	}
	if (a->multi) {
		if (!json_is_array(*v)) {
			json_t *one = json_array();
			json_array_append_new(one, *v);
			*v = one;
		}
		json_t *out = json_array();
		size_t i;
		json_t *e;
		json_array_foreach(*v, i, e) {
			if (json_is_null(e))
				continue;
			json_t *x = json_incref(e);
			if (scalar(&x, a, where, err) != 0 ||
			    (a->type == SCIM_COMPLEX && normalize_object(x, a->sub, NULL, where, err) != 0)) {
				json_decref(x);
				json_decref(out);
				return -1;
			}
			if (a->type != SCIM_COMPLEX || json_object_size(x) > 0)
				json_array_append(out, x);
			json_decref(x);
		}
		json_decref(*v);
		*v = json_array_size(out) ? out : NULL;
		if (!*v)
			json_decref(out);
		return 0;
	}
	if (scalar(v, a, where, err) != 0)
		return -1;
	if (a->type == SCIM_COMPLEX) {
		if (normalize_object(*v, a->sub, NULL, where, err) != 0)
			return -1;
		if (json_object_size(*v) == 0) {
			json_decref(*v);
			*v = NULL;
		}
	}
	return 0;
}

static int normalize_object(json_t *obj, const struct scim_attr *list, const struct scim_attr *fallback,
			    const char *prefix, struct scim_error *err)
{
	/* Keys change while we go: work from a copy of the object. */
	json_t *copy = json_copy(obj);
	json_object_clear(obj);
	const char *key;
	json_t *v;
	int rc = 0;
	json_object_foreach(copy, key, v) {
		const struct scim_attr *a = scim_attr_find(list, key, -1);
		if (!a && fallback)
			a = scim_attr_find(fallback, key, -1);
		if (!a) {
			if (!json_is_null(v))
				json_object_set(obj, key, v);
			continue;
		}
		if (a->mutability == SCIM_READ_ONLY || a->mutability == SCIM_WRITE_ONLY)
			continue;
		char where[200];
		snprintf(where, sizeof where, "%s%s%s", prefix, *prefix ? "." : "", a->name);
		json_t *x = json_incref(v);
		if (normalize_value(&x, a, where, err) != 0) {
			json_decref(x);
			rc = -1;
			break;
		}
		if (x)
			json_object_set_new(obj, a->name, x);
		else
			json_object_del(obj, a->name);
	}
	json_decref(copy);
	return rc;
}

int scim_normalize(json_t *doc, const struct scim_resource_type *t, struct scim_error *err)
{
	if (!json_is_object(doc))
		return scim_fail(err, 400, "invalidSyntax", "the resource must be a JSON object");
	json_t *schemas = json_object_get(doc, "schemas");
	if (schemas) {
		size_t i;
		json_t *s;
		if (!json_is_array(schemas))
			return scim_fail(err, 400, "invalidSyntax", "schemas must be an array of URIs");
		json_array_foreach(schemas, i, s)
			if (!json_is_string(s))
				return scim_fail(err, 400, "invalidSyntax", "schemas must be an array of URIs");
		json_incref(schemas);
		json_object_del(doc, "schemas");
	}
	/* The extension's object, under its URN as the schema spells it. */
	json_t *ext = NULL;
	if (t->extension) {
		const char *key;
		json_t *e = scim_member(doc, t->extension->id, strlen(t->extension->id), &key);
		if (e) {
			ext = json_incref(e);
			char copy[SCIM_URN_MAX];
			snprintf(copy, sizeof copy, "%s", key);
			json_object_del(doc, copy);
		}
	}
	int rc = normalize_object(doc, t->schema->attrs, scim_common_attrs(), "", err);
	if (rc == 0 && ext && !json_is_null(ext)) {
		if (!json_is_object(ext))
			rc = scim_fail(err, 400, "invalidValue", "%s must be an object", t->extension->id);
		else if ((rc = normalize_object(ext, t->extension->attrs, NULL, t->extension->id, err)) == 0 &&
			 json_object_size(ext) > 0)
			json_object_set(doc, t->extension->id, ext);
	}
	json_decref(ext);
	if (schemas) {
		if (rc == 0)
			json_object_set(doc, "schemas", schemas);
		json_decref(schemas);
	}
	return rc;
}

/* ---- projection ---- */

static int is_always(const char *key)
{
	return strcmp(key, "id") == 0 || strcmp(key, "schemas") == 0;
}

/* Copies the part of src a path names into dst. */
static void copy_path(json_t *dst, json_t *src, const struct scim_path *p)
{
	json_t *from = src, *into = dst;
	if (p->urn[0]) {
		from = scim_member(src, p->urn, strlen(p->urn), NULL);
		if (!json_is_object(from))
			return;
		if (!p->attr[0]) {
			json_object_set_new(dst, p->urn, json_deep_copy(from));
			return;
		}
		into = json_object_get(dst, p->urn);
		if (!json_is_object(into)) {
			into = json_object();
			json_object_set_new(dst, p->urn, into);
		}
	}
	const char *key;
	json_t *v = scim_member(from, p->attr, strlen(p->attr), &key);
	if (!v)
		return;
	if (!p->sub[0] || (!json_is_object(v) && !json_is_array(v))) {
		json_object_set_new(into, key, json_deep_copy(v));
		return;
	}
	if (json_is_object(v)) {
		const char *skey;
		json_t *s = scim_member(v, p->sub, strlen(p->sub), &skey);
		if (!s)
			return;
		json_t *o = json_object_get(into, key);
		if (!json_is_object(o)) {
			o = json_object();
			json_object_set_new(into, key, o);
		}
		json_object_set_new(o, skey, json_deep_copy(s));
		return;
	}
	/* a multi-valued attribute: each element keeps the sub-attribute (and
	 * what an earlier path of the same attribute kept) */
	json_t *out = json_object_get(into, key);
	int fresh = !json_is_array(out);
	if (fresh) {
		out = json_array();
		json_object_set_new(into, key, out);
	}
	size_t i;
	json_t *e;
	json_array_foreach(v, i, e) {
		json_t *slot = fresh ? NULL : json_array_get(out, i);
		if (fresh) {
			slot = json_object();
			json_array_append_new(out, slot);
		}
		const char *skey;
		json_t *s = scim_member(e, p->sub, strlen(p->sub), &skey);
		if (s && json_is_object(slot))
			json_object_set_new(slot, skey, json_deep_copy(s));
	}
}

static void remove_path(json_t *res, const struct scim_path *p)
{
	json_t *from = res;
	if (p->urn[0]) {
		const char *ukey;
		from = scim_member(res, p->urn, strlen(p->urn), &ukey);
		if (!p->attr[0]) {
			if (from)
				scim_member_del(res, ukey);
			return;
		}
	}
	if (!p->urn[0] && is_always(p->attr))
		return;
	const char *key;
	json_t *v = scim_member(from, p->attr, strlen(p->attr), &key);
	if (!v)
		return;
	if (!p->sub[0]) {
		scim_member_del(from, key);
		return;
	}
	if (json_is_object(v)) {
		scim_member_del(v, p->sub);
	} else if (json_is_array(v)) {
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e)
			scim_member_del(e, p->sub);
	}
}

json_t *scim_project(json_t *resource, const struct scim_path *attrs, int n_attrs, const struct scim_path *excluded,
		     int n_excluded)
{
	json_t *out;
	if (n_attrs > 0) {
		out = json_object();
		const char *key;
		json_t *v;
		json_object_foreach(resource, key, v)
			if (is_always(key))
				json_object_set(out, key, v);
		for (int i = 0; i < n_attrs; i++)
			copy_path(out, resource, &attrs[i]);
	} else {
		out = json_deep_copy(resource);
	}
	for (int i = 0; i < n_excluded; i++)
		remove_path(out, &excluded[i]);
	return out;
}

/* ---- sorting ---- */

static json_t *sort_value(json_t *res, const struct scim_path *p)
{
	json_t *from = res;
	if (p->urn[0])
		from = scim_member(res, p->urn, strlen(p->urn), NULL);
	json_t *v = scim_member(from, p->attr, strlen(p->attr), NULL);
	if (json_is_array(v)) {
		json_t *pick = json_array_get(v, 0);
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e) {
			int primary = 0;
			if (scim_bool(scim_member(e, "primary", 7, NULL), &primary) && primary) {
				pick = e;
				break;
			}
		}
		v = pick;
		if (json_is_object(v))
			v = scim_member(v, p->sub[0] ? p->sub : "value", strlen(p->sub[0] ? p->sub : "value"), NULL);
	} else if (p->sub[0]) {
		v = scim_member(v, p->sub, strlen(p->sub), NULL);
	}
	return json_is_null(v) || json_is_object(v) || json_is_array(v) ? NULL : v;
}

int scim_sort_compare(json_t *a, json_t *b, const struct scim_path *by)
{
	json_t *x = sort_value(a, by), *y = sort_value(b, by);
	if (!x || !y)
		return !x - !y;
	const struct scim_attr *def = by->sub[0] ? by->sub_def : by->attr_def;
	if (def && def->type == SCIM_COMPLEX && def->multi)
		def = scim_attr_find(def->sub, "value", 5);
	if (json_is_string(x) && json_is_string(y)) {
		double dx, dy;
		if (def && def->type == SCIM_DATETIME && scim_datetime(json_string_value(x), &dx) &&
		    scim_datetime(json_string_value(y), &dy))
			return (dx > dy) - (dx < dy);
		return def && def->case_exact ? strcmp(json_string_value(x), json_string_value(y))
					      : scim_strcasecmp(json_string_value(x), json_string_value(y));
	}
	if (json_is_number(x) && json_is_number(y))
		return (json_number_value(x) > json_number_value(y)) - (json_number_value(x) < json_number_value(y));
	if (json_is_boolean(x) && json_is_boolean(y))
		return json_is_true(x) - json_is_true(y);
	/* different types: a fixed order, by type */
	return (int)json_typeof(x) - (int)json_typeof(y);
}
