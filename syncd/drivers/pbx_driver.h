#ifndef SB_PBX_DRIVER_H
#define SB_PBX_DRIVER_H
/* The PBX driver interface (ch3 §10.2): one driver per PBX type, each a
 * vtable of what it can do and how its users' fields map to the console's.
 * The transport is common (pbx_http.c): the PBX link protocol
 * (docs/pbx-link-protocol.md) over libcurl, through the gateway's relay,
 * JSON read with jansson. A fetch is all or nothing: a failed, partial or
 * timed-out read gives an error in words and no snapshot. */
#include <jansson.h>
#include "lib/pbx_diff.h"
#include "lib/stored_message.h"
#include "lib/pbx_links.h"

/* Scratch space a mapping may build strings in (joined DNs, split names). */
struct pbx_map_buf {
	char extensions[256];
	char id[32];
	char first[128], last[128];
};

struct pbx_driver {
	const char *type;              /* lib/pbx_types.h key */
	/* One element of GET /v1/users' items into u (strings point into item or
	 * buf). 0, or -1 when it is not a user this type would send. */
	int (*map_user)(json_t *item, struct pbx_user *u, struct pbx_map_buf *buf);
	/* One element of GET /v1/dids' items. 0 or -1. */
	int (*map_did)(json_t *item, const char **number, const char **target);
};

/* The drivers, one file each (pbx_mivb.c, pbx_mivo400.c, pbx_miv5000.c,
 * pbx_mxone.c, pbx_mivo250.c). */
extern const struct pbx_driver pbx_driver_mivb, pbx_driver_mivo400, pbx_driver_miv5000, pbx_driver_mxone,
	pbx_driver_mivo250;
/* The driver of a type, or NULL. */
const struct pbx_driver *pbx_driver_for(const char *type);

/* Helpers for mappings. */
const char *pbx_json_str(json_t *obj, const char *key);        /* "" when absent or not a string */
/* The id as text: a string, or a whole number. "" when neither. */
const char *pbx_json_id(json_t *obj, const char *key, char *buf, size_t size);
/* The strings of an array, comma-separated into out. */
void pbx_json_join(json_t *array, char *out, size_t size);
int pbx_map_did_common(json_t *item, const char **number, const char **target);

/* Limits of a fetch, from the config (Pbx.TimeoutSeconds per request,
 * Pbx.PageSize). */
struct pbx_fetch_limits {
	long request_seconds;
	int page_size;
};

/* Reads the complete snapshot of the link's PBX: login, system, every page
 * of users and DIDs under one snapshot token, or 304 when its etag is
 * unchanged (out->unchanged). 0 done; -1 with the reason in error (out
 * left empty). keep_lease is called between pages (NULL: none) and
 * stops the fetch when it returns 0. */
int pbx_fetch(const struct pbx_driver *drv, const struct pbx_link_target *t, const struct pbx_fetch_limits *lim,
	      struct pbx_snapshot *out, struct stored_message *error, int (*keep_lease)(void *ctx), void *ctx);
#endif
