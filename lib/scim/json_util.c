#include "lib/scim/json_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

json_t *scim_member(json_t *obj, const char *name, size_t len, const char **key_out)
{
	if (!json_is_object(obj))
		return NULL;
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v) {
		if (strlen(key) == len && strncasecmp(key, name, len) == 0) {
			if (key_out)
				*key_out = key;
			return v;
		}
	}
	return NULL;
}

void scim_member_del(json_t *obj, const char *name)
{
	const char *key;
	if (scim_member(obj, name, strlen(name), &key)) {
		char copy[256];
		snprintf(copy, sizeof copy, "%s", key);
		json_object_del(obj, copy);
	}
}

void scim_member_set(json_t *obj, const char *name, json_t *value)
{
	/* the same spelling keeps its place; another one is replaced */
	if (!json_object_get(obj, name))
		scim_member_del(obj, name);
	json_object_set_new(obj, name, value);
}

int scim_bool(json_t *v, int *out)
{
	if (json_is_boolean(v)) {
		*out = json_is_true(v);
		return 1;
	}
	if (json_is_string(v)) {
		if (strcasecmp(json_string_value(v), "true") == 0)
			return *out = 1, 1;
		if (strcasecmp(json_string_value(v), "false") == 0)
			return *out = 0, 1;
	}
	return 0;
}

int scim_strcasecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x + 32);
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y + 32);
		if (x != y || !x)
			return (int)x - (int)y;
	}
}

static int digits(const char **p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++, (*p)++) {
		if (**p < '0' || **p > '9')
			return 0;
		v = v * 10 + (**p - '0');
	}
	*out = v;
	return 1;
}

int scim_datetime(const char *s, double *out)
{
	int y, mo, d, h, mi, sec;
	const char *p = s;
	if (!digits(&p, 4, &y) || *p++ != '-' || !digits(&p, 2, &mo) || *p++ != '-' || !digits(&p, 2, &d))
		return 0;
	if (*p != 'T' && *p != 't' && *p != ' ')
		return 0;
	p++;
	if (!digits(&p, 2, &h) || *p++ != ':' || !digits(&p, 2, &mi) || *p++ != ':' || !digits(&p, 2, &sec))
		return 0;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
		return 0;
	double frac = 0;
	if (*p == '.') {
		double scale = 0.1;
		p++;
		if (*p < '0' || *p > '9')
			return 0;
		for (; *p >= '0' && *p <= '9'; p++, scale /= 10)
			frac += (*p - '0') * scale;
	}
	long offset = 0;
	if (*p == 'Z' || *p == 'z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		int sign = *p++ == '-' ? -1 : 1, oh, om;
		if (!digits(&p, 2, &oh) || *p++ != ':' || !digits(&p, 2, &om))
			return 0;
		offset = sign * (oh * 3600L + om * 60L);
	} else if (*p) {
		return 0;
	}
	if (*p)
		return 0;
	/* Days from the civil date (Howard Hinnant's algorithm): no time zone state. */
	int yy = y - (mo <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	long days = era * 146097 + doe - 719468;
	*out = (double)days * 86400.0 + h * 3600.0 + mi * 60.0 + sec + frac - (double)offset;
	return 1;
}

void scim_datetime_format(const char *sql, char out[32])
{
	if (strlen(sql) >= 19)
		snprintf(out, 32, "%.10sT%.8sZ", sql, sql + 11);
	else
		snprintf(out, 32, "%s", sql);
}

int scim_json_equal(json_t *a, json_t *b, int fold)
{
	if (json_is_string(a) && json_is_string(b))
		return fold ? scim_strcasecmp(json_string_value(a), json_string_value(b)) == 0
			    : strcmp(json_string_value(a), json_string_value(b)) == 0;
	if (json_is_object(a) && json_is_object(b)) {
		if (json_object_size(a) != json_object_size(b))
			return 0;
		const char *key;
		json_t *v;
		json_object_foreach(a, key, v) {
			json_t *w = scim_member(b, key, strlen(key), NULL);
			if (!w || !scim_json_equal(v, w, fold))
				return 0;
		}
		return 1;
	}
	if (json_is_array(a) && json_is_array(b)) {
		if (json_array_size(a) != json_array_size(b))
			return 0;
		for (size_t i = 0; i < json_array_size(a); i++)
			if (!scim_json_equal(json_array_get(a, i), json_array_get(b, i), fold))
				return 0;
		return 1;
	}
	return json_equal(a, b);
}
