/* The import batch in the database. Everything here is set-based, so the
 * number of statements does not grow with the number of rows: the rows go
 * in as JSON through JSON_TABLE (1,000 to a statement), the checks that
 * involve other rows or the account are three UPDATEs over the whole
 * batch, and Upload is an INSERT ... SELECT per chunk of rows. */
#include "lib/import/import.h"

#include "lib/core/validate.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INSERT_CHUNK 1000
#define COMMIT_RETRIES 5

/* The SQL below spells the batch-level bits as numbers. */
_Static_assert(IMPORT_ERR_EMAIL == 2 && IMPORT_ERR_TAKEN == 16 && IMPORT_ERR_DUPLICATE == 32, "bits in the SQL");

/* Bytes of the first IMPORT_STORED_MAX characters of s (UTF-8). */
static size_t stored_len(const char *s)
{
	size_t chars = 0, i = 0;
	for (; s[i]; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80 && chars++ == IMPORT_STORED_MAX)
			break;
	}
	return i;
}

/* [line, first, last, name, email, role text, role key or "", errors] */
static json_t *row_json(long line, char *const v[IMPORT_FIELDS])
{
	json_t *a = json_array();
	unsigned errors = import_check_row(v);
	const char *role = import_role_key(v[IMPORT_ROLE]);
	json_array_append_new(a, json_integer(line));
	for (int f = 0; f < IMPORT_FIELDS; f++)
		json_array_append_new(a, valid_utf8(v[f]) ? json_stringn(v[f], stored_len(v[f])) : json_string(""));
	json_array_append_new(a, json_string(role ? role : ""));
	json_array_append_new(a, json_integer(errors));
	return a;
}

#define INSERT_ROWS \
	"INSERT INTO import_rows (batch_id, account_id, line, first_name, last_name, name, email, role_text, role, errors)" \
	" SELECT ?, ?, j.line, j.first_name, j.last_name, j.name, j.email, j.role_text, NULLIF(j.role, ''), j.errors" \
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (line INT PATH '$[0]'," \
	"  first_name VARCHAR(255) CHARACTER SET utf8mb4 PATH '$[1]', last_name VARCHAR(255) CHARACTER SET utf8mb4 PATH '$[2]'," \
	"  name VARCHAR(255) CHARACTER SET utf8mb4 PATH '$[3]', email VARCHAR(255) CHARACTER SET utf8mb4 PATH '$[4]'," \
	"  role_text VARCHAR(255) CHARACTER SET utf8mb4 PATH '$[5]', role VARCHAR(16) PATH '$[6]', errors INT PATH '$[7]')) j"

static int insert_rows(db *d, const char *account_id, long long batch_id, const struct import_sheet *sheet)
{
	for (size_t start = 0; start < sheet->n; start += INSERT_CHUNK) {
		json_t *rows = json_array();
		for (size_t i = start; i < sheet->n && i < start + INSERT_CHUNK; i++)
			json_array_append_new(rows, row_json(sheet->rows[i].line, sheet->rows[i].v));
		char *text = json_dumps(rows, JSON_COMPACT);
		json_decref(rows);
		if (!text)
			return -1;
		long long n = db_exec(d, INSERT_ROWS, "iss", batch_id, account_id, text);
		free(text);
		if (n < 0)
			return -1;
	}
	return 0;
}

int import_batch_create(db *d, const char *account_id, long long created_by, const char *file_name,
			const struct import_sheet *sheet, long long *batch_id)
{
	char name[256];
	snprintf(name, sizeof name, "%.*s", (int)stored_len(file_name), file_name);
	if (db_begin(d) != 0)
		return -1;
	if (db_exec(d,
		    "INSERT INTO import_batches (account_id, created_by, file_name, created_at, updated_at)"
		    " VALUES (?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
		    "sis", account_id, created_by, valid_utf8(name) ? name : "") != 1)
		goto fail;
	*batch_id = (long long)db_insert_id(d);
	long long last_line = sheet->n ? sheet->rows[sheet->n - 1].line : 0;
	if (insert_rows(d, account_id, *batch_id, sheet) != 0 || import_batch_revalidate(d, account_id, *batch_id) != 0 ||
	    db_exec(d, "UPDATE import_batches SET last_line = ? WHERE id = ? AND account_id = ?", "iis", last_line,
		    *batch_id, account_id) < 0)
		goto fail;
	return db_commit(d);
fail:
	db_rollback(d);
	return -1;
}

