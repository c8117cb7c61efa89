#ifndef SB_MIVB_PBX_ADMIN_H
#define SB_MIVB_PBX_ADMIN_H
/* The console's side of the PBX link protocol for the MiVoice Business
 * administration (docs/pbx-link-protocol.md §8; guide §3.1.2): requests to
 * the account's MiVoice Business through its gateway's relay, while a
 * person waits, sent through the transport syncd's reads use too
 * (lib/pbx_relay.h): single reads and writes, each of which the PBX applies
 * whole or not at all.
 *
 * A write goes to the PBX first; only once the PBX took it does the caller
 * write its event (lib/audit.h) in its own transaction. */
#include <jansson.h>
#include "lib/core/db.h"
#include "lib/pbx_links.h"

struct pbx_admin {
	void *curl;
	struct pbx_link_target t;
	char token[512];
	long timeout_seconds;
};

/* What the PBX answered. status 0: no answer (message says why, in words:
 * the gateway or the PBX could not be reached). Otherwise the HTTP status;
 * doc is the body on 2xx (the caller frees it with pbx_reply_clear), and
 * code, field and message come from an error body ({"code", "field",
 * "message"}, field "" when the PBX named none). */
struct pbx_reply {
	long status;
	json_t *doc;
	char code[33];
	char field[65];
	char message[513];
};
void pbx_reply_clear(struct pbx_reply *rep);
/* 1 when the PBX took the request (2xx). */
int pbx_reply_ok(const struct pbx_reply *rep);

/* Opens the account's MiVoice Business link (its first link, when it is of
 * type mivb) with its secrets opened under key_hex. 1 open, 0 the account
 * has no MiVoice Business link, -1 error. */
int pbx_admin_open(db *d, const char *account_id, const char *key_hex, long timeout_seconds, struct pbx_admin *a);
void pbx_admin_close(struct pbx_admin *a);

/* One request (signing in first, and again once if the token expired).
 * body may be NULL. Always fills rep; returns 0 when the PBX answered
 * (any status), -1 when it did not. */
int pbx_admin_call(struct pbx_admin *a, const char *method, const char *path, json_t *body, struct pbx_reply *rep);
#endif
