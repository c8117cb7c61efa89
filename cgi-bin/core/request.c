/* The front line: every request passes here in a fixed order — parse,
 * route, session, CSRF, permission and the route's other rules, account
 * scope, the object named by :id, the typed confirmation and the declared
 * inputs — before its handler runs; then the response is written with the
 * security headers of every page, and anything the request left open is
 * closed. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/core/api.h"
#include "cgi-bin/core/form_parse.h"
#include "cgi-bin/core/input.h"
#include "cgi-bin/core/render.h"
#include "cgi-bin/core/reply.h"
#include "cgi-bin/core/routes.h"
#include "cgi-bin/core/serve.h"
#include "cgi-bin/core/session.h"
#include "cgi-bin/jobs/notifications.h"
#include "lib/accounts.h"
#include "lib/core/config.h"
#include "lib/core/log.h"
#include "lib/lang.h"

#include <fcgiapp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UNAVAILABLE (-503)
#define REFUSED (-403)
#define WRONG_METHOD (-405)

/* ClearSilver's CGI kit reads and writes through these callbacks, bound to
 * the FastCGI request the worker is serving (one at a time per worker). */
static FCGX_Request *current;
static int current_env_len;
/* An upload's body, read ahead to be checked (see upload_allowed), is
 * given to the CGI kit from here instead of the stream. */
static struct {
	char *buf;
	size_t len, at;
} replay;

static int read_cb(void *data, char *buf, int len)
{
	if (!replay.buf)
		return FCGX_GetStr(buf, len, current->in);
	size_t n = replay.len - replay.at < (size_t)len ? replay.len - replay.at : (size_t)len;
	memcpy(buf, replay.buf + replay.at, n);
	replay.at += n;
	return (int)n;
}
static int writef_cb(void *data, const char *fmt, va_list ap) { return FCGX_VFPrintF(current->out, fmt, ap); }
static int write_cb(void *data, const char *buf, int len) { return FCGX_PutStr(buf, len, current->out); }

/* The CGI kit asks for dozens of names on every request, most of them
 * absent: a first-letter test spares FCGX_GetParam's comparison with every
 * parameter of the request for each. */
static char *getenv_cb(void *data, const char *key)
{
	size_t n = strlen(key);
	for (int i = 0; i < current_env_len; i++) {
		const char *kv = current->envp[i];
		if (kv[0] == key[0] && strncmp(kv, key, n) == 0 && kv[n] == '=')
			return strdup(kv + n + 1);
	}
	return NULL;
}

static int putenv_cb(void *data, const char *key, const char *value) { return 1; }

static int iterenv_cb(void *data, int n, char **key, char **value)
{
	*key = *value = NULL;
	if (n >= current_env_len)
		return 0;
	const char *kv = current->envp[n];
	const char *eq = strchr(kv, '=');
	if (!eq)
		return 0;
	*key = strndup(kv, (size_t)(eq - kv));
	*value = strdup(eq + 1);
	return (*key && *value) ? 0 : 1;
}

/* ---- writing the response ---- */

static const char *reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 201: return "Created";
	case 204: return "No Content";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 412: return "Precondition Failed";
	case 413: return "Payload Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 501: return "Not Implemented";
	case 503: return "Service Unavailable";
	default: return "Internal Server Error";
	}
}

