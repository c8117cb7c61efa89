#ifndef SB_PBX_RELAY_H
#define SB_PBX_RELAY_H
/* The PBX link protocol's transport (docs/pbx-link-protocol.md §1, §2): one
 * HTTP(S) request to a PBX through its gateway's relay, which forwards it to
 * the PBX's LAN address (ch3 §10.2). syncd's reads (syncd/drivers/) and the
 * console's MiVoice Business administration (lib/mivb/pbx_admin.c) both send
 * through it; each puts the outcome in its own words. */
#include <curl/curl.h>
#include <jansson.h>
#include <stddef.h>
#include "lib/pbx_links.h"

struct pbx_relay_call {
	const char *method, *path;
	const char *body;              /* JSON text, or NULL */
	const char *token;             /* the PBX's bearer token, "" before signing in */
	const char *if_none_match;     /* an ETag, or NULL */
	long timeout_seconds;
	size_t body_max;               /* an answer longer than this is abandoned */
};

struct pbx_relay_answer {
	CURLcode rc;                   /* curl's outcome; the rest holds only on CURLE_OK */
	int too_big;                   /* the answer passed body_max */
	long status;
	json_t *doc;                   /* the body parsed, NULL when empty or not JSON; the caller decrefs */
};

/* Sends c to the PBX of t through t's relay (t->relay_url must be set),
 * reusing the handle curl. Always fills out. */
void pbx_relay_send(CURL *curl, const struct pbx_link_target *t, const struct pbx_relay_call *c,
		    struct pbx_relay_answer *out);
#endif
