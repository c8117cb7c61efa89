#ifndef SB_EVENT_PARTS_H
#define SB_EVENT_PARTS_H
/* What the Event History's screens share (guide §2.16): reading and
 * showing the filters, the table's columns, and the labels of the
 * vocabulary. */
#include "cgi-bin/core/request.h"
#include "lib/events.h"
#include "lib/events_prefs.h"

/* The table's columns (guide §2.16 Event Details: every field can be one),
 * the guide's default ones shown. */
extern const struct table_column event_columns[];
extern const int event_columns_count;
#define EVENT_COLUMNS_KEY "events"

/* The filters of the request: query parameters type, asset, action, actor,
 * from_date, from_time, to_date, to_time (times optional, UTC). A value
 * that is no filter gets its message next to its field (Form.Errors) and
 * is not applied. Publishes Filter.* (the values, Filter.Active, Filter.Keep
 * the query string that carries them, Filter.Details the Active Filter
 * Details). Returns 0, or -1 when a field was refused. */
int event_filter_read(struct req *r, struct event_filter *f);

/* The list's order: 1 for oldest first (?dir=asc), else newest first. */
int event_ascending(struct req *r);

/* A label of the vocabulary (group "types", "assets", "acts"). */
const char *event_label(struct req *r, const char *group, const char *key, char *buf, size_t size);

/* One event's fields, as the table shows them, into node: every column's
 * key, plus id. */
void event_publish_row(struct req *r, HDF *node, const struct event_row *e);

/* "/a/<acct>/events" */
void event_base(struct req *r, char *out, size_t size);
#endif
