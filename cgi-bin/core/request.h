#ifndef SB_REQUEST_H
#define SB_REQUEST_H
/* One request's context, shared by the front line (request.c) and the
 * screen handlers. By the time a handler runs, the route table's every rule
 * has been checked: session, CSRF, permission, account scope, the object
 * named by :id (in r->obj) and the typed confirmation; the declared inputs
 * are read, echoed and checked, with a message next to each bad one. A form
 * handler adds its cross-field rules, returns invalid(r) when any field has
 * a message, and otherwise reads its inputs with in(), calls lib/, fills
 * r->hdf and either lets its template render or redirects. They never touch the socket,
 * build HTML or hold SQL. */
#include <ClearSilver.h>
#include <stdio.h>
#include <jansson.h>
#include "lib/applications.h"
#include "lib/audit.h"
#include "lib/core/crypto.h"
#include "lib/core/db.h"
#include "lib/credentials.h"
#include "lib/import/import.h"
#include "lib/integrations.h"
#include "lib/inventory.h"
#include "lib/jobs.h"
#include "lib/notifications.h"
#include "lib/perm.h"
#include "lib/roles.h"
#include "lib/support_logs.h"
#include "lib/scim_sources.h"
#include "lib/users.h"
#include "lib/mivb/numbers.h"
#include "lib/user_templates.h"

struct route;

/* The signed-in user. */
struct me {
	long long id;
	char id_text[24];
	char account_id[UUID_LEN];     /* the account the user belongs to */
	char partner_id[UUID_LEN];     /* the partner account governing them (own id for partner users) */
	enum role role;
	struct grants grants;          /* effective permissions: built-in role narrowed by a custom one */
	int restricted;                /* an account manager: only assigned customer accounts */
	int via_idp;                   /* signed in through the partner identity provider (guide §1.2) */
	char name[1024];
	char email[1024];
	char language[16];             /* the language they chose, "" for none */
	char account_language[16];     /* their account's Default Language */
	int subscriptions;             /* their partner has a billing account and is no Prime Partner (guide §2.7) */
};

/* The account named by the :acct part of the path, after the scope check;
 * for a customer user on a path without one, their own account. */
struct scope_account {
	char id[UUID_LEN];
	int is_partner;                /* the partner account itself */
	int active;
	int mivb;                      /* the MiVoice Business menu is on (routes' R_MIVB) */
	int zoom;                      /* Zoom is integrated too (MiVoice Business Emergency Services) */
	int micollab;                  /* MiCollab is present (MiVoice Business Tools) */
	char name[1024];
};

/* The object the route's loader found (routes.def's LOAD column). */
union route_object {
	struct user user;
	struct custom_role role;
	struct import_batch batch;
	struct job_row job;
	struct notification notification;
	struct support_log_ref support_log;
	struct platform platform;
	struct daemon daemon;
	struct application application;
	struct scim_source scim_source;
	struct mivb_range mivb_range;
	struct user_template user_template;
	struct account_integrations integrations;   /* read with the credential (routes.h signing_in) */
};

struct req {
	CGI *cgi;
	HDF *hdf;                      /* the request's data: Query.*, Cookie.*, and what handlers set */
	db *db;
	const struct route *route;
	const char *method;
	const char *path;
	char path_id[24];              /* the :id part of the path, as text */
	long long id;                  /* ... and as a number */
	char path_ref[65];             /* the :ref part: an outside system's reference (an order's number) */
	struct scope_account acct;
	union route_object obj;
	int signed_in;
	struct me me;
	char language[16];             /* the request's language (request.c chooses it) */
	char session_hash[TOKEN_HEX];
	char csrf[TOKEN_HEX];
	/* API routes: the bearer credential that signed the request in, the
	 * Authorization header it came in, and the JSON body (NULL: none). */
	struct credential machine;
	const char *authorization;
	json_t *json;
	/* conditional requests (RFC 7232; SCIM's meta.version, RFC 7644 §3.14) */
	const char *if_match, *if_none_match;

	/* the response */
	int status;
	const char *template;          /* screen template, rendered inside layout.cs */
	char location[4096];           /* set by redirect() (or redirect_away()) */
	char set_cookie[4][512];
	int n_cookies;
	const char *content_type;      /* for non-HTML responses */
	char *body;                    /* raw body for non-HTML responses (malloc'd) */
	size_t body_len;
	FILE *body_file;               /* or a body too large to hold: streamed from its start, then closed */
	const char *download_name;     /* Content-Disposition: attachment; filename=... */
	/* A body too large to hold (a download of any size): after the headers,
	 * stream(r) writes it in pieces with reply_write(), and frees stream_ctx.
	 * It is called for HEAD too (reply_write then sends nothing). */
	int (*stream)(struct req *r);
	void *stream_ctx;
	const char *challenge;         /* a 401's WWW-Authenticate other than Bearer (OAuth's Basic) */
	char etag[48];                 /* an ETag header, when set */
	char resource_location[1024];  /* the Location of a resource a POST created (201) */
};

