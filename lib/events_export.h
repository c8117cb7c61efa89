#ifndef SB_EVENTS_EXPORT_H
#define SB_EVENTS_EXPORT_H
/* Events as CSV (guide §2.16 Batch Exporting): every field of each event,
 * one row each, with the guide's labels, every value neutralised against
 * spreadsheet formulas (lib/sheet/csv_write.h). A few rows are written at
 * once; every event a filter matches, when that is many, by an
 * export_events job (lib/jobs.h) that syncd runs a batch at a time, each
 * batch a chunk of the file, which the console then sends chunk by chunk:
 * no process ever holds the whole file. */
#include <ClearSilver.h>
#include "lib/audit.h"
#include "lib/events.h"
#include "lib/jobs.h"
#include "lib/sheet/csv_write.h"

/* The label of a vocabulary key (group "types", "assets" or "acts") from
 * the language tree (events.<group>.<key>), else the key made readable.
 * Returns lang's text or buf. */
const char *events_label(HDF *lang, const char *group, const char *key, char *buf, size_t size);

/* The tree syncd labels an export with: its Lang node holds English with
 * the language's own words over it (lib/lang_tree.h). NULL when English
 * cannot be read. */
HDF *events_lang_load(const char *language);

/* The file is in a language: its labels from lang, its dates written as
 * language writes them (lib/lang.h), and the sink's sep set by the caller
 * to the separator of the language's spreadsheets. */
void events_csv_header(struct csv_sink *s, HDF *lang);
void events_csv_row(struct csv_sink *s, HDF *lang, const char *language, const struct event_row *e);

/* Inside the caller's transaction: the job exporting every event of the
 * filter, started by who from the page return_to, in who's language. Its
 * id, or -1. */
long long events_export_start(db *d, const struct actor *who, const char *account_id, const struct event_filter *f,
			      int ascending, const char *return_to, const char *language);

/* syncd, inside the batch's transaction: the next chunk of the job's file
 * (EXPORT_BATCH events at most, EXPORT_CHUNK_BYTES or so), and the job done
 * after the last. Returns the events written, 0 once done, or -1. */
#define EXPORT_BATCH 500
#define EXPORT_CHUNK_BYTES (4 * 1024 * 1024)
int events_export_work(db *d, const struct job_row *job);

/* The export of job_id, of the account, when its file is complete: 1 with
 * its number of chunks, 0 none (or not finished), -1 error. */
int events_export_ready(db *d, const char *account_id, long long job_id, int *chunks);
/* Chunk seq of the file, to fn: 1, 0 none, -1 error. */
typedef int (*export_chunk_fn)(void *ctx, const char *data, size_t n);
int events_export_chunk(db *d, long long job_id, int seq, export_chunk_fn fn, void *ctx);
#endif