int import_batch_revalidate(db *d, const char *account_id, long long batch_id)
{
	if (db_exec(d,
		    "UPDATE import_rows SET errors = errors & ~48 WHERE batch_id = ? AND account_id = ?"
		    " AND state = 'pending' AND errors & 48 <> 0",
		    "is", batch_id, account_id) < 0)
		return -1;
	/* The one query that checks every email of the batch against the account. */
	if (db_exec(d,
		    "UPDATE import_rows r JOIN users u ON u.account_id = r.account_id AND u.email = r.email"
		    " SET r.errors = r.errors | 16"
		    " WHERE r.batch_id = ? AND r.account_id = ? AND r.state = 'pending' AND r.errors & 2 = 0",
		    "is", batch_id, account_id) < 0)
		return -1;
	/* Emails compare as the unique key of users does (the column's collation: no case). */
	if (db_exec(d,
		    "UPDATE import_rows r JOIN (SELECT email FROM import_rows WHERE batch_id = ? AND account_id = ?"
		    "  AND state = 'pending' AND errors & 2 = 0 GROUP BY email HAVING COUNT(*) > 1) dup ON dup.email = r.email"
		    " SET r.errors = r.errors | 32"
		    " WHERE r.batch_id = ? AND r.account_id = ? AND r.state = 'pending' AND r.errors & 2 = 0",
		    "isis", batch_id, account_id, batch_id, account_id) < 0)
		return -1;
	return 0;
}

int import_batch_lock(db *d, const char *account_id, long long batch_id)
{
	long long found = 0;
	return db_int(d, &found, "SELECT id FROM import_batches WHERE id = ? AND account_id = ? FOR UPDATE", "is",
		      batch_id, account_id);
}

long long import_row_save(db *d, const char *account_id, long long batch_id, long long row_id,
			  char *const v[IMPORT_FIELDS])
{
	char clipped[IMPORT_FIELDS][IMPORT_STORED_MAX * 4 + 1];
	for (int f = 0; f < IMPORT_FIELDS; f++)
		snprintf(clipped[f], sizeof clipped[f], "%.*s", (int)stored_len(v[f]), v[f]);
	const char *role = import_role_key(v[IMPORT_ROLE]);
	long long errors = import_check_row(v);
	if (row_id == 0) {
		/* Numbered after every row the batch ever had, deleted ones included. */
		if (db_exec(d, "UPDATE import_batches SET last_line = last_line + 1 WHERE id = ? AND account_id = ?", "is",
			    batch_id, account_id) != 1 ||
		    db_exec(d,
			    "INSERT INTO import_rows (batch_id, account_id, line, first_name, last_name, name, email,"
			    " role_text, role, errors)"
			    " SELECT id, account_id, last_line, ?, ?, ?, ?, ?, ?, ? FROM import_batches WHERE id = ? AND account_id = ?",
			    "ssssssiis", clipped[0], clipped[1], clipped[2], clipped[3], clipped[4], role, errors, batch_id,
			    account_id) != 1)
			return -1;
		row_id = (long long)db_insert_id(d);
	} else {
		long long found = 0;
		int rc = db_int(d, &found,
				"SELECT id FROM import_rows WHERE id = ? AND batch_id = ? AND account_id = ? AND state = 'pending'"
				" FOR UPDATE", "iis", row_id, batch_id, account_id);
		if (rc != 1)
			return rc;
		if (db_exec(d,
			    "UPDATE import_rows SET first_name = ?, last_name = ?, name = ?, email = ?, role_text = ?,"
			    " role = ?, errors = ? WHERE id = ? AND batch_id = ? AND account_id = ?",
			    "ssssssiiis", clipped[0], clipped[1], clipped[2], clipped[3], clipped[4], role, errors, row_id,
			    batch_id, account_id) < 0)
			return -1;
	}
	if (db_exec(d, "UPDATE import_batches SET updated_at = UTC_TIMESTAMP() WHERE id = ? AND account_id = ?", "is",
		    batch_id, account_id) < 0)
		return -1;
	return import_batch_revalidate(d, account_id, batch_id) == 0 ? row_id : -1;
}

