#include "lib/scim/patch.h"
#include "lib/scim/filter.h"
#include "lib/scim/json_util.h"
#include "lib/scim/path.h"
#include "lib/scim/resource.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum op { OP_ADD, OP_REPLACE, OP_REMOVE };

/* Where an operation lands: an attribute path, and the value filter that
 * picks elements of a multi-valued attribute (NULL: none). */
struct target {
	struct scim_path path;
	struct scim_filter *filter;
};

/* The end of a value filter: the ']' that closes it, past quoted strings. */
static const char *closing_bracket(const char *p)
{
	int quoted = 0;
	for (; *p; p++) {
		if (quoted) {
			if (*p == '\\' && p[1])
				p++;
			else if (*p == '"')
				quoted = 0;
		} else if (*p == '"') {
			quoted = 1;
		} else if (*p == ']') {
			return p;
		}
	}
	return NULL;
}

static int parse_target(const char *text, const struct scim_resource_type *t, struct target *out,
			struct scim_error *err)
{
	memset(out, 0, sizeof *out);
	const char *open = strchr(text, '[');
	size_t head = open ? (size_t)(open - text) : strlen(text);
	/* a '[' inside a URN cannot be: any '[' opens the filter */
	if (head == 0)
		return scim_fail(err, 400, "invalidPath", "the path '%.100s' names no attribute", text);
	if (scim_path_parse(text, head, &out->path, err) != 0 || scim_path_resolve(&out->path, t, NULL, err) != 0)
		return -1;
	if (!open)
		return 0;
	if (out->path.sub[0] || !out->path.attr[0])
		return scim_fail(err, 400, "invalidPath", "a value filter follows an attribute: '%.100s'", text);
	const struct scim_attr *a = out->path.attr_def;
	if (a && (a->type != SCIM_COMPLEX || !a->multi))
		return scim_fail(err, 400, "invalidPath", "%s is not a multi-valued complex attribute", a->name);
	const char *close = closing_bracket(open + 1);
	if (!close)
		return scim_fail(err, 400, "invalidPath", "the value filter of '%.100s' is not closed", text);
	struct scim_error ferr = {0};
	out->filter = scim_filter_parse_within(open + 1, (size_t)(close - open - 1), a, &ferr);
	if (!out->filter)
		return scim_fail(err, 400, "invalidPath", "the path's value filter: %s", ferr.detail);
	if (close[1] == '.') {
		const char *sub = close + 2;
		size_t n = strlen(sub);
		if (n == 0 || n >= SCIM_NAME_MAX || strcspn(sub, ".[]: ") != n)
			return scim_fail(err, 400, "invalidPath", "bad sub-attribute in '%.100s'", text);
		memcpy(out->path.sub, sub, n + 1);
		if (a) {
			const struct scim_attr *s = scim_attr_find(a->sub, sub, -1);
			if (s) {
				out->path.sub_def = s;
				snprintf(out->path.sub, sizeof out->path.sub, "%s", s->name);
			}
		}
	} else if (close[1]) {
		return scim_fail(err, 400, "invalidPath", "unexpected text after the value filter in '%.100s'", text);
	}
	return 0;
}

/* The object a path's attribute lives in: the resource, or its extension's
 * object (made when create is set). */
static json_t *container(json_t *doc, const struct scim_path *p, int create)
{
	if (!p->urn[0])
		return doc;
	json_t *ext = scim_member(doc, p->urn, strlen(p->urn), NULL);
	if (!json_is_object(ext) && create) {
		ext = json_object();
		scim_member_set(doc, p->urn, ext);
	}
	return json_is_object(ext) ? ext : NULL;
}

static int is_multi(const struct scim_path *p, json_t *current)
{
	return p->attr_def ? p->attr_def->multi : json_is_array(current);
}

/* Two values of a multi-valued attribute are the same value: by their
 * "value" when both have one (a group's members), else entirely. */
