/* The front line: every request passes here in a fixed order — parse,
 * route, session, CSRF, permission, account scope — before its handler runs;
 * then the response is written with the security headers of every page. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/core/form_parse.h"
#include "cgi-bin/jobs/notifications.h"
#include "cgi-bin/core/render.h"
#include "cgi-bin/core/routes.h"
#include "cgi-bin/core/session.h"
#include "lib/core/config.h"
#include "lib/core/log.h"
#include "lib/core/validate.h"

#include <fcgiapp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define FLASH_COOKIE "sb_flash"

/* ClearSilver's CGI kit reads and writes through these callbacks, bound to
 * the FastCGI request the worker is serving (one at a time per worker). */
static FCGX_Request *current;
static int current_env_len;

static int read_cb(void *data, char *buf, int len) { return FCGX_GetStr(buf, len, current->in); }
static int writef_cb(void *data, const char *fmt, va_list ap) { return FCGX_VFPrintF(current->out, fmt, ap); }
static int write_cb(void *data, const char *buf, int len) { return FCGX_PutStr(buf, len, current->out); }

static char *getenv_cb(void *data, const char *key)
{
	const char *v = FCGX_GetParam(key, current->envp);
	return v ? strdup(v) : NULL;
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

/* ---- input ---- */

const char *form(struct req *r, const char *name)
{
	char key[128];
	snprintf(key, sizeof key, "Query.%s", name);
	HDF *node = hdf_get_obj(r->hdf, key);
	if (!node)
		return "";
	const char *v = hdf_obj_value(node);
	if (!v)
		return "";
	/* Trim once, in place in the tree, so echoes and checks see the same value. */
	size_t len = strlen(v), start = 0;
	while (start < len && (v[start] == ' ' || v[start] == '\t' || v[start] == '\r' || v[start] == '\n'))
		start++;
	while (len > start && (v[len - 1] == ' ' || v[len - 1] == '\t' || v[len - 1] == '\r' || v[len - 1] == '\n'))
		len--;
	if (start == 0 && len == strlen(v))
		return v;
	char *trimmed = strndup(v + start, len - start);
	if (!trimmed)
		return "";
	hdf_set_value(r->hdf, key, trimmed);
	free(trimmed);
	return hdf_get_value(r->hdf, key, "");
}

int form_checked(struct req *r, const char *name)
{
	const char *v = form(r, name);
	return strcmp(v, "1") == 0 || strcmp(v, "on") == 0 || strcmp(v, "true") == 0;
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

int form_list(struct req *r, const char *name, const char **out, int max)
{
	char key[128];
	snprintf(key, sizeof key, "Query.%s", name);
	HDF *node = hdf_get_obj(r->hdf, key);
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

const char *lang(struct req *r, const char *key)
{
	HDF *tree = render_lang();
	return tree ? hdf_get_value(tree, key, key) : key;
}

void lang_number(struct req *r, const char *key, long n, char *out, size_t size)
{
	const char *text = lang(r, key);
	const char *at = strstr(text, "{n}");
	if (!at) {
		snprintf(out, size, "%s", text);
		return;
	}
	snprintf(out, size, "%.*s%ld%s", (int)(at - text), text, n, at + 3);
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

int check_text(struct req *r, const char *field, int required, size_t max_chars)
{
	const char *v = form(r, field);
	char key[160];
	snprintf(key, sizeof key, "Form.Values.%s", field);
	if (!valid_utf8(v)) {
		field_error(r, field, "errors.invalid_text");
		return 0;
	}
	hdf_set_value(r->hdf, key, v);
	if (required && !*v) {
		field_error(r, field, "errors.required");
		return 0;
	}
	if (utf8_length(v) > max_chars) {
		field_error(r, field, "errors.too_long");
		return 0;
	}
	for (const char *p = v; *p; p++) {
		if ((unsigned char)*p < 0x20 && *p != '\t') {
			field_error(r, field, "errors.invalid_text");
			return 0;
		}
	}
	return 1;
}

/* ---- output ---- */

void redirect(struct req *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->location, sizeof r->location, fmt, ap);
	va_end(ap);
	/* Only local paths: never an open redirect. */
	if (r->location[0] != '/' || r->location[1] == '/' || r->location[1] == '\\')
		strcpy(r->location, "/");
}

void set_cookie(struct req *r, const char *name, const char *value, int max_age)
{
	if (r->n_cookies >= 4)
		return;
	char age[32] = "";
	if (max_age >= 0)
		snprintf(age, sizeof age, "; Max-Age=%d", max_age);
	snprintf(r->set_cookie[r->n_cookies++], sizeof r->set_cookie[0], "%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s",
		 name, value, age, cfg_int("Session.CookieSecure", 0) ? "; Secure" : "");
}

void flash(struct req *r, const char *lang_key)
{
	set_cookie(r, FLASH_COOKIE, lang_key, 60);
}

int can(const struct req *r, enum feature f, enum verb v)
{
	return r->signed_in && grants_allow(&r->me.grants, f, v);
}

struct actor me_actor(struct req *r)
{
	struct actor a = {r->me.id, r->me.name, r->me.email};
	return a;
}

/* ---- the front line ---- */

static const char *reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 204: return "No Content";
	case 303: return "See Other";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 413: return "Payload Too Large";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
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
		"Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
		" connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'\r\n"
		"X-Content-Type-Options: nosniff\r\n"
		"X-Frame-Options: DENY\r\n"
		"Referrer-Policy: same-origin\r\n"
		"Cross-Origin-Opener-Policy: same-origin\r\n"
		"Permissions-Policy: camera=(), microphone=(), geolocation=()\r\n",
		status, reason(status), content_type);
	if (cfg_int("Session.CookieSecure", 0))
		FCGX_FPrintF(current->out, "Strict-Transport-Security: max-age=31536000\r\n");
	for (int i = 0; i < r->n_cookies; i++)
		FCGX_FPrintF(current->out, "Set-Cookie: %s\r\n", r->set_cookie[i]);
	if (r->location[0] && status == 303)
		FCGX_FPrintF(current->out, "Location: %s\r\n", r->location);
	FCGX_FPrintF(current->out, "\r\n");
}

static void write_body(struct req *r, const char *body, size_t len)
{
	if (strcmp(r->method, "HEAD") != 0 && len)
		FCGX_PutStr(body, (int)len, current->out);
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

static void respond_page(struct req *r, int status, const char *template)
{
	STRING out;
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

/* Account scope: a partner administrator reaches the partner account and
 * its customer accounts, an account manager the partner account and the
 * customer accounts assigned to them; anyone else only their own account.
 * A miss is a 404. */
static int load_scope(struct req *r)
{
	const char *scope_partner = role_is_partner(r->me.role) ? r->me.partner_id : "";
	int found = db_row(r->db, r->hdf, "Account",
		"SELECT id, name, kind, status, IF(kind = 'partner', 1, 0) AS is_partner"
		" FROM accounts WHERE id = ? AND (id = ? OR (partner_id = ? AND partner_id <> ''"
		" AND (? = 0 OR id IN (SELECT account_id FROM account_manager_accounts WHERE user_id = ?))))",
		"sssii", r->acct.id, r->me.account_id, scope_partner, (long long)r->me.restricted, r->me.id);
	if (found != 1)
		return found < 0 ? SERVER_ERROR : NOT_FOUND;
	r->acct.is_partner = hdf_get_int_value(r->hdf, "Account.is_partner", 0);
	r->acct.active = strcmp(hdf_get_value(r->hdf, "Account.status", ""), "active") == 0;
	snprintf(r->acct.name, sizeof r->acct.name, "%s", hdf_get_value(r->hdf, "Account.name", ""));
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

static int csrf_ok(struct req *r)
{
	const char *sent = hdf_get_value(r->hdf, "Query._csrf", "");
	const char *expected = r->signed_in ? r->csrf : hdf_get_value(r->hdf, "Cookie." PRELOGIN_COOKIE, "");
	return *sent && *expected && const_time_eq(sent, expected);
}

static int front_line(struct req *r)
{
	int path_matched;
	r->route = route_match(r->method, r->path, r, &path_matched);
	r->signed_in = session_load(r);
	if (r->signed_in) {
		publish_permissions(r);
		notifications_publish(r);
	} else
		hdf_remove_tree(r->hdf, "Me");
	if (!r->route)
		return path_matched ? -405 : NOT_FOUND;
	if (!(r->route->flags & R_PUBLIC) && !r->signed_in) {
		redirect(r, "/login");
		return DONE;
	}
	if (strcmp(r->method, "POST") == 0 && !csrf_ok(r))
		return -403;
	if (!(r->route->flags & R_PUBLIC) && !can(r, r->route->feature, r->route->verb))
		return NOT_FOUND;
	if (r->acct.id[0]) {
		int rc = load_scope(r);
		if (rc != DONE)
			return rc;
		/* A deactivated account must be reactivated before anything else. */
		if (!r->acct.active && strcmp(r->route->pattern, "/a/:acct/reactivate") != 0) {
			redirect(r, "/a/%s/reactivate", r->acct.id);
			return DONE;
		}
	} else if (r->signed_in && !role_is_partner(r->me.role)) {
		/* Account admins and users always work inside their own account. */
		snprintf(r->acct.id, sizeof r->acct.id, "%s", r->me.account_id);
		if (load_scope(r) != DONE)
			return SERVER_ERROR;
		r->acct.id[0] = 0; /* the path named no account */
	}
	if (r->signed_in && strcmp(r->method, "GET") == 0)
		publish_flash(r);
	hdf_set_value(r->hdf, "Page.Route", r->route->pattern);
	r->status = 200;
	return r->route->handler(r);
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

	HDF *hdf = NULL;
	NEOERR *err = hdf_init(&hdf);
	if (!err)
		err = cgi_init(&r.cgi, hdf);
	if (!err)
		err = form_parse_register(r.cgi);
	if (!err)
		err = cgi_parse(r.cgi);
	r.hdf = hdf;
	if (err) {
		/* Malformed bodies or uploads: the client's fault, nothing to render with. */
		nerr_ignore(&err);
		write_bare_error(&r, 400, NULL);
		goto done;
	}
	hdf_set_value(hdf, "Page.Path", r.path);
	hdf_set_value(hdf, "Cloud.Location", cfg_str("Cloud.Location", ""));

	int rc = front_line(&r);
	if (rc == DONE && r.location[0]) {
		write_head(&r, 303, "text/html; charset=utf-8");
	} else if (rc == DONE && r.body) {
		write_head(&r, r.status, r.content_type ? r.content_type : "text/plain; charset=utf-8");
		write_body(&r, r.body, r.body_len);
	} else if (rc == DONE && r.route && (r.route->flags & R_RAW)) {
		write_head(&r, r.status ? r.status : 204, "text/plain; charset=utf-8");
	} else if (rc == DONE) {
		const char *t = r.template ? r.template : r.route->template;
		respond_page(&r, r.status ? r.status : 200, t);
	} else {
		int status = rc == NOT_FOUND ? 404 : rc == -403 ? 403 : rc == -405 ? 405 : 500;
		if (status == 500)
			log_error("%s %s: handler failed: %s", r.method, r.path, db_error(d));
		respond_error(&r, status);
	}
done:
	free(r.body);
	if (r.cgi)
		cgi_destroy(&r.cgi); /* frees the HDF tree it was given too */
	else
		hdf_destroy(&hdf);
	current = NULL;
}