/* The headers every response carries (kcgi's one function for them). */
static void write_head(struct req *r, int status, const char *content_type)
{
	FCGX_FPrintF(current->out,
		"Status: %d %s\r\n"
		"Content-Type: %s\r\n"
		"Cache-Control: no-store\r\n"
		"Pragma: no-cache\r\n"
		"Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
		" connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'\r\n"
		"X-Content-Type-Options: nosniff\r\n"
		"X-Frame-Options: DENY\r\n"
		"Referrer-Policy: same-origin\r\n"
		"Cross-Origin-Opener-Policy: same-origin\r\n"
		"Permissions-Policy: camera=(), microphone=(), geolocation=()\r\n",
		status, reason(status), content_type);
	if (cookies_secure())
		FCGX_FPrintF(current->out, "Strict-Transport-Security: max-age=31536000\r\n");
	if (status == 503)
		FCGX_FPrintF(current->out, "Retry-After: 30\r\n");
	if (status == 401)
		FCGX_FPrintF(current->out, "WWW-Authenticate: %s\r\n", r->challenge ? r->challenge : "Bearer realm=\"switchboard\"");
	if (r->download_name)
		FCGX_FPrintF(current->out, "Content-Disposition: attachment; filename=\"%s\"\r\n", r->download_name);
	for (int i = 0; i < r->n_cookies; i++)
		FCGX_FPrintF(current->out, "Set-Cookie: %s\r\n", r->set_cookie[i]);
	if (r->location[0] && status == 303)
		FCGX_FPrintF(current->out, "Location: %s\r\n", r->location);
	if (r->resource_location[0] && status == 201)
		FCGX_FPrintF(current->out, "Location: %s\r\n", r->resource_location);
	if (r->etag[0])
		FCGX_FPrintF(current->out, "ETag: %s\r\n", r->etag);
	FCGX_FPrintF(current->out, "\r\n");
}

static void write_body(struct req *r, const char *body, size_t len)
{
	if (strcmp(r->method, "HEAD") != 0 && len)
		FCGX_PutStr(body, (int)len, current->out);
}

/* A body streamed from a file, a piece at a time (exports, attachments). */
static void write_body_file(struct req *r, FILE *f)
{
	char buf[65536];
	size_t n;
	rewind(f);
	if (strcmp(r->method, "HEAD") != 0)
		while ((n = fread(buf, 1, sizeof buf, f)) > 0)
			if (FCGX_PutStr(buf, (int)n, current->out) < 0)
				break;
}

int reply_write(struct req *r, const void *data, size_t n)
{
	if (n == 0 || strcmp(r->method, "HEAD") == 0)
		return 0;
	return FCGX_PutStr(data, (int)n, current->out) == (int)n ? 0 : -1;
}

/* Last resort when even the error template cannot render: plain, escaped. */
static void write_bare_error(struct req *r, int status, const char *message)
{
	write_head(r, status, "text/html; charset=utf-8");
	FCGX_FPrintF(current->out, "<!doctype html><meta charset=utf-8><title>%d</title><h1>%d %s</h1>",
		     status, status, reason(status));
	if (message) {
		char *esc = NULL;
		if (cgi_html_escape_strfunc(message, &esc) == STATUS_OK && esc) {
			FCGX_FPrintF(current->out, "<pre>%s</pre>", esc);
			free(esc);
		}
	}
}

/* The footer's Supported Languages (guide §1.3): every language that
 * exists, each named in its own words, the page's own address to come back
 * to with its search, sort and filters, and a token for its POST - a
 * signed-out page gets the double-submit one of the sign-in forms. */
static void publish_languages(struct req *r)
{
	char codes[LANG_MAX][LANG_CODE], key[128], name[64];
	int n = lang_available(codes, LANG_MAX);
	for (int i = 0; i < n; i++) {
		snprintf(key, sizeof key, "accounts.account_form.languages.%.15s", codes[i]);
		HDF *own = render_lang_of(codes[i]);
		const char *text = own ? hdf_get_value(own, key, NULL) : NULL;
		snprintf(name, sizeof name, "Languages.%d.code", i);
		hdf_set_value(r->hdf, name, codes[i]);
		snprintf(name, sizeof name, "Languages.%d.name", i);
		hdf_set_value(r->hdf, name, text ? text : lang(r, key));
	}
	const char *qs = hdf_get_value(r->hdf, "CGI.QueryString", "");
	int get = strcmp(r->method, "GET") == 0 || strcmp(r->method, "HEAD") == 0;
	char back[4096];
	snprintf(back, sizeof back, "%s%s%s", r->path, get && *qs ? "?" : "", get ? qs : "");
	hdf_set_value(r->hdf, "Page.Back", back);
	if (!r->signed_in && !hdf_get_value(r->hdf, "CSRF", NULL))
		prelogin_token(r);
}

