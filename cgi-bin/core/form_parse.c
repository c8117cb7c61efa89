/* Url-encoded form bodies are parsed here instead of by ClearSilver's own
 * parser, which accepts only the bare content type (browsers' fetch() and
 * most clients add "; charset=UTF-8") and cuts a value at an encoded NUL:
 * "Ab%00cd" would be stored as "Ab", a different value than was sent. Here
 * an encoded NUL becomes U+0001, a control character that every field's
 * validation refuses with its message, so the form comes back to the user.
 *
 * The body is the client's: its cost must be linear in its size whatever
 * the names in it. ClearSilver appends a repeated name's value by counting
 * the values before it (quadratic: 80,000 "a=1&" held a worker for half a
 * minute); here each name's node and count are kept in a small table while
 * parsing, and a body with more than FORM_MAX_FIELDS fields is refused as
 * a whole before anything is stored. */
#include "cgi-bin/core/form_parse.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define FORM_TYPE "application/x-www-form-urlencoded"
#define FORM_MAX (2 * 1024 * 1024)  /* nginx caps bodies too; forms are small */
#define NAME_MAX_LEN 64

/* The names seen so far in one body: open addressing over a power of two
 * at least twice the number of fields, so a probe ends quickly. */
struct name_slot {
	const char *name;   /* into the body being parsed; NULL: free */
	HDF *node;          /* Query.<name> */
	int count;          /* values stored under it */
};

struct names {
	struct name_slot *slots;
	size_t mask;
};

static uint32_t name_hash(const char *s)
{
	uint32_t h = 2166136261u;   /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static struct name_slot *name_slot(struct names *t, const char *name)
{
	size_t i = name_hash(name) & t->mask;
	while (t->slots[i].name && strcmp(t->slots[i].name, name) != 0)
		i = (i + 1) & t->mask;
	return &t->slots[i];
}

/* Same layout as ClearSilver's: the first value at Query.<name>; when a
 * name repeats (checkbox lists), every value also at Query.<name>.<n>. */
static int add_value(HDF *hdf, struct names *t, const char *name, const char *value)
{
	struct name_slot *slot = name_slot(t, name);
	char n[16];
	if (!slot->name) {
		char key[NAME_MAX_LEN + 8];
		snprintf(key, sizeof key, "Query.%s", name);
		slot->name = name;
		slot->node = hdf_get_obj(hdf, key);
		if (!slot->node) {
			if (hdf_set_value(hdf, key, value) != STATUS_OK || !(slot->node = hdf_get_obj(hdf, key)))
				return -1;
			slot->count = 1;
			return 0;
		}
		/* Already there from the query string: the body's values follow
		 * its (counted once per name). */
		HDF *child = hdf_obj_child(slot->node);
		slot->count = child ? 0 : 1;
		for (; child; child = hdf_obj_next(child))
			slot->count++;
	}
	/* Set relative to the name's node: HDF hashes a level once it grows,
	 * so each of these is constant time. */
	if (slot->count == 1) {
		const char *first = hdf_obj_value(slot->node);
		if (hdf_set_value(slot->node, "0", first ? first : "") != STATUS_OK)
			return -1;
	}
	snprintf(n, sizeof n, "%d", slot->count++);
	return hdf_set_value(slot->node, n, value) == STATUS_OK ? 0 : -1;
}

static int field_count(const char *body)
{
	int n = 0;
	for (const char *p = body; *p; p++)
		n += *p == '&';
	return n + 1;
}

/* Names are ours (form fields): anything else is not a field. */
static int is_field_name(const char *name)
{
	size_t len = strlen(name);
	return len && len < NAME_MAX_LEN &&
	       strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == len;
}

int form_parse_body(HDF *hdf, char *body, int max_fields)
{
	int fields = field_count(body);
	if (fields > max_fields)
		return -1;
	struct names t;
	size_t size = 16;
	while (size < (size_t)fields * 2)
		size *= 2;
	t.slots = calloc(size, sizeof *t.slots);
	if (!t.slots)
		return -1;
	t.mask = size - 1;
	int rc = 0;
	char *save = NULL;
	for (char *pair = strtok_r(body, "&", &save); pair && rc == 0; pair = strtok_r(NULL, "&", &save)) {
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
		if (is_field_name(pair))
			rc = add_value(hdf, &t, pair, value);
	}
	free(t.slots);
	return rc;
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
	int rc = have == len ? form_parse_body(cgi->hdf, body, FORM_MAX_FIELDS) : -1;
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
