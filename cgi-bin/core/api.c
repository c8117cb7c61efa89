/* The machine API front, /api/v1 (ARCHITECTURE §3, §7a): rows of the same
 * route table flagged R_API, signed in with a bearer credential instead of a
 * cookie, JSON in and out, no CSRF (nothing a browser sends on its own
 * reaches them), errors as JSON documents with the field at fault. */
#include "cgi-bin/core/api.h"
#include "cgi-bin/core/routes.h"
#include "lib/core/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Record a credential's use at most once a minute: the time is for people
 * deciding what to revoke, and most requests stay free of a write. */
#define TOUCH_SECONDS 60

static int is_json(const char *ctype)
{
	if (!ctype)
		return 0;
	size_t n = strcspn(ctype, "; ");
	return (n == 16 && strncasecmp(ctype, "application/json", 16) == 0) ||
	       (n > 17 && strncasecmp(ctype, "application/", 12) == 0 && strncasecmp(ctype + n - 5, "+json", 5) == 0);
}

static NEOERR *parse_json(CGI *cgi, char *method, char *ctype, void *rock)
{
	if (!is_json(ctype))
		return STATUS_OK;
	long len = strtol(hdf_get_value(cgi->hdf, "CGI.ContentLength", "0"), NULL, 10);
	if (len <= 0)
		return STATUS_OK;
	if (len > API_BODY_MAX)
		return nerr_raise(NERR_PARSE, "request body too large");
	char *body = malloc((size_t)len + 1);
	if (!body)
		return nerr_raise(NERR_NOMEM, "request body");
	long have = 0;
	while (have < len) {
		int got = 0;
		cgiwrap_read(body + have, (int)(len - have), &got);
		if (got <= 0)
			break;
		have += got;
	}
	body[have] = 0;
	NEOERR *err = have == len ? hdf_set_value(cgi->hdf, "Request.Body", body) : nerr_raise(NERR_PARSE, "short body");
	free(body);
	/* Consumed: ClearSilver's own parsers, which run next, find nothing to read. */
	hdf_set_value(cgi->hdf, "CGI.ContentLength", "0");
	return err;
}

NEOERR *api_parse_register(CGI *cgi)
{
	return cgi_register_parse_cb(cgi, "*", "*", NULL, parse_json);
}

int api_authenticate(struct req *r, struct account_ref *reached)
{
	const char *auth = r->authorization ? r->authorization : "";
	memset(reached, 0, sizeof *reached);
	if (strncasecmp(auth, "Bearer ", 7) != 0)
		return -401;
	const char *token = auth + 7;
	int found = !r->acct.id[0]	     ? credential_find(r->db, token, &r->machine)
		    : r->route->signing_in ? r->route->signing_in(r, token, reached)
					     : credential_find_reaching(r->db, token, r->acct.id, &r->machine, reached);
	if (found < 0)
		return SERVER_ERROR;
	if (found == 0)
		return -401;
	if (!(r->route->kinds & r->machine.kind))
		return -403;
	if (r->machine.idle_seconds >= TOUCH_SECONDS)
		credential_touch(r->db, r->machine.id);
	return DONE;
}

/* Multipart (a document with its files) only where the route takes it,
 * and only there: anything else would be read as nothing at all. */
static int body_type_ok(struct req *r)
{
	const char *ctype = hdf_get_value(r->hdf, "CGI.ContentType", "");
	int multipart = strncasecmp(ctype, "multipart/form-data", 19) == 0;
	if (r->route->flags & R_UPLOAD) {
		if (multipart)
			return 1;
		api_error(r, 415, "send_multipart", NULL);
		return 0;
	}
	if (!multipart)
		return 1;
	api_error(r, 415, "send_json", NULL);
	return 0;
}

static int error_document(struct req *r, int status, const char *code, const char *message, json_t *fields);

int api_read_body(struct req *r)
{
	int sends_body = strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0;
	if (sends_body && !body_type_ok(r))
		return DONE;
	const char *body = hdf_get_value(r->hdf, "Request.Body", NULL);
	if (!body)
		return DONE;
	json_error_t error;
	r->json = json_loads(body, JSON_REJECT_DUPLICATES, &error);
	if (r->json)
		return DONE;
	/* The parser's own words say where: they come after the language's. */
	char text[512];
	snprintf(text, sizeof text, "%s (line %d: %s)", lang(r, "api.errors.bad_json"), error.line, error.text);
	error_document(r, 400, "bad_json", text, NULL);
	return DONE;
}

/* The SCIM service (RFC 7644) shares the machine front; its documents
 * are application/scim+json and its errors SCIM Error messages (§3.12). */
static int is_scim(const struct req *r)
{
	return r->path && strncmp(r->path, "/scim/", 6) == 0;
}

int api_machine_path(const char *path)
{
	return strncmp(path, "/api/", 5) == 0 || strncmp(path, "/scim/", 6) == 0;
}

int api_json(struct req *r, int status, json_t *doc)
{
	free(r->body);
	r->body = doc ? json_dumps(doc, JSON_COMPACT) : NULL;
	json_decref(doc);
	if (!r->body)
		return SERVER_ERROR;
	r->body_len = strlen(r->body);
	r->status = status;
	r->content_type = is_scim(r) ? "application/scim+json" : "application/json";
	return DONE;
}

/* The error document with its text as given: the error's code, the same in
 * every language, and the text a person reads, in the request's language. */
static int error_document(struct req *r, int status, const char *code, const char *message, json_t *fields)
{
	if (is_scim(r)) {
		char status_text[8];
		snprintf(status_text, sizeof status_text, "%d", status);
		json_decref(fields);
		/* a body that is no JSON is invalidSyntax; the others carry no scimType */
		return api_json(r, status, json_pack("{s:[s],s:s,s:s,s:s*}", "schemas", "urn:ietf:params:scim:api:messages:2.0:Error",
						     "status", status_text, "detail", message, "scimType",
						     status == 400 ? "invalidSyntax" : NULL));
	}
	json_t *doc = json_pack("{s:i,s:s,s:s}", "status", status, "code", code, "error", message);
	if (doc && fields)
		json_object_set(doc, "fields", fields);
	json_decref(fields);
	return api_json(r, status, doc);
}

int api_error(struct req *r, int status, const char *code, json_t *fields)
{
	char key[96];
	snprintf(key, sizeof key, "api.errors.%s", code);
	return error_document(r, status, code, lang(r, key), fields);
}

void api_error_body(struct req *r, int status)
{
	const char *code;
	switch (status) {
	case 400: code = "bad_request"; break;
	case 401: code = "unauthorized"; break;
	case 403: code = "forbidden"; break;
	case 404: code = "not_found"; break;
	case 405: code = "method_not_allowed"; break;
	case 415: code = "unsupported_body"; break;
	case 413: code = "too_large"; break;
	case 422: code = "request_invalid"; break;
	case 503: code = "unavailable"; break;
	default: code = "failed"; break;
	}
	api_error(r, status, code, NULL);
}