int import_row_delete(db *d, const char *account_id, long long batch_id, long long row_id)
{
	long long n = db_exec(d, "DELETE FROM import_rows WHERE id = ? AND batch_id = ? AND account_id = ? AND state = 'pending'",
			      "iis", row_id, batch_id, account_id);
	if (n <= 0)
		return n < 0 ? -1 : 0;
	/* The row it duplicated may be fine now. */
	return import_batch_revalidate(d, account_id, batch_id) == 0 ? 1 : -1;
}

/* The ids of one chunk of valid rows: lowest, highest and how many. */
struct chunk {
	long long lo, hi, n;
};

static int chunk_from_row(void *ctx, const struct db_row *row)
{
	struct chunk *c = ctx;
	c->lo = row_int(row, "lo");
	c->hi = row_int(row, "hi");
	c->n = row_int(row, "n");
	return 0;
}

/* One chunk of Upload, inside the caller's transaction. Returns the users
 * added, 0 when no valid row is left, -1 on error, -2 when an email was
 * taken meanwhile (the failed statement changed nothing; the caller
 * re-validates and tries again). */
static long long add_chunk(db *d, const struct actor *who, const char *account_id, long long batch_id)
{
	struct chunk range = {0, 0, 0};
	if (import_batch_lock(d, account_id, batch_id) != 1 ||
	    db_one(d, chunk_from_row, &range,
		   "SELECT MIN(id) AS lo, MAX(id) AS hi, COUNT(*) AS n FROM (SELECT id FROM import_rows"
		   " WHERE batch_id = ? AND account_id = ? AND state = 'pending' AND errors = 0 ORDER BY id LIMIT ?) c",
		   "isi", batch_id, account_id, (long long)IMPORT_COMMIT_CHUNK) != 1)
		return -1;
	if (range.n == 0)
		return 0;
	long long lo = range.lo, hi = range.hi;
	long long added = db_exec(d,
		"INSERT INTO users (account_id, first_name, last_name, name, display_name, email, role, registered,"
		" source, created_at, updated_at, updated_by_name)"
		" SELECT account_id, first_name, last_name, name,"
		"  IF(name <> '', name, TRIM(CONCAT(first_name, ' ', last_name))), email, role, 0, 'Accounts app',"
		"  UTC_TIMESTAMP(), UTC_TIMESTAMP(), ?"
		" FROM import_rows WHERE batch_id = ? AND account_id = ? AND state = 'pending' AND errors = 0"
		"  AND id BETWEEN ? AND ? ORDER BY id",
		"sisii", who->name, batch_id, account_id, lo, hi);
	if (added < 0)
		return db_errno(d) == 1062 ? -2 : -1;
	/* Each new user's event, the same as Add User writes (lib/accounts.c), by the importer. */
	if (db_exec(d,
		    "UPDATE import_rows r JOIN users u ON u.account_id = r.account_id AND u.email = r.email"
		    " SET r.user_id = u.id, r.state = 'adding'"
		    " WHERE r.batch_id = ? AND r.account_id = ? AND r.state = 'pending' AND r.errors = 0 AND r.id BETWEEN ? AND ?",
		    "isii", batch_id, account_id, lo, hi) != added ||
	    db_exec(d,
		    "INSERT INTO events (account_id, actor_user_id, actor_name, actor_email, action, asset_type, asset_id,"
		    " asset_name, details, created_at)"
		    " SELECT u.account_id, NULLIF(?, 0), ?, ?, 'user.create', 'user', CAST(u.id AS CHAR), u.display_name,"
		    "  JSON_MERGE_PATCH(JSON_OBJECT('email', JSON_OBJECT('from', '', 'to', u.email),"
		    "   'role', JSON_OBJECT('from', '', 'to', u.role)),"
		    "   IF(u.first_name <> '', JSON_OBJECT('first_name', JSON_OBJECT('from', '', 'to', u.first_name)), JSON_OBJECT()),"
		    "   IF(u.last_name <> '', JSON_OBJECT('last_name', JSON_OBJECT('from', '', 'to', u.last_name)), JSON_OBJECT()),"
		    "   IF(u.name <> '', JSON_OBJECT('name', JSON_OBJECT('from', '', 'to', u.name)), JSON_OBJECT())),"
		    "  UTC_TIMESTAMP(6)"
		    " FROM import_rows r JOIN users u ON u.id = r.user_id AND u.account_id = r.account_id"
		    " WHERE r.batch_id = ? AND r.account_id = ? AND r.state = 'adding' ORDER BY r.id",
		    "issis", who->user_id, who->name, who->email ? who->email : "", batch_id, account_id) != added ||
	    db_exec(d, "UPDATE import_rows SET state = 'added' WHERE batch_id = ? AND account_id = ? AND state = 'adding'",
		    "is", batch_id, account_id) != added)
		return -1;
	return added;
}