static void respond_page(struct req *r, int status, const char *template)
{
	STRING out;
	publish_languages(r);
	char err[1024];
	string_init(&out);
	if (render_page(r->hdf, template, &out, err, sizeof err) == 0) {
		/* Macro definitions leave blank lines before the doctype. */
		size_t skip = 0;
		while (skip < (size_t)out.len && (out.buf[skip] == '\n' || out.buf[skip] == ' '))
			skip++;
		write_head(r, status, "text/html; charset=utf-8");
		write_body(r, out.buf + skip, (size_t)out.len - skip);
		string_clear(&out);
		return;
	}
	string_clear(&out);
	/* A broken template: show which file and line, inside the layout if it still works. */
	string_init(&out);
	hdf_remove_tree(r->hdf, "Error");
	hdf_set_value(r->hdf, "Error.Template", err);
	hdf_set_int_value(r->hdf, "Error.Status", 500);
	char err2[1024];
	if (strcmp(template, "error.cs") != 0 && render_page(r->hdf, "error.cs", &out, err2, sizeof err2) == 0) {
		write_head(r, 500, "text/html; charset=utf-8");
		write_body(r, out.buf, (size_t)out.len);
	} else {
		write_bare_error(r, 500, err);
	}
	string_clear(&out);
}

static void respond_error(struct req *r, int status)
{
	hdf_set_int_value(r->hdf, "Error.Status", status);
	respond_page(r, status, "error.cs");
}

/* ---- the front line ---- */

/* Account scope (ARCHITECTURE §4): the account named by the path, or a
 * customer user's own. A miss is a 404, not a 403, so ids do not leak. */
static int load_scope(struct req *r)
{
	struct account_reach who = {
		.own_account_id = r->me.account_id,
		.partner_id = role_is_partner(r->me.role) ? r->me.partner_id : "",
		.manager_id = r->me.restricted ? r->me.id : 0,
	};
	struct account_ref a;
	int found = account_find_in_reach(r->db, &who, r->acct.id, &a);
	if (found != 1)
		return found < 0 ? SERVER_ERROR : NOT_FOUND;
	r->acct.is_partner = a.is_partner;
	r->acct.active = a.active;
	r->acct.mivb = a.mivb;
	r->acct.zoom = a.zoom;
	r->acct.micollab = a.micollab;
	hdf_set_int_value(r->hdf, "Account.micollab", a.micollab);
	hdf_set_int_value(r->hdf, "Account.zoom", a.zoom);
	snprintf(r->acct.name, sizeof r->acct.name, "%s", a.name);
	hdf_set_int_value(r->hdf, "Account.mivb", a.mivb);
	hdf_set_value(r->hdf, "Account.id", a.id);
	hdf_set_value(r->hdf, "Account.name", a.name);
	hdf_set_int_value(r->hdf, "Account.is_partner", a.is_partner);
	hdf_set_value(r->hdf, "Account.status", a.active ? "active" : "deactivated");
	return DONE;
}

/* What the layout needs to draw navigation by role: Can.<feature>.<verb>. */
static void publish_permissions(struct req *r)
{
	static const struct { enum verb v; const char *name; } verbs[] = {
		{VERB_VIEW, "view"}, {VERB_ADD, "add"}, {VERB_EDIT, "edit"}, {VERB_ASSIGN, "assign"}, {VERB_DELETE, "delete"},
	};
	char key[96];
	for (int f = FEAT_ACCOUNTS; f < FEAT_COUNT; f++)
		for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
			if (can(r, (enum feature)f, verbs[i].v)) {
				snprintf(key, sizeof key, "Can.%s.%s", feature_key((enum feature)f), verbs[i].name);
				hdf_set_value(r->hdf, key, "1");
			}
	hdf_set_int_value(r->hdf, "Me.is_partner", role_is_partner(r->me.role));
	hdf_set_value(r->hdf, "CSRF", r->csrf);
}

