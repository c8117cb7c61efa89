#ifndef SB_IMPORT_H
#define SB_IMPORT_H
/* Bulk import of users (guide §2.8): a spreadsheet becomes an import batch
 * (import_batches, import_rows) that the preview shows and corrects; its
 * valid rows are then added to the account.
 *
 *  import_parse.c  the file: type, headers (any order, case and spacing
 *                  ignored), rows, the file limits
 *  import_check.c  the rules of one row (pure)
 *  import_store.c  the batch in the database: create, re-validate (one
 *                  query for all emails of the batch), edit, commit */
#include <stddef.h>
#include "lib/audit.h"
#include "lib/core/db.h"

#define IMPORT_MAX_ROWS 50000
#define IMPORT_STORED_MAX 255    /* characters kept of a cell; longer is an error anyway */

enum import_field { IMPORT_FIRST_NAME, IMPORT_LAST_NAME, IMPORT_NAME, IMPORT_EMAIL, IMPORT_ROLE, IMPORT_FIELDS };

/* Why a file was refused (nothing is stored then). */
enum import_file_error {
	IMPORT_FILE_OK = 0,
	IMPORT_FILE_NONE,              /* no file chosen */
	IMPORT_FILE_TOO_BIG,           /* over SHEET_MAX_FILE */
	IMPORT_FILE_TYPE,              /* neither .xlsx nor .csv */
	IMPORT_FILE_NOT_XLSX,          /* named .xlsx, is not a workbook */
	IMPORT_FILE_NOT_CSV,           /* named .csv, is not UTF-8 text */
	IMPORT_FILE_DAMAGED,           /* a workbook that cannot be read */
	IMPORT_FILE_INFLATED,          /* uncompresses to more than the budget */
	IMPORT_FILE_HEADERS,           /* required columns missing */
	IMPORT_FILE_EMPTY,             /* no header row, or no user rows */
	IMPORT_FILE_TOO_MANY_ROWS,     /* over IMPORT_MAX_ROWS */
	IMPORT_FILE_NO_MEMORY,
};

/* The lang key of a file error, e.g. "import.errors.too_big". */
const char *import_file_error_key(enum import_file_error e);

/* The canonical header of a field ("FIRST NAME", ...). */
const char *import_field_header(enum import_field f);

struct import_row {
	long line;                          /* the row's number in the spreadsheet */
	char *v[IMPORT_FIELDS];             /* trimmed, white space runs made one space, "" if absent */
};

struct import_sheet {
	struct import_row *rows;
	size_t n, cap;
	int column[IMPORT_FIELDS];          /* spreadsheet column of each field, -1 if absent */
	int header_found;
	unsigned missing;                   /* bit per field: required headers not found */
};

/* Reads an uploaded file by its name's extension. On IMPORT_FILE_HEADERS,
 * sheet->missing says which. import_sheet_free() afterwards in every case. */
enum import_file_error import_parse(const char *file_name, const void *data, size_t len, struct import_sheet *sheet);
void import_sheet_free(struct import_sheet *sheet);

/* ---- the rules of one row (import_check.c) ---- */

/* Error bits of a row. The first four are the row's own; the last two
 * depend on the account and on the other rows and are set by the store. */
#define IMPORT_ERR_NAME       (1u << 0)   /* no name in any of the three name fields */
#define IMPORT_ERR_EMAIL      (1u << 1)   /* not a valid email address */
#define IMPORT_ERR_ROLE       (1u << 2)   /* neither User nor Account Admin */
#define IMPORT_ERR_TOO_LONG   (1u << 3)   /* a field longer than its column allows */
#define IMPORT_ERR_TAKEN      (1u << 4)   /* a user of the account has this email */
#define IMPORT_ERR_DUPLICATE  (1u << 5)   /* another row of the batch has this email */
#define IMPORT_ERR_OWN (IMPORT_ERR_NAME | IMPORT_ERR_EMAIL | IMPORT_ERR_ROLE | IMPORT_ERR_TOO_LONG)

/* "User", "account admin", "ACCOUNT  ADMIN", "" -> "user" / "account_admin"; NULL if unknown. */
const char *import_role_key(const char *text);

