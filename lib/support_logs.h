#ifndef SB_SUPPORT_LOGS_H
#define SB_SUPPORT_LOGS_H
/* Support logs (guide §2.10): issues the users of a customer account report
 * from CloudLink apps, with their files, the partner's handling (status and
 * notes), the mail to the account's support contacts, and the reminders
 * that keep coming while a log stays Open.
 *
 * Every function takes the account the log belongs to: there is no way to
 * reach a log of another account. The pure parts (the report's document,
 * the file types, the tabs, the reminder schedule) are in the same module,
 * tested without a database (tests/unit/test_support_logs.c). */
#include <jansson.h>
#include <stdio.h>
#include <time.h>
#include "lib/audit.h"
#include "lib/core/crypto.h"
#include "lib/core/db.h"

/* ---- limits of a report (spec ch2 §5.6) ---- */

#define SUPPORT_MAX_FILES 10
#define SUPPORT_MAX_FILE_BYTES (10L * 1024 * 1024)
#define SUPPORT_MAX_TOTAL_BYTES (25L * 1024 * 1024)
#define SUPPORT_MAX_REPORT_BYTES (256L * 1024)   /* the report's JSON document */
#define SUPPORT_PART_BYTES (1024L * 1024)        /* the bytes of a file are stored this much a row */
#define SUPPORT_NOTES_MAX 2000                   /* characters of the partner's notes */

/* ---- states (guide §2.10 Log Status) ---- */

enum support_state { SUPPORT_OPEN, SUPPORT_REPORTED, SUPPORT_RESOLVED, SUPPORT_STATES };
const char *support_state_key(enum support_state s);       /* "open", "reported", "resolved" */
int support_state_from_key(const char *key);               /* -1 when it names no state */

/* ---- the report an app posts (POST /api/v1/support-logs) ---- */

/* The Report Details tabs beyond Report Details itself. */
enum support_tab { TAB_USER, TAB_DEVICE, TAB_SIGNAL, TAB_ERROR, SUPPORT_TABS };
const char *support_tab_key(enum support_tab t);           /* "user", "device", "signal", "error" */
/* Which tabs a log shows (guide §2.10): Mitel One Mobile has User Details,
 * Device and Apps, Filtered Signal Strength Logs (Android only) and Error
 * Information; Mitel One Web has User Details and Error Information; any
 * other product shows the tabs it sent. present: bits (1 << tab) of the
 * tabs the report holds. Returns the bits of those to show. */
unsigned support_tabs_shown(const char *product, const char *platform, unsigned present);

/* The report's document, checked: its strings point into the JSON it came
 * from, and tabs[] are borrowed from it (NULL when absent). */
struct support_report {
	const char *uid;               /* the app's own id of the report (a UUID), or "" */
	const char *product, *platform, *title, *topic, *description, *log_level;
	json_t *tabs[SUPPORT_TABS];
};
/* Reads and checks a report's JSON text. On a problem returns -1 with the
 * field at fault (its JSON name) and what is wrong with it in English (the
 * API's language); *doc is then NULL. Otherwise 0, with *doc holding the
 * parsed document the report borrows from (the caller frees it). */
int support_report_read(const char *text, json_t **doc, struct support_report *out, const char **field,
			const char **problem);

/* ---- the files of a report ---- */

enum support_file_role { FILE_LOG, FILE_SIP, FILE_ATTACHMENT };
const char *support_file_role_key(enum support_file_role r);   /* "log", "sip", "attachment" */
/* The role a multipart part's name gives its file: "log" the app's log
 * text, "sip..." a SIP log, "attachment..." (or "screenshot...") anything
 * else; -1 for a name that is none of these. */
int support_file_role_of(const char *part_name);

/* The types a file may have, told by its bytes (never its name). */
enum support_file_type { FT_UNKNOWN, FT_PNG, FT_JPEG, FT_ZIP, FT_TEXT, FT_HTML };
const char *support_file_mime(enum support_file_type t);     /* "image/png", ... ("" for unknown) */
/* The type the first bytes of a file show (head: at least its first 16
 * bytes, or all of a shorter file). FT_TEXT is only a guess until the whole
 * file passed support_text_feed. */
enum support_file_type support_file_sniff(const unsigned char *head, size_t n);
/* Text is valid UTF-8 without NULs or control characters other than tab,
 * line breaks, form feed and escape. Fed piece by piece (a character may be
 * split between pieces): state starts at 0; returns 0 while the text is
 * still good, -1 once it is not. support_text_end says whether it ended on
 * a whole character. */
int support_text_feed(int *state, const unsigned char *p, size_t n);
int support_text_end(int state);
/* What a file's name claims: the type its extension names (FT_UNKNOWN for
 * no extension). Returns 0, or -1 when the extension is none the reports
 * take. */