static void publish_flash(struct req *r)
{
	const char *key = hdf_get_value(r->hdf, "Cookie." FLASH_COOKIE, NULL);
	if (!key || !*key)
		return;
	/* Only known message keys: the cookie is client input. */
	if (strncmp(key, "flash.", 6) == 0 && strspn(key, "abcdefghijklmnopqrstuvwxyz_.") == strlen(key)) {
		HDF *tree = render_lang();
		const char *text = tree ? hdf_get_value(tree, key, NULL) : NULL;
		if (text)
			hdf_set_value(r->hdf, "Flash.Message", text);
	}
	set_cookie(r, FLASH_COOKIE, "", 0);
}

/* 1 when the query string carries a parameter called name. */
static int query_string_has(const char *qs, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = qs; p && *p; p = strchr(p, '&'), p = p ? p + 1 : NULL)
		if (strncmp(p, name, n) == 0 && (p[n] == '=' || p[n] == '&' || p[n] == 0))
			return 1;
	return 0;
}

/* The token comes in the form body only: a query string ends up in logs,
 * history and Referer headers. */
static int csrf_ok(struct req *r)
{
	if (query_string_has(hdf_get_value(r->hdf, "CGI.QueryString", ""), "_csrf"))
		return 0;
	const char *sent = hdf_get_value(r->hdf, "Query._csrf", "");
	const char *expected = r->signed_in ? r->csrf : hdf_get_value(r->hdf, "Cookie." PRELOGIN_COOKIE, "");
	return *sent && *expected && const_time_eq(sent, expected);
}

/* The route's rules about who may call it, beyond its permission. */
static int caller_allowed(struct req *r)
{
	unsigned f = r->route->flags;
	int partner = role_is_partner(r->me.role);
	if ((f & R_PARTNER) && !partner)
		return 0;
	if ((f & R_UNRESTRICTED) && r->me.restricted)
		return 0;
	if ((f & R_LOCAL_SIGN_IN) && r->me.via_idp)
		return 0;
	return can(r, r->route->feature, r->route->verb);
}

/* The route's rules about the kind of account the path names (loaded). */
static int account_kind_allowed(const struct req *r, unsigned f)
{
	if ((f & R_CUSTOMER) && r->acct.is_partner)
		return 0;
	if ((f & R_MIVB) && !r->acct.mivb)
		return 0;
	/* Partner staff are managed by partner administrators only (guide §2.15). */
	if ((f & R_STAFF_ADMIN) && r->acct.is_partner && r->me.role != ROLE_PARTNER_ADMIN)
		return 0;
	return 1;
}

/* The rules about the account the path names. DONE to go on (or with a
 * redirect set), else the status to answer. */
static int account_allowed(struct req *r)
{
	unsigned f = r->route->flags;
	int rc = load_scope(r);
	if (rc != DONE)
		return rc;
	if (!account_kind_allowed(r, f))
		return NOT_FOUND;
	/* A deactivated account must be reactivated before anything else. */
	if (!r->acct.active && !(f & R_DEACTIVATED))
		redirect(r, "/a/%s/reactivate", r->acct.id);
	else if (r->acct.active && (f & R_DEACTIVATED))
		redirect(r, "/a/%s/info", r->acct.id);
	return DONE;
}

/* An API route's front line, in the same fixed order: credential and its
 * kind, the account the path names within the credential's reach, the
 * object named by :id, the JSON body; then the handler. */