/* The row's own errors (IMPORT_ERR_OWN bits). */
unsigned import_check_row(char *const v[IMPORT_FIELDS]);

/* Makes a cell's text what is stored: trimmed, line breaks, tabs and runs
 * of spaces made one space. In place; returns s. */
char *import_clean_text(char *s);

/* ---- the batch in the database (import_store.c); account_id scopes every query ---- */

/* Stores the sheet as a new batch of the account and validates it; writes the batch id. 0 or -1. */
/* A batch as the preview shows it. */
struct import_batch {
	long long id;
	char account_id[37];
	char file_name[1024];
	long long added_count;         /* what the last Upload added */
	char created[20];
	long long pending, with_errors;   /* rows not added yet, and of those the ones with errors */
};

/* The batch batch_id of account_id: 1 found, 0 not (or another account's), -1 error. */
int import_batch_find(db *d, const char *account_id, long long batch_id, struct import_batch *out);

int import_batch_create(db *d, const char *account_id, long long created_by, const char *file_name,
			const struct import_sheet *sheet, long long *batch_id);

/* Sets the taken and duplicate bits of every pending row: three statements
 * whatever the batch's size (one of them checks all its emails against the account). */
int import_batch_revalidate(db *d, const char *account_id, long long batch_id);

/* Locks the batch for the caller's transaction: 1 found, 0 not, -1 error. */
int import_batch_lock(db *d, const char *account_id, long long batch_id);

/* Saves one row's five fields (row_id 0 adds a row at the end); inside the
 * caller's transaction, after import_batch_lock. Returns the row id, 0 if
 * that row is not a pending row of the batch, -1 on error. */
long long import_row_save(db *d, const char *account_id, long long batch_id, long long row_id,
			  char *const v[IMPORT_FIELDS]);
/* 1 deleted, 0 no such pending row, -1 error. */
int import_row_delete(db *d, const char *account_id, long long batch_id, long long row_id);

/* Adds every valid pending row to the account as an Unregistered user
 * (source "Accounts app") with one user.create event each, by `who`, in
 * transactions of IMPORT_COMMIT_CHUNK rows. A row whose email was taken
 * meanwhile keeps that error. Writes how many were added. 0 or -1. */
#define IMPORT_COMMIT_CHUNK 1000
int import_batch_commit(db *d, const struct actor *who, const char *account_id, long long batch_id, long long *added);
/* The same a chunk at a time, inside the caller's transaction (a large
 * import's job): the users added, 0 when none is left, -1 on error. */
long long import_batch_commit_chunk(db *d, const struct actor *who, const char *account_id, long long batch_id);
/* Records how many rows this Upload added (the preview says so), after its last chunk. */
int import_batch_record_added(db *d, const char *account_id, long long batch_id, long long added);
/* More valid rows than this and Upload runs as a job with a progress bar. */
#define IMPORT_INLINE_ROWS 2000

/* Discards the batch and its rows. 1 deleted, 0 not found, -1 error. */
int import_batch_delete(db *d, const char *account_id, long long batch_id);

/* The account's unfinished imports (pending rows left), newest first, at most 20. */
struct import_unfinished {
	long long id;
	const char *file_name;
	const char *created;
	long long pending;
};
typedef int (*import_unfinished_fn)(void *ctx, const struct import_unfinished *b);
int import_unfinished_each(db *d, const char *account_id, import_unfinished_fn fn, void *ctx);   /* number, or -1 */

/* One pending row of the preview, in spreadsheet order. */
struct import_row_view {
	long long id;
	long line;
	const char *v[IMPORT_FIELDS];      /* as stored; v[IMPORT_ROLE] is the role as typed */
	const char *role;                   /* its key, "" when it names no role */
	unsigned errors;
};
typedef int (*import_row_fn)(void *ctx, const struct import_row_view *row);
/* limit rows from offset of the batch's pending rows (only_errors: those
 * with errors). The number, or -1. */
int import_rows_each(db *d, const char *account_id, long long batch_id, int only_errors, long long limit,
		     long long offset, import_row_fn fn, void *ctx);

/* The users the batch added, into a malloc'd array (*ids, free it): their number, or -1. */
int import_added_users(db *d, const char *account_id, long long batch_id, long long **ids);
#endif
