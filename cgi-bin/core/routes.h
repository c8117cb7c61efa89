#ifndef SB_ROUTES_H
#define SB_ROUTES_H
/* The route table (routes.def): one row per method and path, declaring
 * everything the front line (request.c) decides before a handler runs —
 * cgit's command table, kcgi-framework's declared keys. */
#include "cgi-bin/core/request.h"

/* Who may call a route, beyond its permission. */
#define R_PUBLIC      (1u << 0)  /* no session needed */
#define R_RAW         (1u << 1)  /* the handler writes its own body: no layout, no bell */
#define R_DEACTIVATED (1u << 2)  /* the :acct account must be deactivated (Reactivate); an active one
				    goes to its information */
#define R_CUSTOMER    (1u << 3)  /* :acct must be a customer account, not the partner's own */
#define R_STAFF_ADMIN (1u << 4)  /* in the partner account, only unrestricted partner administrators:
				    account managers do not manage partner staff (guide §2.15) */
#define R_PARTNER     (1u << 5)  /* partner users only */
#define R_UNRESTRICTED (1u << 6) /* not account managers (guide §2.15: they see assigned accounts only) */
#define R_UPLOAD      (1u << 8)  /* takes multipart/form-data: a form with files, or on the API a document
				    and its files (ClearSilver's CGI kit reads them into Query.* and
				    cgi_filehandle()); every other route refuses it unread (415), and an
				    API route with it refuses JSON */
#define R_API         (1u << 7)  /* the machine front: a bearer credential of one of .kinds instead of a
				    session (none with R_PUBLIC), JSON in and out, no CSRF */
#define R_FOREIGN     (1u << 9)  /* called by an outside party for anyone (the SAML endpoints): the :acct
				    account is not scoped to a session - the handler finds it, and answers
				    404 for one it does not serve - and a POST carries no CSRF token: its
				    message is signed, and the handler verifies it */
#define R_MIVB        (1u << 11) /* :acct has MiVoice Business with its Customer Admin Portal on (guide
				    §3.1.2): its menu's screens */
#define R_LOCAL_SIGN_IN (1u << 10) /* only a session signed in here, not through the partner identity
				      provider: its password is not ours (guide §1.3) */

/* Declared inputs of a form (kcgi-framework's keys). The front line reads
 * each from the request, trims it, checks it, echoes it as Form.Values.<name>
 * and puts any message next to it as Form.Errors.<name>; the handler adds
 * its cross-field rules and answers invalid() when any field has a message. */
enum input_type {
	IN_TEXT,        /* one line of text: valid UTF-8, no control characters */
	IN_LINES,       /* text that may hold line breaks */
	IN_EMAIL,
	IN_EMAILS,      /* a list of emails separated by commas, semicolons or spaces */
	IN_PHONE,       /* E.164, echoed normalised to +<digits> */
	IN_INT,         /* a whole number from 0 to max */
	IN_CHECK,       /* a checkbox: present and "1"/"on"/"true", or absent */
	IN_ID,          /* a row id */
	IN_KEY,         /* a choice's key: lower-case letters, digits, '-' and '_' */
	IN_SECRET,      /* a password: not trimmed, never echoed */
	IN_LANGUAGE,    /* a language that exists (lib/lang.h) */
};

#define IN_REQUIRED (1u << 0)
#define IN_LIST     (1u << 1)   /* may repeat (checkbox lists); max counts the values */

struct input {
	const char *name;
	enum input_type type;
	unsigned flags;
	int max;                    /* characters, the largest number, or values (IN_LIST) */
};

typedef int (*handler_fn)(struct req *r);
/* Loads the object named by :id under the request's scope into r->obj:
 * 1 found, 0 not (the front line answers 404), -1 error. */
typedef int (*loader_fn)(struct req *r);
/* An R_API route with :acct may read that account in the lookup of the
 * bearer token that asks (one query, not two, on its every call): it fills
 * r->machine, *reached and r->obj as credential_find_reaching and a
 * loader would. 1 found, 0 no live credential, -1 error. */
typedef int (*signing_in_fn)(struct req *r, const char *token, struct account_ref *reached);

struct route {
	const char *method;
	const char *pattern;          /* segments ":acct" (an account id, scope-checked), ":id" (a row id) and
					 ":ref" (an outside system's reference, r->path_ref) */
	const char *screen;           /* "<area>/<screen>": names the handler and the template */
	handler_fn handler;
	const char *template;         /* "<area>/<screen>.cs" */
	unsigned flags;
	enum feature feature;
	enum verb verb;
	loader_fn load;               /* for ":id" */
	const char *load_name;        /* the loader's name, for the route listing */
	const char *confirm;          /* the word typed to confirm (field "confirm"), or NULL */
	const struct input *inputs;   /* NULL, or ended by a row with no name */
	unsigned kinds;               /* R_API: the credential kinds it takes (lib/credentials.h) */
	signing_in_fn signing_in;     /* R_API with :acct: the account read with the credential, or NULL */
};

/* Finds the row for method and path, filling r->path_id and r->acct.id.
 * Returns NULL when nothing matches; *path_matched tells a wrong method
 * (405) from an unknown path (404). */
const struct route *route_match(const char *method, const char *path, struct req *r, int *path_matched);
const struct route *route_table(int *count);
/* The GET row of the same path: the form a POST re-renders when it fails. */
const struct route *route_form(const struct route *post);
/* The route table as JSON, one object per row (`console routes`): what the
 * tests generated from the table read. */
void routes_print_json(FILE *out);
#endif