static int api_front_line(struct req *r)
{
	/* Bound to one account, a credential reaches that account; else every
	 * account of its partner: looked up with the credential, in its query. */
	struct account_ref a;
	memset(&a, 0, sizeof a);
	if (!(r->route->flags & R_PUBLIC)) {
		int rc = api_authenticate(r, &a);
		if (rc != DONE)
			return rc;
	}
	if (r->acct.id[0]) {
		if (!a.id[0])
			return NOT_FOUND;
		r->acct.is_partner = a.is_partner;
		r->acct.active = a.active;
		snprintf(r->acct.name, sizeof r->acct.name, "%s", a.name);
		if ((r->route->flags & R_CUSTOMER) && a.is_partner)
			return NOT_FOUND;
	}
	if (r->route->load) {
		int found = r->route->load(r);
		if (found != 1)
			return found < 0 ? SERVER_ERROR : NOT_FOUND;
	}
	int rc = api_read_body(r);
	if (rc != DONE || r->body)
		return rc;
	r->status = 200;
	return r->route->handler(r);
}

int allowed(struct req *r, const char *method, const char *path)
{
	struct req *probe = malloc(sizeof *probe);
	if (!probe)
		return 0;
	*probe = *r;
	int matched, ok = 0;
	probe->route = route_match(method, path, probe, &matched);
	/* Only a path of the page's own account (or of none): its scope is the one loaded. */
	if (probe->route && r->signed_in && strcmp(probe->acct.id, r->acct.id) == 0)
		ok = ((probe->route->flags & R_PUBLIC) || caller_allowed(probe)) &&
		     account_kind_allowed(probe, probe->route->flags);
	free(probe);
	return ok;
}

/* The request's language: the one the signed-in user chose, else the one
 * chosen on this browser, else their account's Default Language, else the
 * first of the browser's Accept-Language that exists, else English
 * (Supported Languages, guide §1.3; Default Language, §2.2, §2.3). Only a
 * language that exists (lib/lang.h) is taken from any of them. */
static void choose_language(struct req *r)
{
	const char *cookie = hdf_get_value(r->hdf, "Cookie." LANGUAGE_COOKIE, "");
	char accepted[LANG_CODE];
	const char *code = "en";
	if (r->signed_in && lang_exists(r->me.language))
		code = r->me.language;
	else if (lang_exists(cookie))
		code = cookie;
	else if (r->signed_in && lang_exists(r->me.account_language))
		code = r->me.account_language;
	else if (lang_from_accept(FCGX_GetParam("HTTP_ACCEPT_LANGUAGE", current->envp), accepted))
		code = accepted;
	snprintf(r->language, sizeof r->language, "%s", code);
	render_use_language(r->language);
	hdf_set_value(r->hdf, "Page.Language", r->language);
}

/* The machine front has no session or cookie to choose by: its messages
 * follow the caller's Accept-Language, else English. */
static void choose_machine_language(struct req *r)
{
	char accepted[LANG_CODE];
	if (lang_from_accept(FCGX_GetParam("HTTP_ACCEPT_LANGUAGE", current->envp), accepted)) {
		snprintf(r->language, sizeof r->language, "%s", accepted);
		render_use_language(r->language);
	}
}