int support_file_claim(const char *name, enum support_file_type *claimed);
/* The file's type when its bytes (sniffed, and checked as text when they
 * look like text) agree with its name and its role; -1 otherwise, with
 * *problem saying why in English. */
int support_file_type_settle(enum support_file_role role, const char *name, enum support_file_type sniffed,
			     int text_ok, enum support_file_type *out, const char **problem);
/* A file name fit to store and to offer back: its last path part, control
 * characters and quotes dropped, cut to fit out. "" becomes fallback. */
void support_file_name_clean(const char *in, const char *fallback, char *out, size_t size);

/* One file of a report, checked, ready to store: its bytes are read from f. */
struct support_file_in {
	enum support_file_role role;
	char name[256];
	enum support_file_type type;
	FILE *f;
	long size;
};

/* Stores one file of a new log (its parts, then its size and SHA-256),
 * inside the caller's transaction: support_log_create's. 0, or -1. */
int support_log_file_store(db *d, const char *account_id, long long log_id, int seq, const struct support_file_in *f);

/* ---- creating a log ---- */

struct support_reporter {
	long long user_id;
	char account_id[UUID_LEN];
	char partner_id[UUID_LEN];
	char email[256];
	char name[1024];
	int account_active;
	int customer;                  /* a customer account (the only ones with support logs) */
};
/* The user an app token stands for, in the token's account: 1 found, 0
 * not (deleted since), -1 error. */
int support_reporter_find(db *d, const char *account_id, long long user_id, struct support_reporter *out);

/* The registered user with this email and password, of an active account:
 * what an app signs in as (the same rules as the console's sign-in). 1
 * found (into out), 0 not, -1 error. */
int support_app_user_find(db *d, const char *email, const char *password, struct support_reporter *out);

/* Stores a report as a new Open log of the reporter's account, inside the
 * caller's transaction: the log, its tabs, its files (streamed from each
 * file's f), the event, and a mail to each of the account's support
 * contacts; reminders come due after reminder_hours. When the report
 * carries an id the account already has a log for, nothing is written and
 * that log's id comes back with *existed set. Returns 0 with *id, or -1. */
int support_log_create(db *d, const struct support_reporter *who, const struct support_report *rep,
		       const struct support_file_in *files, int n_files, int reminder_hours, long long *id,
		       int *existed);

/* ---- one log ---- */

/* What the screens and the front line's loader need of a log. */
struct support_log_ref {
	long long id;
	char account_id[UUID_LEN];
	char uid[UUID_LEN];
	char title[1024];
	char product[404];
	char platform[16];
	char log_level[20];
	enum support_state state;
	char notes[SUPPORT_NOTES_MAX * 4 + 1];
};
/* 1 found, 0 not (or in another account), -1 error. */
int support_log_find(db *d, const char *account_id, long long id, int for_update, struct support_log_ref *out);

/* Everything about a log, for its details page and its export; the strings
 * are valid during the callback only. */
struct support_log_view {
	long long id;
	const char *uid, *account_id, *partner_id, *reporter_email, *product, *platform, *title, *topic,
		*description, *log_level, *notes, *updated_by_name;
	long long user_id;
	enum support_state state;
	time_t created, updated;
};
int support_log_read(db *d, const char *account_id, long long id,
		     int (*fn)(void *ctx, const struct support_log_view *v), void *ctx);
/* The log's tabs as the app sent them: fn gets each tab's JSON document (a
 * reference the callback may keep with json_incref). Returns how many, or -1. */
int support_log_tabs(db *d, const char *account_id, long long id,
		     int (*fn)(void *ctx, enum support_tab tab, json_t *body), void *ctx);

struct support_file_info {
	int seq;
	enum support_file_role role;
	const char *name, *mime, *sha256;
	long size;
};
/* The log's files in the order they came; strings valid during the callback. */
int support_log_files(db *d, const char *account_id, long long id,
		      int (*fn)(void *ctx, const struct support_file_info *f), void *ctx);
/* One file's description: 1 found, 0 not, -1 error. name and mime are
 * copied into the given buffers. */
struct support_file_meta {
	int seq;
	enum support_file_role role;
	char name[1024];
	char mime[64];
	long size;
};
int support_log_file_find(db *d, const char *account_id, long long id, int seq, struct support_file_meta *out);
/* Writes a file's bytes to out, a part at a time (no more than a part is
 * ever held). 0, or -1. */
int support_log_file_copy(db *d, const char *account_id, long long id, int seq, FILE *out);
/* The bytes of part number part (0-based) of a file, into a malloc'd buffer:
 * 1 with *data and *len, 0 past the end, -1 on error. */
