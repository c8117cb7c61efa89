#ifndef SB_EVENTS_H
#define SB_EVENTS_H
/* Reading the Event History (guide §2.16): one account's events in EVENT
 * DATE order, filtered by Asset, Action, Event Type, Actor ID and an Event
 * Date range, a page at a time from a position (keyset: never an OFFSET),
 * and the options of the smart filters. Every query reads a bounded number
 * of index entries whatever the account's size (see events.c); nothing
 * counts the account's events.
 *
 * Writing events is lib/audit.h. */
#include "lib/core/crypto.h"
#include "lib/core/db.h"
#include "lib/events_vocab.h"

/* Rows on a page of the list (and a batch of an export). */
#define EVENTS_PAGE 50

/* The filters; "" is no filter. from and to are UTC times
 * "YYYY-MM-DD HH:MM:SS.ffffff", both inclusive. */
struct event_filter {
	char event_type[EVENT_KEY_MAX + 1];
	char asset[EVENT_KEY_MAX + 1];
	char act[EVENT_KEY_MAX + 1];
	char actor_ref[65];
	char from[27];
	char to[27];
};
int event_filter_active(const struct event_filter *f);

/* A position in the list: the EVENT DATE, to the microsecond, and the id of
 * the last row shown; at "" is the start. */
struct event_cursor {
	char at[27];
	long long id;
};
/* Its text in links ("2024-08-14T17:16:57.123456~42"), and back: 0, or -1
 * when the text is no position. */
void event_cursor_format(const struct event_cursor *c, char *out, size_t size);
int event_cursor_parse(const char *text, struct event_cursor *out);

/* One event as the list, its details and the exports show it. The JSON
 * fields are text; in the list they may be cut short (*_cut). */
struct event_row {
	long long id;
	const char *event_date;        /* "2024-08-14, 17:16:57" (UTC) */
	struct event_cursor position;
	const char *actor_name;        /* as written */
	int actor_gone;                /* the acting user no longer exists: ACTOR NAME shows Unknown */
	const char *actor_ref;         /* ACTOR ID */
	const char *event_type, *asset_type, *act;
	const char *action;            /* the console's dotted action */
	const char *asset_id, *asset_name;
	const char *properties_changed, *core_details, *extra_details, *log_tags;
	int core_cut, extra_cut;
};
typedef int (*event_row_fn)(void *ctx, const struct event_row *e);

/* At most limit events of the account after the position (newest first,
 * or oldest first when ascending), each to fn; *more says whether any
 * follow. The JSON fields are cut to EVENT_CELL_MAX characters when cut is
 * set (the list), whole otherwise (exports). Returns how many, or -1. */
#define EVENT_CELL_MAX 300
int events_page(db *d, const char *account_id, const struct event_filter *f, int ascending,
		const struct event_cursor *after, int limit, int cut, event_row_fn fn, void *ctx, int *more);

/* One event of the account, whole: 1 found, 0 not (or another account's), -1 error. */
int event_find(db *d, const char *account_id, long long id, event_row_fn fn, void *ctx);

/* The events of ids (of the account; others are ignored), newest first. Returns how many, or -1. */
int events_selected(db *d, const char *account_id, const long long *ids, int n, event_row_fn fn, void *ctx);

/* The kinds of event the account has among the events the Actor ID and
 * Event Date filters leave (the others are not applied): what the smart
 * filters offer (guide §2.16: the options change with the filters already
 * chosen). One index lookup per kind the account has: without dates, in one
 * correlated statement; with them, a probe of each kind's date range. Returns
 * how many, or -1. */
typedef int (*event_kind_fn)(void *ctx, const char *event_type, const char *asset_type, const char *act);
int events_kinds(db *d, const char *account_id, const struct event_filter *f, event_kind_fn fn, void *ctx);

/* How many events the filters match, counted up to cap + 1 at most (it
 * reads that many index entries per kind at most): the export's choice of
 * answering at once or as a job, and the job's size (syncd). -1 on error. */
long long events_count_upto(db *d, const char *account_id, const struct event_filter *f, long cap);
/* Whether they match more than max: 1, 0, or -1. */
int events_more_than(db *d, const char *account_id, const struct event_filter *f, long max);

/* Retention (Events.RetentionDays, 0: keep every event): syncd removes
 * events older than that, and downloaded exports older than a day, a small
 * batch per pass. The number removed, or -1. */
int events_retention_tick(db *d);
#endif