static int front_line(struct req *r)
{
	int path_matched;
	if (api_machine_path(r->path))
		choose_machine_language(r);
	r->route = route_match(r->method, r->path, r, &path_matched);
	if (r->route && (r->route->flags & R_API))
		return api_front_line(r);
	if (!r->route && api_machine_path(r->path))
		return path_matched ? WRONG_METHOD : NOT_FOUND;
	/* A public route that draws no page (/ping) has no use for who is
	 * asking; every other one reads the session, and the bell comes with
	 * that same query for pages that draw it. */
	int raw = r->route && (r->route->flags & R_RAW);
	int bare = raw && (r->route->flags & R_PUBLIC);
	int signed_in = bare ? 0 : session_load(r, r->route && !raw);
	if (signed_in < 0)
		return UNAVAILABLE;
	r->signed_in = signed_in;
	if (!bare)
		choose_language(r);
	if (r->signed_in)
		notifications_in_language(r);
	if (r->signed_in)
		publish_permissions(r);
	if (!r->route)
		return path_matched ? WRONG_METHOD : NOT_FOUND;
	unsigned f = r->route->flags;
	if (!(f & R_PUBLIC) && !r->signed_in)
		return done(r, NULL, "/login");
	if (strcmp(r->method, "POST") == 0 && !(f & R_FOREIGN) && !csrf_ok(r))
		return REFUSED;
	if (!(f & R_PUBLIC) && !caller_allowed(r))
		return NOT_FOUND;
	if (r->acct.id[0] && !(f & R_FOREIGN)) {
		int rc = account_allowed(r);
		if (rc != DONE || r->location[0])
			return rc;
	} else if (r->signed_in && !role_is_partner(r->me.role)) {
		/* Account admins and users always work inside their own account. */
		snprintf(r->acct.id, sizeof r->acct.id, "%s", r->me.account_id);
		int rc = load_scope(r);
		if (rc != DONE)
			return rc == NOT_FOUND ? SERVER_ERROR : rc;
		r->acct.id[0] = 0; /* the path named no account */
	}
	if (r->route->load) {
		int found = r->route->load(r);
		if (found != 1)
			return found < 0 ? SERVER_ERROR : NOT_FOUND;
	}
	if (r->signed_in && strcmp(r->method, "GET") == 0)
		publish_flash(r);
	hdf_set_value(r->hdf, "Page.Route", r->route->pattern);
	r->status = 200;
	/* A wrong confirmation word stops here; the declared inputs' messages are
	 * put next to their fields, and the handler adds its cross-field rules'
	 * before it draws the form again (invalid()) with every message at once. */
	if (strcmp(r->method, "POST") == 0) {
		if (!confirm_check(r))
			return invalid(r);
		inputs_check(r);
	}
	return r->route->handler(r);
}

/* A request refused before any handler (a body that cannot be read, an
 * upload where none is taken): the machine front answers in its own
 * format, the console with a bare page. */
static void write_client_error(struct req *r, int status)
{
	if (api_machine_path(r->path)) {
		api_error_body(r, status);
		write_head(r, status, r->content_type);
		write_body(r, r->body, r->body_len);
	} else {
		write_bare_error(r, status, NULL);
	}
}

#define UPLOAD_MAX_PARTS 64
#define UPLOAD_MAX_BYTES (12 * 1024 * 1024)       /* nginx's client_max_body_size */
#define API_UPLOAD_MAX_BYTES (27 * 1024 * 1024)   /* nginx's, where the apps send support logs */

/* Multipart bodies are parsed by the CGI kit before any route or session
 * is known, and its parser slows down with the number of parts. So a
 * multipart body is read only for a route that takes uploads, and refused
 * (400) with more parts than any form of ours sends. 0 to go on, else the
 * status to answer. */
static int upload_allowed(struct req *r)
{
	const char *type = FCGX_GetParam("CONTENT_TYPE", current->envp);
	if (!type || strncasecmp(type, "multipart/", 10) != 0)
		return 0;
	int path_matched;
	struct req probe;
	memset(&probe, 0, sizeof probe);
	const struct route *rt = route_match(r->method, r->path, &probe, &path_matched);
	if (!rt || !(rt->flags & R_UPLOAD))
		return 415;
	const char *b = strstr(type, "boundary=");
	const char *length = FCGX_GetParam("CONTENT_LENGTH", current->envp);
	long len = length ? strtol(length, NULL, 10) : 0;
	if (!b || len <= 0 || len > ((rt->flags & R_API) ? API_UPLOAD_MAX_BYTES : UPLOAD_MAX_BYTES))
		return 400;
	char delimiter[200];
	snprintf(delimiter, sizeof delimiter, "--%.*s", (int)strcspn(b + 9, "; "), b + 9);
	replay.buf = malloc((size_t)len + 1);
	if (!replay.buf)
		return 500;
	replay.len = (size_t)FCGX_GetStr(replay.buf, (int)len, current->in);
	replay.buf[replay.len] = 0;
	replay.at = 0;
	int parts = 0;
	for (char *p = memmem(replay.buf, replay.len, delimiter, strlen(delimiter)); p && parts <= UPLOAD_MAX_PARTS + 1;
	     p = memmem(p + 1, replay.len - (size_t)(p + 1 - replay.buf), delimiter, strlen(delimiter)))
		parts++;
	return parts > UPLOAD_MAX_PARTS + 1 ? 400 : 0;
}

