#include "lib/scim/path.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static int name_ok(const char *s, size_t n)
{
	if (n == 0 || n >= SCIM_NAME_MAX)
		return 0;
	if (!isalpha((unsigned char)s[0]) && s[0] != '$')
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_')
			return 0;
	return 1;
}

static int urn_ok(const char *s, size_t n)
{
	if (n < 5 || n >= SCIM_URN_MAX || strncasecmp(s, "urn:", 4) != 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr(":._-", s[i]))
			return 0;
	return 1;
}

int scim_path_parse(const char *text, size_t len, struct scim_path *p, struct scim_error *err)
{
	memset(p, 0, sizeof *p);
	if (len < SCIM_URN_MAX) {
		char whole[SCIM_URN_MAX];
		memcpy(whole, text, len);
		whole[len] = 0;
		if (scim_schema_find(whole)) {
			memcpy(p->urn, text, len);
			return 0;
		}
	}
	const char *name = text;
	size_t rest = len;
	const char *colon = NULL;
	for (size_t i = 0; i < len; i++)
		if (text[i] == ':')
			colon = text + i;
	if (colon) {
		size_t ulen = (size_t)(colon - text);
		if (!urn_ok(text, ulen))
			return scim_fail(err, 400, "invalidPath", "'%.*s' is not a valid schema URN", (int)ulen, text);
		memcpy(p->urn, text, ulen);
		name = colon + 1;
		rest = len - ulen - 1;
	}
	const char *dot = memchr(name, '.', rest);
	size_t alen = dot ? (size_t)(dot - name) : rest;
	if (!name_ok(name, alen) || (dot && !name_ok(dot + 1, rest - alen - 1)))
		return scim_fail(err, 400, "invalidPath", "'%.*s' is not a valid attribute path", (int)len, text);
	memcpy(p->attr, name, alen);
	if (dot)
		memcpy(p->sub, dot + 1, rest - alen - 1);
	return 0;
}

int scim_path_resolve(struct scim_path *p, const struct scim_resource_type *t, const struct scim_attr *parent,
		      struct scim_error *err)
{
	p->attr_def = p->sub_def = NULL;
	const struct scim_attr *list = NULL, *fallback = NULL;
	if (parent) {
		if (p->urn[0])
			return scim_fail(err, 400, "invalidPath", "a schema URN cannot appear inside a value filter");
		list = parent->sub;
	} else if (!p->urn[0] || (t && strcasecmp(p->urn, t->schema->id) == 0)) {
		p->urn[0] = 0;
		if (t) {
			list = t->schema->attrs;
			fallback = scim_common_attrs();
		}
	} else if (t && t->extension && strcasecmp(p->urn, t->extension->id) == 0) {
		snprintf(p->urn, sizeof p->urn, "%s", t->extension->id);
		list = t->extension->attrs;
	} else if (t) {
		return scim_fail(err, 400, "invalidPath", "'%s' is not a schema of %s resources", p->urn, t->name);
	}
	if (!p->attr[0])
		return 0;
	const struct scim_attr *a = scim_attr_find(list, p->attr, -1);
	if (!a && fallback)
		a = scim_attr_find(fallback, p->attr, -1);
	if (!a)
		return 0;
	p->attr_def = a;
	snprintf(p->attr, sizeof p->attr, "%s", a->name);
	if (p->sub[0]) {
		if (!a->sub)
			return scim_fail(err, 400, "invalidPath", "%s has no sub-attributes", a->name);
		const struct scim_attr *s = scim_attr_find(a->sub, p->sub, -1);
		if (s) {
			p->sub_def = s;
			snprintf(p->sub, sizeof p->sub, "%s", s->name);
		}
	}
	return 0;
}

void scim_path_text(const struct scim_path *p, char *out, size_t size)
{
	snprintf(out, size, "%s%s%s%s%s", p->urn, p->urn[0] && p->attr[0] ? ":" : "", p->attr, p->sub[0] ? "." : "",
		 p->sub);
}

int scim_path_list(const char *text, const struct scim_resource_type *t, struct scim_path *out, int max,
		   struct scim_error *err)
{
	int n = 0;
	const char *p = text;
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		if (!*p)
			break;
		size_t len = strcspn(p, ", ");
		if (n == max)
			return scim_fail(err, 400, "invalidValue", "at most %d attributes may be named", max);
		if (scim_path_parse(p, len, &out[n], err) != 0 || scim_path_resolve(&out[n], t, NULL, err) != 0)
			return -1;
		n++;
		p += len;
	}
	return n;
}