static int same_value(json_t *a, json_t *b)
{
	json_t *x = scim_member(a, "value", 5, NULL), *y = scim_member(b, "value", 5, NULL);
	if (x && y)
		return scim_json_equal(x, y, 0);
	return scim_json_equal(a, b, 0);
}

/* Sets every key of value (an object) in obj; a key of any case is replaced. */
static void merge(json_t *obj, json_t *value)
{
	const char *key;
	json_t *v;
	json_object_foreach(value, key, v)
		scim_member_set(obj, key, json_deep_copy(v));
}

/* The element a value filter describes, when it is made only of "eq"
 * comparisons joined by "and": emails[type eq "work"] is {"type": "work"}.
 * 1 built into elem, 0 when the filter describes no single element. */
static int element_of(const struct scim_filter *f, json_t *elem)
{
	if (f->kind == SCIM_AND)
		return element_of(f->left, elem) && element_of(f->right, elem);
	if (f->kind != SCIM_CMP || f->op != SCIM_EQ || f->path.sub[0] || f->path.urn[0])
		return 0;
	json_t *v;
	switch (f->lit) {
	case SCIM_LIT_STRING: v = json_string(f->str); break;
	case SCIM_LIT_NUMBER: v = json_real(f->num); break;
	case SCIM_LIT_TRUE: v = json_true(); break;
	case SCIM_LIT_FALSE: v = json_false(); break;
	default: return 0;
	}
	scim_member_set(elem, f->path.attr, v);
	return 1;
}

static int check_mutable(const struct target *t, enum op op, struct scim_error *err)
{
	const struct scim_attr *a = t->path.attr_def, *s = t->path.sub_def;
	char text[SCIM_URN_MAX + 2 * SCIM_NAME_MAX];
	scim_path_text(&t->path, text, sizeof text);
	if (a && (a->mutability == SCIM_READ_ONLY))
		return scim_fail(err, 400, "mutability", "%s is read-only", text);
	if (s && (s->mutability == SCIM_READ_ONLY || (s->mutability == SCIM_IMMUTABLE && op != OP_ADD)))
		return scim_fail(err, 400, "mutability", "%s cannot be changed", text);
	return 0;
}

