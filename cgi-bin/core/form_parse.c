/* Url-encoded form bodies are parsed here instead of by ClearSilver's own
 * parser, which accepts only the bare content type (browsers' fetch() and
 * most clients add "; charset=UTF-8") and cuts a value at an encoded NUL:
 * "Ab%00cd" would be stored as "Ab", a different value than was sent. Here
 * an encoded NUL becomes U+0001, a control character that every field's
 * validation refuses with its message, so the form comes back to the user. */
#include "cgi-bin/core/form_parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define FORM_TYPE "application/x-www-form-urlencoded"
#define FORM_MAX (2 * 1024 * 1024)  /* nginx caps bodies too; forms are small */

/* Same layout as ClearSilver's: the first value at Query.<name>; when a
 * name repeats (checkbox lists), every value also at Query.<name>.<n>. */
static void add_value(HDF *hdf, const char *name, const char *value)
{
	char key[300];
	snprintf(key, sizeof key, "Query.%s", name);
	HDF *node = hdf_get_obj(hdf, key);
	if (!node) {
		hdf_set_value(hdf, key, value);
		return;
	}
	int n = 0;
	HDF *child = hdf_obj_child(node);
	if (!child) {
		hdf_set_valuef(hdf, "%s.0=%s", key, hdf_obj_value(node) ? hdf_obj_value(node) : "");
		n = 1;
	} else {
		for (; child; child = hdf_obj_next(child))
			n++;
	}
	char item[320];
	snprintf(item, sizeof item, "%s.%d", key, n);
	hdf_set_value(hdf, item, value);
}

int form_parse_body(HDF *hdf, char *body)
{
	char *save = NULL;
	for (char *pair = strtok_r(body, "&", &save); pair; pair = strtok_r(NULL, "&", &save)) {
		char *eq = strchr(pair, '=');
		char *value = eq ? eq + 1 : (char *)"";
		if (eq)
			*eq = 0;
		for (char *nul = strstr(value, "%00"); nul; nul = strstr(nul, "%00"))
			nul[2] = '1';
		for (char *p = pair; *p; p++)
			if (*p == '+')
				*p = ' ';
		for (char *p = value; *p; p++)
			if (*p == '+')
				*p = ' ';
		cgi_url_unescape(pair);
		cgi_url_unescape(value);
		/* Names are ours (form fields): anything else is not a field. */
		if (*pair && strlen(pair) < 64 && strspn(pair, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == strlen(pair))
			add_value(hdf, pair, value);
	}
	return 0;
}

/* Other bodies (multipart uploads) are left to ClearSilver, which goes on to
 * its own parsers after every callback: returning STATUS_OK without reading
 * hands them over. (CGIParseNotHandled is never registered in 0.10.5, so
 * raising it is not an option.) */
static NEOERR *parse_form(CGI *cgi, char *method, char *ctype, void *rock)
{
	size_t n = strlen(FORM_TYPE);
	if (!ctype || strncasecmp(ctype, FORM_TYPE, n) != 0 || (ctype[n] && ctype[n] != ';' && ctype[n] != ' '))
		return STATUS_OK;
	long len = strtol(hdf_get_value(cgi->hdf, "CGI.ContentLength", "0"), NULL, 10);
	if (len <= 0)
		return STATUS_OK;
	if (len > FORM_MAX)
		return nerr_raise(NERR_PARSE, "form body too large");
	char *body = malloc((size_t)len + 1);
	if (!body)
		return nerr_raise(NERR_NOMEM, "form body");
	long have = 0;
	while (have < len) {
		int got = 0;
		cgiwrap_read(body + have, (int)(len - have), &got);
		if (got <= 0)
			break;
		have += got;
	}
	body[have] = 0;
	int rc = have == len ? form_parse_body(cgi->hdf, body) : -1;
	free(body);
	/* The body is consumed: ClearSilver's own form parser, which runs next for
	 * the bare content type, must find nothing left to read. */
	hdf_set_value(cgi->hdf, "CGI.ContentLength", "0");
	return rc == 0 ? STATUS_OK : nerr_raise(NERR_PARSE, "malformed form body");
}

NEOERR *form_parse_register(CGI *cgi)
{
	return cgi_register_parse_cb(cgi, "POST", "*", NULL, parse_form);
}