/* Galera (ARCHITECTURE §10): a node applies the other nodes' commits a
 * moment after they are acknowledged, so a read on one node may miss a
 * write just made through another. Reads are made causal - they wait until
 * their node has applied every commit acknowledged before them - where that
 * matters: in a request that writes (its checks must see the latest rows),
 * on the machine API (its clients read what they just wrote, without
 * cookies), and on the pages a browser asks for within SYNC_SECONDS after
 * one of its own writes (the redirect after a POST above all), which a
 * cookie marks. Every other page reads its node as it is, without the wait. */
#define SYNC_COOKIE "sb_sync"
#define SYNC_SECONDS 30

static int cookie_sent(const char *name)
{
	const char *cookies = FCGX_GetParam("HTTP_COOKIE", current->envp);
	size_t n = strlen(name);
	for (const char *p = cookies; p && (p = strstr(p, name)); p += n)
		if ((p == cookies || p[-1] == ' ' || p[-1] == ';') && p[n] == '=')
			return 1;
	return 0;
}

static int causal_reads(const struct req *r)
{
	return (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0) || strncmp(r->path, "/api/", 5) == 0 ||
	       strncmp(r->path, "/scim/", 6) == 0 || cookie_sent(SYNC_COOKIE);
}

NEOERR *request_cgi_open(CGI **cgi, HDF *hdf)
{
	NEOERR *err = cgi_init(cgi, hdf);
	if (!err)
		err = form_parse_register(*cgi);
	if (!err)
		err = api_parse_register(*cgi);
	return err;
}

/* cgi_destroy leaves the parse callbacks cgi_register_parse_cb allocated
 * (each node and its copies of method and type), and a worker lives for
 * many requests: they are freed here first. */
void request_cgi_close(CGI **cgi)
{
	struct _cgi_parse_cb *next;
	for (struct _cgi_parse_cb *cb = (*cgi)->parse_callbacks; cb; cb = next) {
		next = cb->next;
		free(cb->method);
		free(cb->ctype);
		free(cb);
	}
	(*cgi)->parse_callbacks = NULL;
	cgi_destroy(cgi);
}