int support_log_file_part(db *d, const char *account_id, long long id, int seq, int part, char **data, size_t *len);

/* The partner's handling (guide §2.10 Partner Support): the new status and
 * notes, inside the caller's transaction. Back to Open, the reminders start
 * again after reminder_hours; Reported or Resolved stops them. A change of
 * status mails the support contacts. changes gets {"status": {from, to},
 * "notes": {from, to}} for what changed (nothing when nothing did).
 * Returns 0, or -1. */
int support_log_handle(db *d, const char *account_id, const struct support_log_ref *before, enum support_state state,
		       const char *notes, const struct actor *who, int reminder_hours, json_t *changes);

/* ---- the list (guide §2.10 Support Logs) ---- */

/* The columns the list sorts by: each sort's ties go by DATE & TIME, then
 * by the log's id, in the same direction, so that pages never overlap. */
enum support_log_sort { SORT_DATE, SORT_PRODUCT, SORT_REPORTER, SORT_TITLE, SORT_STATE, SUPPORT_LOG_SORTS };

struct support_log_query {
	const char *account_id;
	int state;                     /* enum support_state, or -1 for any */
	const char *product;           /* "" for any */
	const char *search;            /* "" for none: LOG TITLE contains it */
	enum support_log_sort sort;
	int ascending;                 /* newest (or Z, or Resolved) first otherwise */
	long limit, offset;
};
/* The list's total: exact without a search (kept counts); with one, counted
 * up to cap + 1 (so *total > cap means "more than cap"). 0, or -1. */
int support_logs_total(db *d, const struct support_log_query *q, long cap, long long *total);

struct support_log_row {
	long long id;
	const char *product, *reporter_email, *title;
	enum support_state state;
	time_t created;
};
/* One page of the list in the query's order: rows in order, strings
 * valid during the callback. With a search, total is its count from
 * support_logs_total when that was exact, else -1 (the list then walks in
 * order testing each log). Returns the rows, or -1. */
int support_logs_page(db *d, const struct support_log_query *q, long long total,
		      int (*fn)(void *ctx, const struct support_log_row *row), void *ctx);
/* The products of the account's logs of the past `days` days (the Product
 * filter), by name. Returns how many, or -1. */
int support_log_products(db *d, const char *account_id, int days, int (*fn)(void *ctx, const char *product), void *ctx);

/* ---- reminders (spec ch2 §5.4) ---- */

/* How many intervals of interval_seconds to move a reminder due
 * overdue_seconds ago so that the next one is in the future: the schedule
 * stays on the hours the log was reported at, and a syncd that was away
 * sends one reminder, not one per interval it missed. At least 1. */
long support_reminder_steps(long overdue_seconds, long interval_seconds);
/* Sends the reminders that are due (at most max logs, claimed with FOR
 * UPDATE SKIP LOCKED in the one db_tx that reminds them, so exclusive
 * across Galera nodes too, ARCHITECTURE §10): a mail to each
 * support contact of each Open log whose reminder came due, an event, and
 * the next reminder after reminder_hours. Returns the logs reminded, or -1. */
int support_reminders_send(db *d, int reminder_hours, int max);

/* ---- mail to the support contacts (syncd renders it) ---- */

/* Mail kinds: a new log, a reminder, a change of status. */
#define SUPPORT_MAIL_NEW "support_log"
#define SUPPORT_MAIL_REMINDER "support_remind"
#define SUPPORT_MAIL_STATUS "support_status"
int support_mail_kind(const char *kind);        /* 1 when kind is one of the above */
/* Queues kind about log id to every support contact of the account, inside
 * the caller's transaction. Returns how many, or -1. */
int support_mail_enqueue(db *d, const char *account_id, long long id, const char *kind);

/* ---- exports (guide §2.10 Export Logs) ---- */

/* The zip of the log text (and, for a product without the HTML report, the
 * attachments) written into the file at path. 0, or -1. */
int support_export_logs_zip(db *d, const char *account_id, long long id, const char *path);
/* How signal-strength.csv is written: the reader's language (its
 * separator and numbers) and its column headings in that language. */
struct support_signal_csv {
	const char *language;
	const char *headers[3];        /* time, strength (dBm), network */
};
/* The HTML report's zip: report.html (given), the attachments, and at the
 * debug log level a "SIP logs" folder and the log text; the Android signal
 * strength as signal-strength.csv. signal may be NULL. 0, or -1. */
int support_export_report_zip(db *d, const char *account_id, long long id, const char *html, size_t html_len,
			      json_t *signal, const struct support_signal_csv *how, const char *path);
/* Whether a product's export has the HTML report (Mitel One Mobile). */
int support_export_has_report(const char *product);
#endif
