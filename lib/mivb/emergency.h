#ifndef SB_MIVB_EMERGENCY_H
#define SB_MIVB_EMERGENCY_H
/* MiVoice Business → Emergency Services (guide §3.1.2 Emergency Services;
 * only with Zoom integrated too): the fallback emergency Dialables and the
 * Dynamic Location Provider the Zoom clients use. Kept with the MiVoice
 * Business integration (account_integrations: config $.emergency, the
 * provider's Secret sealed in its secret column, never returned). The
 * checks are pure and unit-tested. */
#include <jansson.h>
#include "lib/core/db.h"

#define MIVB_DIALABLES_MAX 10
#define MIVB_HEADERS_MAX 2000          /* characters of Extra Headers */

/* 1 when a dialable is 2 to 6 digits. */
int mivb_dialable_valid(const char *s);
/* 1 when a server is an https URL or host[:port]. */
int mivb_server_valid(const char *s);
/* Extra Headers: "" or a JSON object of header names (RFC 7230 tokens)
 * to strings. NULL when good, else "json", "object", "name" or "value". */
const char *mivb_headers_fault(const char *text);

struct mivb_emergency {
	char dialables[MIVB_DIALABLES_MAX][7];
	int n_dialables;
	char name[401], type[129], primary[1024], secondary[1024], customer_id[401];
	char headers[MIVB_HEADERS_MAX * 4 + 1];
	int has_secret;                /* a Secret is stored (never shown again) */
};

/* 1 loaded (the integration is added), 0 not added, -1 error. */
int mivb_emergency_load(db *d, const char *account_id, struct mivb_emergency *out);
/* Inside the caller's transaction: saves e, and the Secret sealed under
 * key_hex when secret is not "" (else the stored one stays). Records what
 * changed in changes (the Secret only as changed). 1 saved, 0 the
 * integration is not added, -1 error. */
int mivb_emergency_save(db *d, const char *account_id, const struct mivb_emergency *e, const char *secret,
			const char *key_hex, json_t *changes);
#endif