void request_handle(FCGX_Request *fr, db *d)
{
	struct req r;
	memset(&r, 0, sizeof r);
	current = fr;
	for (current_env_len = 0; fr->envp[current_env_len]; current_env_len++)
		;
	cgiwrap_init_emu(NULL, read_cb, writef_cb, write_cb, getenv_cb, putenv_cb, iterenv_cb);
	r.db = d;
	const char *m = FCGX_GetParam("REQUEST_METHOD", fr->envp);
	r.method = m ? m : "GET";
	const char *p = FCGX_GetParam("PATH_INFO", fr->envp);
	r.path = p && *p ? p : "/";
	/* English until the front line has chosen: nothing of the last request's. */
	snprintf(r.language, sizeof r.language, "en");
	render_use_language(r.language);
	r.authorization = FCGX_GetParam("HTTP_AUTHORIZATION", fr->envp);
	db_settle(d);
	db_causal(d, causal_reads(&r));
	r.if_match = FCGX_GetParam("HTTP_IF_MATCH", fr->envp);
	r.if_none_match = FCGX_GetParam("HTTP_IF_NONE_MATCH", fr->envp);

	int refused = upload_allowed(&r);
	if (refused) {
		write_client_error(&r, refused);
		goto finish;
	}
	HDF *hdf = NULL;
	NEOERR *err = hdf_init(&hdf);
	if (!err)
		err = request_cgi_open(&r.cgi, hdf);
	if (!err)
		err = cgi_parse(r.cgi);
	r.hdf = hdf;
	if (err) {
		/* Malformed bodies or uploads: the client's fault, nothing to render
		 * with. The machine front answers in its own format; a JSON body
		 * past its limit is too large. */
		const char *length = FCGX_GetParam("CONTENT_LENGTH", fr->envp);
		int too_large = length && strtol(length, NULL, 10) > API_BODY_MAX;
		nerr_ignore(&err);
		write_client_error(&r, too_large ? 413 : 400);
		goto finish;
	}
	hdf_set_value(hdf, "Page.Path", r.path);
	hdf_set_value(hdf, "Cloud.Location", cfg_str("Cloud.Location", ""));

	int rc = front_line(&r);
	/* A handler's error while the database is away is an outage, not a bug. */
	char why[512];
	snprintf(why, sizeof why, "%s", db_error(d));
	if (rc == SERVER_ERROR && db_ping(d) != 0)
		rc = UNAVAILABLE;
	if (rc == DONE && r.location[0]) {
		if (db_galera(d) && strcmp(r.method, "POST") == 0)
			set_cookie(&r, SYNC_COOKIE, "1", SYNC_SECONDS);
		write_head(&r, 303, "text/html; charset=utf-8");
	} else if (rc == DONE && r.stream) {
		/* The status is sent before the body is read: a failure half-way
		 * can only cut the body short, and is logged. */
		write_head(&r, r.status ? r.status : 200, r.content_type ? r.content_type : "text/plain; charset=utf-8");
		if (r.stream(&r) != 0)
			log_error("%s %s: streamed body cut short: %s", r.method, r.path, db_error(d));
	} else if (rc == DONE && r.body) {
		write_head(&r, r.status, r.content_type ? r.content_type : "text/plain; charset=utf-8");
		write_body(&r, r.body, r.body_len);
	} else if (rc == DONE && r.body_file) {
		write_head(&r, r.status, r.content_type ? r.content_type : "application/octet-stream");
		write_body_file(&r, r.body_file);
	} else if (rc == DONE && r.route && (r.route->flags & R_RAW)) {
		write_head(&r, r.status && r.status != 200 ? r.status : 204, "text/plain; charset=utf-8");
	} else if (rc == DONE) {
		const char *t = r.template ? r.template : r.route->template;
		respond_page(&r, r.status ? r.status : 200, t);
	} else {
		int status = -rc;
		if (status == 500)
			log_error("%s %s: handler failed: %s", r.method, r.path, why);
		else if (status == 503)
			log_error("%s %s: database unavailable: %s", r.method, r.path, why);
		if (api_machine_path(r.path)) {
			api_error_body(&r, status);
			write_head(&r, status, r.content_type);
			write_body(&r, r.body, r.body_len);
		} else {
			respond_error(&r, status);
		}
	}
finish:
	/* Whatever a handler left open is not committed by the next request. */
	if (db_in_tx(d)) {
		log_error("%s %s: a transaction was left open; rolled back", r.method, r.path);
		db_rollback(d);
	}
	free(r.body);
	if (r.body_file)
		fclose(r.body_file);
	json_decref(r.json);
	free(replay.buf);
	replay.buf = NULL;
	if (r.cgi)
		request_cgi_close(&r.cgi); /* frees the HDF tree it was given too */
	else if (r.hdf)
		hdf_destroy(&r.hdf);
	current = NULL;
}