/* add and replace on a path (RFC 7644 §3.5.2.1, §3.5.2.3). */
static int put(json_t *doc, const struct target *t, json_t *value, enum op op, struct scim_error *err)
{
	const struct scim_path *p = &t->path;
	json_t *obj = container(doc, p, 1);
	if (!p->attr[0]) {
		/* the whole extension: its attributes, one by one */
		if (!json_is_object(value))
			return scim_fail(err, 400, "invalidValue", "the value for %s must be an object", p->urn);
		merge(obj, value);
		return 0;
	}
	const char *key;
	json_t *cur = scim_member(obj, p->attr, strlen(p->attr), &key);
	char name[SCIM_NAME_MAX];
	snprintf(name, sizeof name, "%s", cur ? key : p->attr);

	if (t->filter) {
		if (cur && !json_is_array(cur))
			return scim_fail(err, 400, "invalidPath", "%s is not multi-valued", name);
		size_t i, hits = 0;
		json_t *e;
		json_array_foreach(cur, i, e) {
			if (!json_is_object(e) || !scim_filter_match(t->filter, e))
				continue;
			hits++;
			if (p->sub[0])
				scim_member_set(e, p->sub, json_deep_copy(value));
			else if (json_is_object(value))
				merge(e, value);
			else
				return scim_fail(err, 400, "invalidValue", "the value for %s must be an object", name);
		}
		if (hits)
			return 0;
		/* nothing matched: add the element the filter describes (Entra) */
		json_t *elem = json_object();
		if (!element_of(t->filter, elem)) {
			json_decref(elem);
			return scim_fail(err, 400, "noTarget", "no value of %s matches the filter", name);
		}
		if (p->sub[0])
			scim_member_set(elem, p->sub, json_deep_copy(value));
		else if (json_is_object(value))
			merge(elem, value);
		if (!json_is_array(cur)) {
			cur = json_array();
			json_object_set_new(obj, name, cur);
		}
		json_array_append_new(cur, elem);
		return 0;
	}

	if (p->sub[0]) {
		if (json_is_array(cur)) {
			size_t i;
			json_t *e;
			json_array_foreach(cur, i, e)
				if (json_is_object(e))
					scim_member_set(e, p->sub, json_deep_copy(value));
			if (json_array_size(cur) == 0)
				json_array_append_new(cur, json_pack("{s:O}", p->sub, value));
			return 0;
		}
		if (!json_is_object(cur)) {
			if (is_multi(p, cur)) {
				json_object_set_new(obj, name, json_pack("[{s:O}]", p->sub, value));
				return 0;
			}
			cur = json_object();
			json_object_set_new(obj, name, cur);
		}
		scim_member_set(cur, p->sub, json_deep_copy(value));
		return 0;
	}

	if (is_multi(p, cur)) {
		json_t *values = json_is_array(value) ? json_incref(value) : json_pack("[O]", value);
		if (op == OP_REPLACE || !json_is_array(cur)) {
			scim_member_set(obj, name, values);
			return 0;
		}
		size_t i, j;
		json_t *v, *e;
		json_array_foreach(values, i, v) {
			int dup = 0;
			json_array_foreach(cur, j, e)
				if (same_value(e, v))
					dup = 1;
			if (!dup)
				json_array_append(cur, v);
		}
		json_decref(values);
		return 0;
	}
	int complex = p->attr_def ? p->attr_def->type == SCIM_COMPLEX : json_is_object(cur);
	if (complex && json_is_object(value) && json_is_object(cur)) {
		merge(cur, value);
		return 0;
	}
	scim_member_set(obj, name, json_deep_copy(value));
	return 0;
}

/* remove (RFC 7644 §3.5.2.2). */
static int take(json_t *doc, const struct target *t, json_t *value, struct scim_error *err)
{
	const struct scim_path *p = &t->path;
	json_t *obj = container(doc, p, 0);
	if (!obj)
		return 0;
	if (!p->attr[0]) {
		scim_member_del(doc, p->urn);
		return 0;
	}
	const char *key;
	json_t *cur = scim_member(obj, p->attr, strlen(p->attr), &key);
	if (!cur)
		return 0;
	char name[SCIM_NAME_MAX];
	snprintf(name, sizeof name, "%s", key);
	if (t->filter || (value && json_is_array(cur) && !p->sub[0])) {
		if (!json_is_array(cur))
			return scim_fail(err, 400, "invalidPath", "%s is not multi-valued", name);
		json_t *values = !value || json_is_array(value) ? value : NULL;
		if (value && !values)
			values = json_pack("[O]", value);
		else
			json_incref(values);
		for (size_t i = json_array_size(cur); i-- > 0;) {
			json_t *e = json_array_get(cur, i);
			int hit = t->filter ? json_is_object(e) && scim_filter_match(t->filter, e) : 0;
			size_t j;
			json_t *v;
			if (!t->filter)
				json_array_foreach(values, j, v)
					if (same_value(e, v))
						hit = 1;
			if (!hit)
				continue;
			if (p->sub[0])
				scim_member_del(e, p->sub);
			else
				json_array_remove(cur, i);
		}
		json_decref(values);
		if (json_array_size(cur) == 0)
			json_object_del(obj, name);
		return 0;
	}
	if (p->sub[0]) {
		if (json_is_array(cur)) {
			size_t i;
			json_t *e;
			json_array_foreach(cur, i, e)
				scim_member_del(e, p->sub);
		} else {
			scim_member_del(cur, p->sub);
		}
		return 0;
	}
	json_object_del(obj, name);
	return 0;
}

