#ifndef SB_ORDER_FEED_H
#define SB_ORDER_FEED_H
/* Order file feeds (ch2 §3.7): an ordering system that publishes files
 * instead of calling PUT /api/v1/orders/{orderNumber} leaves them in a
 * folder, or behind an index URL, configured per partner (console
 * order-feed). syncd (syncd/order_feeds.c) polls each feed, and every file
 * it has not taken yet (by name, size and SHA-256) is applied here through
 * the API's own checks and write (order_parse, order_put): all of it in one
 * transaction, or — a bad file, a bad row, an unknown billing account —
 * none of it, and the partner's administrators are notified.
 *
 * Parsing (order_feed_parse.c) is pure; the rest is the database's. */
#include <jansson.h>
#include <stddef.h>
#include "lib/core/db.h"

#define ORDER_FEED_SOURCE_MAX 1000
#define ORDER_FEED_NAME_MAX 255
#define ORDER_FEED_ERROR_MAX 1000

/* A file a feed may hold: 1 to 255 of letters, digits, '.', '_' and '-',
 * starting with a letter or digit, ending ".json" or ".csv" (any case).
 * Anything else in the folder (a file still being written under a dot
 * name, say) is not a feed file. */
int order_feed_file_name(const char *name);
/* A feed's source: an absolute folder path, or an http(s) URL. */
int order_feed_source_valid(const char *source);

/* The orders of one file, as API documents each with its "orderNumber"
 * and "at" (where it is: "row 4", "order 2"): a JSON file is an array of
 * documents or {"orders": [...]}; a CSV file has a header row of the
 * API's member names, one order line per row, the rows of one order
 * together (its fields from its first row). NULL with a message when the
 * file is not such a file. Pure. */
json_t *order_feed_parse(const char *name, const char *data, size_t len, char *error, size_t error_size);

/* Sets (or, with "", removes) the partner's feed, due at once. 1 set, 0 no
 * such partner, -1 error. Inside the caller's transaction. */
int order_feed_set(db *d, const char *partner_id, const char *source);

/* In a transaction of its own: claims a due feed whose lease is free. Its
 * id, 0 none due, -1 error. */
long long order_feeds_claim(db *d, const char *owner, int lease_seconds);

struct order_feed {
	long long id;
	char partner_id[37];
	char source[ORDER_FEED_SOURCE_MAX + 1];
};
/* 1 found, 0 gone, -1 error. */
int order_feed_load(db *d, long long id, struct order_feed *out);
/* The pass ended (error "" when all went well): due again after
 * poll_minutes, the lease given back. 0 or -1. */
int order_feed_checked(db *d, long long id, const char *owner, const char *error, int poll_minutes);

/* 1 when the partner's feed took this file already, 0 not, -1 error. */
int order_feed_seen(db *d, const char *partner_id, const char *name, long long size, const char *sha256);

struct order_feed_outcome {
	int taken;                     /* 0: another syncd took it first */
	int rejected;
	long long orders;              /* created or changed */
	char error[ORDER_FEED_ERROR_MAX + 1];
};
/* Applies one file of the partner's feed (its own transactions): every
 * order, or nothing and a notification. refused: why the file is rejected
 * unread (too large), else NULL; data then is what was read of it, which
 * names it with its size. 0 (see out), -1 error. */
int order_feed_apply(db *d, const char *partner_id, const char *name, const char *data, size_t len, const char *refused,
		     struct order_feed_outcome *out);
#endif
