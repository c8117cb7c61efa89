/* What a handler does with a request once it knows the outcome: redirect
 * with a message, draw the form again with its errors, write its change in
 * one transaction with its event. */
#include "cgi-bin/core/reply.h"
#include "cgi-bin/core/render.h"
#include "cgi-bin/core/routes.h"
#include "lib/core/config.h"
#include "lib/core/log.h"
#include "lib/lang.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void vredirect(struct req *r, const char *fmt, va_list ap)
{
	vsnprintf(r->location, sizeof r->location, fmt, ap);
	/* Only local paths: never an open redirect. */
	if (r->location[0] != '/' || r->location[1] == '/' || r->location[1] == '\\')
		strcpy(r->location, "/");
}

void redirect(struct req *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vredirect(r, fmt, ap);
	va_end(ap);
}

int redirect_away(struct req *r, const char *url)
{
	if (strlen(url) >= sizeof r->location || (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0))
		return -1;
	strcpy(r->location, url);
	return 0;
}

int done(struct req *r, const char *flash_key, const char *fmt, ...)
{
	if (flash_key)
		flash(r, flash_key);
	va_list ap;
	va_start(ap, fmt);
	vredirect(r, fmt, ap);
	va_end(ap);
	return DONE;
}

int cookies_secure(void)
{
	/* Secure whenever the console is reached over https, unless told otherwise. */
	const char *base = cfg_str("Site.BaseURL", "");
	return cfg_int("Session.CookieSecure", strncmp(base, "https://", 8) == 0);
}

void set_cookie(struct req *r, const char *name, const char *value, int max_age)
{
	if (r->n_cookies >= (int)(sizeof r->set_cookie / sizeof r->set_cookie[0]))
		return;
	char age[32] = "";
	if (max_age >= 0)
		snprintf(age, sizeof age, "; Max-Age=%d", max_age);
	snprintf(r->set_cookie[r->n_cookies++], sizeof r->set_cookie[0], "%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s",
		 name, value, age, cookies_secure() ? "; Secure" : "");
}

void flash(struct req *r, const char *lang_key)
{
	set_cookie(r, FLASH_COOKIE, lang_key, 60);
}

int invalid(struct req *r)
{
	const struct route *page = route_form(r->route);
	r->status = 422;
	hdf_set_value(r->hdf, "Form.HasErrors", "1");
	if (!page)
		return UNPROCESSABLE; /* an action without a form of its own: the error page says so */
	r->template = page->template;
	int rc = page->handler(r);
	r->status = 422;
	r->location[0] = 0;
	return rc;
}

struct tx_call {
	struct req *r;
	int (*body)(struct req *r, void *arg);
	void *arg;
};

static int tx_body(void *ctx)
{
	struct tx_call *c = ctx;
	return c->body(c->r, c->arg);
}

int tx(struct req *r, int (*body)(struct req *r, void *arg), void *arg)
{
	struct tx_call c = {r, body, arg};
	return db_tx(r->db, tx_body, &c);
}

struct actor me_actor(struct req *r)
{
	struct actor a = {r->me.id, r->me.name, r->me.email};
	return a;
}

int event(struct req *r, const char *account_id, const char *action, const char *asset_type,
	  const char *asset_id, const char *asset_name, json_t *details)
{
	struct actor me = me_actor(r);
	return audit_event(r->db, account_id, &me, action, asset_type, asset_id, asset_name, details);
}

int can(const struct req *r, enum feature f, enum verb v)
{
	return r->signed_in && grants_allow(&r->me.grants, f, v);
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

void lang_count(struct req *r, const char *key_one, const char *key_other, long long n, char *out, size_t size)
{
	const char *text = lang(r, n == 1 ? key_one : key_other);
	const char *at = strstr(text, "{n}");
	if (!at) {
		snprintf(out, size, "%s", text);
		return;
	}
	char number[48];
	lang_format_int(r->language, n, number, sizeof number);
	snprintf(out, size, "%.*s%s%s", (int)(at - text), text, number, at + 3);
}
