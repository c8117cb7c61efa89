#ifndef SB_REQUEST_H
#define SB_REQUEST_H
/* One request's context, shared by the front line (request.c) and the
 * screen handlers. Handlers read input with form_*(), write their data into
 * r->hdf, and either name a template (r->template) or redirect. They never
 * touch the socket or build HTML. */
#include <ClearSilver.h>
#include "lib/audit.h"
#include "lib/core/crypto.h"
#include "lib/core/db.h"
#include "lib/perm.h"

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
	char name[256];
	char email[256];
};

/* The condition every query listing, searching or counting a partner's
 * customer accounts adds (col: the account id column): an account manager
 * sees only the accounts assigned to them. A program literal chosen by who
 * asks, rather than one condition for both ("? = 0 OR col IN (...)"), which
 * keeps MariaDB from using the assignments' index: 10 times slower at
 * 20,000 accounts. Either takes one parameter ("i"), SCOPE_ARG(r). */
#define SCOPE_MINE(col) " AND " col " IN (SELECT account_id FROM account_manager_accounts WHERE user_id = ?)"
#define SCOPE_ALL " AND ? > 0"
#define SCOPE_ASSIGNED(r, col) ((r)->me.restricted ? SCOPE_MINE(col) : SCOPE_ALL)
#define SCOPE_ARG(r) ((r)->me.id)

/* The account named by the :acct part of the path, after the scope check. */
struct scope_account {
	char id[UUID_LEN];
	int is_partner;                /* the partner account itself */
	int active;
	char name[256];
};

struct req {
	CGI *cgi;
	HDF *hdf;                      /* the request's data: Query.*, Cookie.*, and what handlers set */
	db *db;
	const struct route *route;
	const char *method;
	const char *path;
	char path_id[24];              /* the :id part of the path, if any */
	struct scope_account acct;     /* valid when the route has :acct */
	int signed_in;
	struct me me;
	char session_hash[TOKEN_HEX];
	char csrf[TOKEN_HEX];

	/* the response */
	int status;
	const char *template;          /* screen template, rendered inside layout.cs */
	char location[1024];           /* set by redirect() */
	char set_cookie[4][512];
	int n_cookies;
	const char *content_type;      /* for non-HTML responses */
	char *body;                    /* raw body for non-HTML responses (malloc'd) */
	size_t body_len;
};

typedef int (*handler_fn)(struct req *r);

/* Handler return values. */
#define DONE 0          /* render r->template (status r->status) or redirect */
#define NOT_FOUND (-404)
#define SERVER_ERROR (-500)

/* Input. form() returns the trimmed value of a query or form field ("" if absent). */
const char *form(struct req *r, const char *name);
int form_checked(struct req *r, const char *name);   /* a checkbox or toggle */
long form_int(struct req *r, const char *name, long fallback, long min, long max);
/* Every value of a field that may repeat (checkbox lists), at most max, in
 * the order sent; returns how many. The values stay owned by r->hdf. */
int form_list(struct req *r, const char *name, const char **out, int max);

/* Validates a text field: required, maximum length in characters, valid UTF-8.
 * On failure puts the message next to the field (Form.Errors.<field>) and
 * returns 0. The value is echoed back as Form.Values.<field> either way. */
int check_text(struct req *r, const char *field, int required, size_t max_chars);
void field_error(struct req *r, const char *field, const char *lang_key);
int form_has_errors(struct req *r);

/* Output. */
void redirect(struct req *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void flash(struct req *r, const char *lang_key);      /* shown once on the next page */
const char *lang(struct req *r, const char *key);     /* text from templates/lang */
/* The text with its "{n}" replaced by n. Lang text is never a format string:
 * administrators may edit it. */
void lang_number(struct req *r, const char *key, long n, char *out, size_t size);
void set_cookie(struct req *r, const char *name, const char *value, int max_age);

/* The signed-in user's effective permission (the route table's check, for
 * the parts of a page a route covers only in part: controls, fields). */
int can(const struct req *r, enum feature f, enum verb v);

/* Audit helpers bound to the signed-in user. */
struct actor me_actor(struct req *r);
#endif
