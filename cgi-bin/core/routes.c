/* The route table (routes.def) and matching a request against it. */
#include "cgi-bin/core/routes.h"
#include "cgi-bin/core/loaders.h"
#include "lib/core/validate.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define V VERB_VIEW
#define A VERB_ADD
#define E VERB_EDIT
#define S VERB_ASSIGN
#define D VERB_DELETE
#define METHOD_get "GET"
#define METHOD_post "POST"
#define METHOD_put "PUT"
#define METHOD_patch "PATCH"
#define METHOD_delete "DELETE"
#define LOAD(fn) .load = fn, .load_name = #fn
/* A form's declared inputs, ended by an empty row (a static compound literal). */
#define IN(...) (const struct input[]){__VA_ARGS__, {0}}

/* Each row's handler, declared from its screen name. */
#define ROUTE(m, pat, area, scr, ...) int scr##_##m(struct req *r);
#include "cgi-bin/core/routes.def"
#undef ROUTE

#define ROUTE(m, pat, area, scr, feat, vrb, ...) \
	{.method = METHOD_##m, .pattern = pat, .screen = #area "/" #scr, .handler = scr##_##m, \
	 .template = #area "/" #scr ".cs", .feature = feat, .verb = vrb, __VA_ARGS__},
static const struct route routes[] = {
#include "cgi-bin/core/routes.def"
};
#undef ROUTE

#define ROUTE_COUNT (sizeof routes / sizeof routes[0])

const struct route *route_table(int *count)
{
	*count = (int)ROUTE_COUNT;
	return routes;
}

/* A reference an outside system gives its objects (an order's number,
 * "A-S00371665"): 1 to 64 of letters, digits, '-', '_' and '.', starting
 * with a letter or a digit. */
static int valid_ref(const char *s)
{
	static const char ok[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
	size_t n = strlen(s);
	return n > 0 && n <= 64 && strspn(s, ok) == n && strchr("-_.", s[0]) == NULL;
}

/* Compares one pattern against a path, segment by segment, capturing :acct
 * and :id. Captures are validated here so handlers receive only well-formed ids. */
static int pattern_matches(const char *pattern, const char *path, struct req *r)
{
	const char *p = pattern, *s = path;
	while (*p && *s) {
		if (*p != '/' || *s != '/')
			return 0;
		p++, s++;
		size_t plen = strcspn(p, "/"), slen = strcspn(s, "/");
		if (plen > 0 && p[0] == ':') {
			char value[64];
			if (slen == 0 || slen >= sizeof value)
				return 0;
			memcpy(value, s, slen);
			value[slen] = 0;
			if (plen == 5 && strncmp(p, ":acct", 5) == 0) {
				if (!valid_uuid(value))
					return 0;
				strcpy(r->acct.id, value);
			} else if (plen == 3 && strncmp(p, ":id", 3) == 0) {
				if (!valid_id(value))
					return 0;
				strcpy(r->path_id, value);
				r->id = strtoll(value, NULL, 10); /* valid_id: 1 to 18 digits */
			} else if (plen == 4 && strncmp(p, ":ref", 4) == 0) {
				if (!valid_ref(value))
					return 0;
				strcpy(r->path_ref, value);
			} else {
				return 0;
			}
		} else if (plen != slen || strncmp(p, s, plen) != 0) {
			return 0;
		}
		p += plen, s += slen;
	}
	/* A trailing slash is not a different page. */
	if (*s == '/' && s[1] == 0 && s != path)
		s++;
	return *p == 0 && *s == 0;
}

const struct route *route_match(const char *method, const char *path, struct req *r, int *path_matched)
{
	*path_matched = 0;
	for (size_t i = 0; i < ROUTE_COUNT; i++) {
		r->acct.id[0] = 0;
		r->path_id[0] = 0;
		r->path_ref[0] = 0;
		r->id = 0;
		if (!pattern_matches(routes[i].pattern, path, r))
			continue;
		*path_matched = 1;
		if (strcmp(routes[i].method, method) == 0 ||
		    (strcmp(method, "HEAD") == 0 && strcmp(routes[i].method, "GET") == 0))
			return &routes[i];
	}
	r->acct.id[0] = 0;
	r->path_id[0] = 0;
	r->path_ref[0] = 0;
	r->id = 0;
	return NULL;
}

const struct route *route_form(const struct route *post)
{
	for (size_t i = 0; i < ROUTE_COUNT; i++)
		if (strcmp(routes[i].method, "GET") == 0 && strcmp(routes[i].pattern, post->pattern) == 0)
			return &routes[i];
	return NULL;
}

static const char *const flag_names[] = {
	"public", "raw", "deactivated", "customer", "staff_admin", "partner", "unrestricted", "api", "upload",
	"foreign", "local_sign_in",
};

static const char *const type_names[] = {
	[IN_TEXT] = "text", [IN_LINES] = "lines", [IN_EMAIL] = "email", [IN_EMAILS] = "emails",
	[IN_PHONE] = "phone", [IN_INT] = "int", [IN_CHECK] = "check", [IN_ID] = "id", [IN_KEY] = "key",
	[IN_SECRET] = "secret", [IN_LANGUAGE] = "language",
};

static const char *const verb_names[] = {
	[VERB_VIEW] = "view", [VERB_ADD] = "add", [VERB_EDIT] = "edit", [VERB_ASSIGN] = "assign", [VERB_DELETE] = "delete",
};

void routes_print_json(FILE *out)
{
	json_t *all = json_array();
	for (size_t i = 0; i < ROUTE_COUNT; i++) {
		const struct route *rt = &routes[i];
		json_t *flags = json_array(), *inputs = json_array();
		for (size_t b = 0; b < sizeof flag_names / sizeof flag_names[0]; b++)
			if (rt->flags & (1u << b))
				json_array_append_new(flags, json_string(flag_names[b]));
		json_t *kinds = json_array();
		for (unsigned k = 1; k <= CRED_ANY; k <<= 1)
			if ((rt->kinds & k) && *credential_kind_key((enum credential_kind)k))
				json_array_append_new(kinds, json_string(credential_kind_key((enum credential_kind)k)));
		for (const struct input *in = rt->inputs; in && in->name; in++)
			json_array_append_new(inputs, json_pack("{s:s,s:s,s:b,s:b,s:i}", "name", in->name,
				"type", type_names[in->type], "required", (in->flags & IN_REQUIRED) != 0,
				"list", (in->flags & IN_LIST) != 0, "max", in->max));
		json_array_append_new(all, json_pack("{s:s,s:s,s:s,s:s,s:s?,s:o,s:s?,s:s?,s:o,s:o}",
			"method", rt->method, "pattern", rt->pattern, "screen", rt->screen,
			"feature", rt->feature == FEAT_NONE ? "none" : feature_key(rt->feature),
			"verb", verb_names[rt->verb], "flags", flags, "load", rt->load_name,
			"confirm", rt->confirm, "inputs", inputs, "kinds", kinds));
	}
	json_dumpf(all, out, JSON_INDENT(1));
	fputc('\n', out);
	json_decref(all);
}