/* Handler return values. */
#define DONE 0          /* render r->template (status r->status) or redirect */
#define NOT_FOUND (-404)
#define UNPROCESSABLE (-422)  /* a request with bad input and no form to draw it on */
#define SERVER_ERROR (-500)

/* ---- input ---- */

/* A declared input's checked value (routes.def): trimmed, "" if absent. */
const char *in(struct req *r, const char *name);
int in_checked(struct req *r, const char *name);
long long in_int(struct req *r, const char *name);
/* Every value of a declared IN_LIST input, in the order sent; returns how many. */
int in_list(struct req *r, const char *name, const char **out, int max);

/* Query parameters of a page that are not a form (list filters, sort,
 * page): the trimmed value, "" if absent. */
const char *form(struct req *r, const char *name);
long form_int(struct req *r, const char *name, long fallback, long min, long max);
int form_checked(struct req *r, const char *name);   /* "1", "on" or "true" */
int form_list(struct req *r, const char *name, const char **out, int max);

/* A form's starting value, shown unless the form comes back with what the
 * person typed (a failed POST re-renders the form with their input). */
void form_default(struct req *r, const char *name, const char *value);

/* Checks a text field that is not declared because whether it is required
 * depends on another field: valid UTF-8, no control characters, required,
 * at most max_chars. Echoes it; 0 with a message next to it when it fails. */
int check_text(struct req *r, const char *field, int required, size_t max_chars);

/* A message next to a field (Form.Errors.<field>). */
void field_error(struct req *r, const char *field, const char *lang_key);
int form_has_errors(struct req *r);

/* ---- outcomes ---- */

/* The form comes back with the person's input, each message next to its
 * field and status 422: the route's GET page is drawn again. */
int invalid(struct req *r);
/* A POST that worked: the message shown once on the next page, and a 303
 * to path. Returns DONE. */
int done(struct req *r, const char *flash_key, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void redirect(struct req *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A 303 to another site: an identity provider's sign-in page with our
 * AuthnRequest. Only for a URL the console built itself, never one the
 * request brought (redirect() keeps those local). 0, or -1 when too long. */
int redirect_away(struct req *r, const char *url);
void flash(struct req *r, const char *lang_key);      /* shown once on the next page */
void set_cookie(struct req *r, const char *name, const char *value, int max_age);

/* Runs body in one transaction (lib/core/db.h db_tx): committed when it
 * returns 0; anything else rolls back. A positive value is a rule's refusal
 * and comes back as is; -1 is an error. */
int tx(struct req *r, int (*body)(struct req *r, void *arg), void *arg);

/* An event in account_id's history by the signed-in user (guide §2.16),
 * inside the caller's transaction; details may be NULL and is not taken.
 * 0, or -1. */
int event(struct req *r, const char *account_id, const char *action, const char *asset_type,
	  const char *asset_id, const char *asset_name, json_t *details);
struct actor me_actor(struct req *r);

/* Writes part of a streamed body (r->stream): 0, or -1 when the client is gone. */
int reply_write(struct req *r, const void *data, size_t n);

/* ---- the API front (routes flagged R_API) ---- */

/* Answers with a JSON document (taken; NULL is an error). Returns DONE. */
int api_json(struct req *r, int status, json_t *doc);
/* Answers status with {"status", "code", "error": message, "fields": {name:
 * problem}} (fields taken, may be NULL): code names the error for programs,
 * the same in every language; the message is templates/lang's
 * api.errors.<code> in the request's language (Accept-Language on the
 * machine front). A SCIM request gets RFC 7644's Error with that message as
 * its detail. Returns DONE. */
int api_error(struct req *r, int status, const char *code, json_t *fields);

/* ---- text ---- */

const char *lang(struct req *r, const char *key);     /* text from templates/lang */
/* The text with its "{n}" replaced by n. Lang text is never a format string:
 * administrators may edit it. */
void lang_number(struct req *r, const char *key, long n, char *out, size_t size);
/* A count in words: key_one's text when n is 1, else key_other's, with its
 * "{n}" replaced by n written in the request's language (lib/lang.h:
 * "10,000 users", "10 000 utilisateurs", "1 user"). */
void lang_count(struct req *r, const char *key_one, const char *key_other, long long n, char *out, size_t size);

/* Whether the route table lets the signed-in user call method on path (a
 * path of the page's own account): every rule the front line checks before
 * a handler, but the object's existence. For drawing the controls that lead
 * there, so that a page offers exactly what its routes allow. */
int allowed(struct req *r, const char *method, const char *path);

/* The signed-in user's effective permission (the route table's check, for
 * the parts of a page a route covers only in part: controls, fields). */
int can(const struct req *r, enum feature f, enum verb v);
#endif