static int apply_path(json_t *doc, const char *path, json_t *value, enum op op, const struct scim_resource_type *t,
		      struct scim_error *err)
{
	struct target tg;
	int rc = parse_target(path, t, &tg, err);
	if (rc == 0)
		rc = check_mutable(&tg, op, err);
	if (rc == 0 && op != OP_REMOVE && !value)
		rc = scim_fail(err, 400, "invalidValue", "the %s of %.100s has no value", op == OP_ADD ? "add" : "replace",
			       path);
	if (rc == 0)
		rc = op == OP_REMOVE ? take(doc, &tg, value, err) : put(doc, &tg, value, op, err);
	scim_filter_free(tg.filter);
	return rc;
}

/* Keys a client echoes in a value object that it cannot set: skipped. */
static int echoed(const char *key)
{
	return strcasecmp(key, "schemas") == 0 || strcasecmp(key, "id") == 0 || strcasecmp(key, "meta") == 0;
}

static int apply_op(json_t *doc, json_t *o, const struct scim_resource_type *t, struct scim_error *err)
{
	if (!json_is_object(o))
		return scim_fail(err, 400, "invalidSyntax", "each operation must be an object");
	json_t *jop = scim_member(o, "op", 2, NULL), *jpath = scim_member(o, "path", 4, NULL);
	json_t *value = scim_member(o, "value", 5, NULL);
	if (!json_is_string(jop))
		return scim_fail(err, 400, "invalidSyntax", "an operation has no \"op\"");
	const char *name = json_string_value(jop);
	enum op op;
	if (strcasecmp(name, "add") == 0)
		op = OP_ADD;
	else if (strcasecmp(name, "replace") == 0)
		op = OP_REPLACE;
	else if (strcasecmp(name, "remove") == 0)
		op = OP_REMOVE;
	else
		return scim_fail(err, 400, "invalidSyntax", "\"%.40s\" is not an operation (add, replace or remove)", name);
	if (jpath && !json_is_null(jpath)) {
		if (!json_is_string(jpath) || json_string_length(jpath) == 0)
			return scim_fail(err, 400, "invalidPath", "\"path\" must be a non-empty string");
		return apply_path(doc, json_string_value(jpath), value, op, t, err);
	}
	if (op == OP_REMOVE)
		return scim_fail(err, 400, "noTarget", "a remove operation needs a \"path\"");
	if (!json_is_object(value))
		return scim_fail(err, 400, "invalidValue", "without a \"path\", the value must be an object of attributes");
	/* Each key is an attribute or, in Entra's dialect, a path of its own. */
	const char *key;
	json_t *v;
	json_object_foreach(value, key, v) {
		if (echoed(key))
			continue;
		if (apply_path(doc, key, v, op, t, err) != 0)
			return -1;
	}
	return 0;
}

json_t *scim_patch(json_t *doc, json_t *body, const struct scim_resource_type *t, struct scim_error *err)
{
	if (!json_is_object(body))
		return scim_fail(err, 400, "invalidSyntax", "the body must be a PatchOp object"), NULL;
	json_t *ops = scim_member(body, "Operations", 10, NULL);
	if (!json_is_array(ops) || json_array_size(ops) == 0)
		return scim_fail(err, 400, "invalidSyntax", "\"Operations\" must be a non-empty array"), NULL;
	if (json_array_size(ops) > SCIM_PATCH_MAX_OPS)
		return scim_fail(err, 400, "tooMany", "at most %d operations per request", SCIM_PATCH_MAX_OPS), NULL;
	json_t *schemas = scim_member(body, "schemas", 7, NULL);
	if (schemas && !json_is_array(schemas))
		return scim_fail(err, 400, "invalidSyntax", "schemas must be an array"), NULL;
	json_t *out = json_deep_copy(doc);
	size_t i;
	json_t *o;
	json_array_foreach(ops, i, o) {
		if (apply_op(out, o, t, err) != 0) {
			json_decref(out);
			return NULL;
		}
	}
	if (scim_normalize(out, t, err) != 0) {
		json_decref(out);
		return NULL;
	}
	return out;
}