long long import_batch_commit_chunk(db *d, const struct actor *who, const char *account_id, long long batch_id)
{
	for (int retries = 0;; retries++) {
		long long n = add_chunk(d, who, account_id, batch_id);
		if (n != -2)
			return n;
		/* Someone added one of these emails meanwhile: that row keeps the error, the rest go on. */
		if (retries == COMMIT_RETRIES || import_batch_revalidate(d, account_id, batch_id) != 0)
			return -1;
	}
}

int import_batch_record_added(db *d, const char *account_id, long long batch_id, long long added)
{
	return db_exec(d, "UPDATE import_batches SET added_count = ?, updated_at = UTC_TIMESTAMP() WHERE id = ? AND account_id = ?",
		       "iis", added, batch_id, account_id) < 0 ? -1 : 0;
}

struct chunk_call {
	db *d;
	const struct actor *who;
	const char *account_id;
	long long batch_id;
	long long added;
};

static int chunk_tx(void *ctx)
{
	struct chunk_call *c = ctx;
	c->added = import_batch_commit_chunk(c->d, c->who, c->account_id, c->batch_id);
	return c->added < 0 ? -1 : 0;
}

int import_batch_commit(db *d, const struct actor *who, const char *account_id, long long batch_id, long long *added)
{
	*added = 0;
	if (import_batch_revalidate(d, account_id, batch_id) != 0)
		return -1;
	struct chunk_call c = {d, who, account_id, batch_id, 0};
	do {
		if (db_tx(d, chunk_tx, &c) != 0)
			return -1;
		*added += c.added;
	} while (c.added > 0);
	return import_batch_record_added(d, account_id, batch_id, *added);
}

int import_batch_delete(db *d, const char *account_id, long long batch_id)
{
	long long n = db_exec(d, "DELETE FROM import_batches WHERE id = ? AND account_id = ?", "is", batch_id, account_id);
	return n < 0 ? -1 : n > 0;
}

#define BATCH_SELECT \
	"SELECT b.id, b.account_id, b.file_name, b.added_count, DATE_FORMAT(b.created_at, '%Y-%m-%d %H:%i') AS created," \
	" (SELECT COUNT(*) FROM import_rows WHERE batch_id = b.id AND state = 'pending') AS pending," \
	" (SELECT COUNT(*) FROM import_rows WHERE batch_id = b.id AND state = 'pending' AND errors <> 0) AS with_errors" \
	" FROM import_batches b WHERE b.id = ? AND b.account_id = ?"

