/* Reading a request's input: the declared inputs of a form, checked by the
 * front line before its handler runs (kcgi-framework's validated keys), and
 * the plain query parameters of pages that are not forms. */
#include "cgi-bin/core/input.h"
#include "cgi-bin/core/render.h"
#include "cgi-bin/core/routes.h"
#include "lib/core/validate.h"
#include "lib/lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static HDF *query_node(struct req *r, const char *name)
{
	char key[128];
	snprintf(key, sizeof key, "Query.%s", name);
	return hdf_get_obj(r->hdf, key);
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* Query.<name> trimmed, in place in the tree, so echoes and checks see the same text. */
static const char *trimmed(struct req *r, const char *name)
{
	char key[128];
	snprintf(key, sizeof key, "Query.%s", name);
	const char *v = hdf_get_value(r->hdf, key, NULL);
	if (!v)
		return "";
	size_t len = strlen(v), start = 0;
	while (start < len && is_space(v[start]))
		start++;
	while (len > start && is_space(v[len - 1]))
		len--;
	if (start == 0 && len == strlen(v))
		return v;
	char *t = strndup(v + start, len - start);
	if (!t)
		return "";
	hdf_set_value(r->hdf, key, t);
	free(t);
	return hdf_get_value(r->hdf, key, "");
}

const char *form(struct req *r, const char *name)
{
	return trimmed(r, name);
}

long form_int(struct req *r, const char *name, long fallback, long min, long max)
{
	const char *v = form(r, name);
	char *end;
	long n = strtol(v, &end, 10);
	if (!*v || *end || n < min || n > max)
		return fallback;
	return n;
}

int form_checked(struct req *r, const char *name)
{
	const char *v = form(r, name);
	return strcmp(v, "1") == 0 || strcmp(v, "on") == 0 || strcmp(v, "true") == 0;
}

int form_list(struct req *r, const char *name, const char **out, int max)
{
	HDF *node = query_node(r, name);
	if (!node)
		return 0;
	int n = 0;
	HDF *child = hdf_obj_child(node);
	if (!child) {
		const char *v = hdf_obj_value(node);
		if (v && *v && max > 0)
			out[n++] = v;
		return n;
	}
	for (; child && n < max; child = hdf_obj_next(child)) {
		const char *v = hdf_obj_value(child);
		if (v && *v)
			out[n++] = v;
	}
	return n;
}

static const struct input *declared(struct req *r, const char *name)
{
	if (r->route && r->route->inputs)
		for (const struct input *i = r->route->inputs; i->name; i++)
			if (strcmp(i->name, name) == 0)
				return i;
	return NULL;
}

const char *in(struct req *r, const char *name)
{
	const struct input *i = declared(r, name);
	if (i && i->type == IN_SECRET) {
		HDF *node = query_node(r, name);
		const char *v = node ? hdf_obj_value(node) : NULL;
		return v ? v : "";
	}
	char key[160];
	snprintf(key, sizeof key, "Form.Values.%s", name);
	return hdf_get_value(r->hdf, key, "");
}

int in_checked(struct req *r, const char *name)
{
	return strcmp(in(r, name), "1") == 0;
}

long long in_int(struct req *r, const char *name)
{
	return strtoll(in(r, name), NULL, 10);
}

int in_list(struct req *r, const char *name, const char **out, int max)
{
	return form_list(r, name, out, max);
}

void form_default(struct req *r, const char *name, const char *value)
{
	char key[160];
	snprintf(key, sizeof key, "Form.Values.%s", name);
	if (!hdf_get_obj(r->hdf, key))
		hdf_set_value(r->hdf, key, value ? value : "");
}

void field_error(struct req *r, const char *field, const char *lang_key)
{
	char key[160];
	snprintf(key, sizeof key, "Form.Errors.%s", field);
	hdf_set_value(r->hdf, key, lang(r, lang_key));
	hdf_set_value(r->hdf, "Form.HasErrors", "1");
}

int form_has_errors(struct req *r)
{
	return hdf_get_int_value(r->hdf, "Form.HasErrors", 0);
}

static void echo(struct req *r, const char *name, const char *value)
{
	char key[160];
	snprintf(key, sizeof key, "Form.Values.%s", name);
	hdf_set_value(r->hdf, key, value);
}

int check_text(struct req *r, const char *field, int required, size_t max_chars)
{
	const char *v = form(r, field);
	if (!valid_line(v, 0)) {
		field_error(r, field, "errors.invalid_text");
		return 0;
	}
	echo(r, field, v);
	if (required && !*v) {
		field_error(r, field, "errors.required");
		return 0;
	}
	if (utf8_length(v) > max_chars) {
		field_error(r, field, "errors.too_long");
		return 0;
	}
	return 1;
}

/* One value of a declared input: the lang key of what is wrong with it, or
 * NULL. May rewrite the echoed value into its normal form. */
static const char *check_value(struct req *r, const struct input *i, const char *v)
{
	switch (i->type) {
	case IN_SECRET:
		return strlen(v) > (size_t)i->max ? "errors.too_long" : NULL;
	case IN_CHECK:
		echo(r, i->name, *v && (strcmp(v, "1") == 0 || strcmp(v, "on") == 0 || strcmp(v, "true") == 0) ? "1" : "");
		return NULL;
	default:
		break;
	}
	if (!valid_line(v, i->type == IN_LINES))
		return "errors.invalid_text";
	echo(r, i->name, v);
	if (!*v)
		return NULL;
	if (i->type != IN_INT && utf8_length(v) > (size_t)i->max)
		return "errors.too_long";
	switch (i->type) {
	case IN_EMAIL:
		return valid_email(v) ? NULL : "errors.invalid_email";
	case IN_EMAILS: {
		char found[20][EMAIL_MAX + 1];
		int n = email_list_split(v, found, 20);
		return n == -2 ? "errors.too_many_emails" : n < 0 ? "errors.invalid_emails" : NULL;
	}
	case IN_PHONE: {
		char normal[PHONE_MAX + 1];
		if (!phone_normalise(v, normal))
			return "errors.invalid_phone";
		echo(r, i->name, normal);
		return NULL;
	}
	case IN_INT: {
		char *end;
		long long n = strtoll(v, &end, 10);
		return *end || n < 0 || n > i->max ? "errors.invalid_number" : NULL;
	}
	case IN_ID:
		return valid_id(v) ? NULL : "errors.invalid_choice";
	case IN_KEY:
		return valid_key(v) ? NULL : "errors.invalid_choice";
	case IN_LANGUAGE:
		return lang_exists(v) ? NULL : "errors.invalid_choice";
	default:
		return NULL;
	}
}

int inputs_check(struct req *r)
{
	if (!r->route->inputs)
		return 1;
	for (const struct input *i = r->route->inputs; i->name; i++) {
		const char *problem = NULL;
		if (i->flags & IN_LIST) {
			const char *values[256];
			int n = form_list(r, i->name, values, 256);
			if (n > i->max)
				problem = "errors.too_many";
			for (int k = 0; k < n && !problem; k++)
				if (!valid_line(values[k], 0) || (i->type == IN_ID && !valid_id(values[k])) ||
				    (i->type == IN_KEY && !valid_key(values[k])))
					problem = "errors.invalid_choice";
			if (!problem && n == 0 && (i->flags & IN_REQUIRED))
				problem = "errors.required";
		} else if (!query_node(r, i->name) && i->type != IN_CHECK) {
			/* Not sent: nothing to echo, so the form shows its default (an
			 * unticked checkbox is never sent, and is echoed as unticked). */
			if (i->flags & IN_REQUIRED)
				problem = "errors.required";
		} else {
			const char *v = i->type == IN_SECRET ? in(r, i->name) : form(r, i->name);
			problem = check_value(r, i, v);
			if (!problem && !*v && (i->flags & IN_REQUIRED))
				problem = "errors.required";
		}
		if (problem)
			field_error(r, i->name, problem);
	}
	return !form_has_errors(r);
}

int confirm_check(struct req *r)
{
	if (!r->route->confirm)
		return 1;
	if (strcmp(form(r, "confirm"), r->route->confirm) == 0)
		return 1;
	field_error(r, "confirm", "errors.typed_word");
	return 0;
}