static int batch_from_row(void *ctx, const struct db_row *row)
{
	struct import_batch *b = ctx;
	memset(b, 0, sizeof *b);
	b->id = row_int(row, "id");
	row_copy(row, "account_id", b->account_id, sizeof b->account_id);
	row_copy(row, "file_name", b->file_name, sizeof b->file_name);
	b->added_count = row_int(row, "added_count");
	row_copy(row, "created", b->created, sizeof b->created);
	b->pending = row_int(row, "pending");
	b->with_errors = row_int(row, "with_errors");
	return 0;
}

int import_batch_find(db *d, const char *account_id, long long batch_id, struct import_batch *out)
{
	return db_one(d, batch_from_row, out, BATCH_SELECT, "is", batch_id, account_id);
}

struct unfinished_call {
	import_unfinished_fn fn;
	void *ctx;
};

static int unfinished_from_row(void *ctx, const struct db_row *row)
{
	struct unfinished_call *c = ctx;
	struct import_unfinished b = {row_int(row, "id"), row_str(row, "file_name"), row_str(row, "created"),
				      row_int(row, "pending")};
	return c->fn(c->ctx, &b);
}

int import_unfinished_each(db *d, const char *account_id, import_unfinished_fn fn, void *ctx)
{
	struct unfinished_call call = {fn, ctx};
	return db_each(d, unfinished_from_row, &call,
		"SELECT b.id, b.file_name, DATE_FORMAT(b.created_at, '%Y-%m-%d %H:%i') AS created, COUNT(*) AS pending"
		" FROM import_batches b JOIN import_rows r ON r.batch_id = b.id AND r.state = 'pending'"
		" WHERE b.account_id = ? GROUP BY b.id ORDER BY b.created_at DESC, b.id DESC LIMIT 20",
		"s", account_id);
}

struct rows_call {
	import_row_fn fn;
	void *ctx;
};

static int row_view_from_row(void *ctx, const struct db_row *row)
{
	struct rows_call *c = ctx;
	struct import_row_view v = {
		.id = row_int(row, "id"),
		.line = (long)row_int(row, "line"),
		.v = {row_str(row, "first_name"), row_str(row, "last_name"), row_str(row, "name"), row_str(row, "email"),
		      row_str(row, "role_text")},
		.role = row_str(row, "role"),
		.errors = (unsigned)row_int(row, "errors"),
	};
	return c->fn(c->ctx, &v);
}

int import_rows_each(db *d, const char *account_id, long long batch_id, int only_errors, long long limit,
		     long long offset, import_row_fn fn, void *ctx)
{
	struct rows_call call = {fn, ctx};
	if (only_errors)
		return db_each(d, row_view_from_row, &call,
			"SELECT id, line, first_name, last_name, name, email, role_text, role, errors FROM import_rows"
			" WHERE batch_id = ? AND account_id = ? AND state = 'pending' AND errors <> 0"
			" ORDER BY line, id LIMIT ? OFFSET ?",
			"isii", batch_id, account_id, limit, offset);
	return db_each(d, row_view_from_row, &call,
		"SELECT id, line, first_name, last_name, name, email, role_text, role, errors FROM import_rows"
		" WHERE batch_id = ? AND account_id = ? AND state = 'pending'"
		" ORDER BY line, id LIMIT ? OFFSET ?",
		"isii", batch_id, account_id, limit, offset);
}

struct ids {
	long long *ids;
	int n, cap;
};

static int id_from_row(void *ctx, const struct db_row *row)
{
	struct ids *l = ctx;
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 256;
		long long *grown = realloc(l->ids, sizeof *grown * (size_t)cap);
		if (!grown)
			return -1;
		l->ids = grown;
		l->cap = cap;
	}
	l->ids[l->n++] = row_int(row, "user_id");
	return 0;
}

int import_added_users(db *d, const char *account_id, long long batch_id, long long **ids)
{
	struct ids l = {NULL, 0, 0};
	int n = db_each(d, id_from_row, &l,
		"SELECT user_id FROM import_rows WHERE batch_id = ? AND account_id = ? AND state = 'added' ORDER BY id",
		"is", batch_id, account_id);
	if (n < 0) {
		free(l.ids);
		return -1;
	}
	*ids = l.ids;
	return l.n;
}
