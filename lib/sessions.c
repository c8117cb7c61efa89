#include "lib/sessions.h"

#include <stdlib.h>
#include <string.h>

#define SESSION_SELECT(bell_columns, bell_joins) \
	"SELECT u.id, u.account_id, COALESCE(a.partner_id, a.id) AS partner_id, u.role," \
	" u.display_name AS name, u.email, s.csrf_token AS csrf, s.via_idp," \
	" TIMESTAMPDIFF(SECOND, s.last_seen_at, UTC_TIMESTAMP()) AS idle," \
	" cr.base AS custom_base, cr.grants AS custom_grants," \
	" COALESCE(u.language, '') AS language, a.default_language," \
	" (SELECT p.billing_id IS NOT NULL AND p.prime_partner = 0 FROM accounts p" \
	"  WHERE p.id = COALESCE(a.partner_id, a.id)) AS subscriptions" bell_columns \
	" FROM sessions s JOIN users u ON u.id = s.user_id JOIN accounts a ON a.id = u.account_id" \
	" LEFT JOIN roles cr ON cr.id = u.custom_role_id" bell_joins \
	" WHERE s.id_hash = ? AND a.status = 'active' AND u.active = 1" \
	" AND s.last_seen_at > UTC_TIMESTAMP() - INTERVAL ? MINUTE" \
	" AND s.created_at > UTC_TIMESTAMP() - INTERVAL ? HOUR"

/* The bell rides along as joined rows, one per notification (or one row
 * with none): the unseen count from its index, and the latest
 * notifications — only those from the tenth-newest on, so the join reads
 * ten rows however many the user has — with their jobs' outcomes. No
 * aggregate and no ORDER BY, so no temporary table: the rows are put in
 * order here. */
#define BELL_COLUMNS \
	", (SELECT COUNT(*) FROM notifications WHERE user_id = u.id AND seen = 0) AS unseen," \
	" n.id AS n_id, n.seen AS n_seen, n.account_id AS n_account, n.topic AS n_topic, n.subject AS n_subject," \
	" COALESCE(n.detail_key, '') AS n_detail_key, COALESCE(n.detail_args, '') AS n_detail_args," \
	" DATE_FORMAT(n.created_at, '%Y-%m-%d %H:%i') AS n_at," \
	" j.id AS j_id, j.kind AS j_kind, j.state AS j_state, j.total AS j_total, j.processed AS j_processed," \
	" j.skipped AS j_skipped," \
	" (SELECT COUNT(*) FROM mail_outbox o WHERE o.job_id = j.id AND o.state = 'queued') AS j_pending," \
	" (SELECT COUNT(*) FROM mail_outbox o WHERE o.job_id = j.id AND o.state = 'failed') AS j_mail_failed"
#define BELL_JOINS \
	" LEFT JOIN notifications n ON n.user_id = u.id AND n.id >= COALESCE(" \
	"  (SELECT id FROM notifications WHERE user_id = u.id ORDER BY id DESC LIMIT 1 OFFSET 9), 0)" \
	" LEFT JOIN jobs j ON j.id = n.job_id"

struct found {
	struct session *s;
	int with_bell;
	int rows;
};

static void item_from_row(struct bell_item *it, const struct db_row *row)
{
	memset(it, 0, sizeof *it);
	it->id = row_int(row, "n_id");
	it->seen = (int)row_int(row, "n_seen");
	row_copy(row, "n_account", it->account_id, sizeof it->account_id);
	row_copy(row, "n_at", it->at, sizeof it->at);
	row_copy(row, "n_topic", it->topic, sizeof it->topic);
	row_copy(row, "n_subject", it->subject, sizeof it->subject);
	row_copy(row, "n_detail_key", it->detail_key, sizeof it->detail_key);
	row_copy(row, "n_detail_args", it->detail_args, sizeof it->detail_args);
	it->job_id = row_int(row, "j_id");
	row_copy(row, "j_kind", it->kind, sizeof it->kind);
	row_copy(row, "j_state", it->state, sizeof it->state);
	it->total = row_int(row, "j_total");
	it->processed = row_int(row, "j_processed");
	it->skipped = row_int(row, "j_skipped");
	it->pending = row_int(row, "j_pending");
	it->mail_failed = row_int(row, "j_mail_failed");
}

static int session_from_row(void *ctx, const struct db_row *row)
{
	struct found *f = ctx;
	struct session *s = f->s;
	if (f->rows++ == 0) {
		s->user_id = row_int(row, "id");
		row_copy(row, "account_id", s->account_id, sizeof s->account_id);
		row_copy(row, "partner_id", s->partner_id, sizeof s->partner_id);
		row_copy(row, "role", s->role, sizeof s->role);
		row_copy(row, "name", s->name, sizeof s->name);
		row_copy(row, "email", s->email, sizeof s->email);
		row_copy(row, "csrf", s->csrf, sizeof s->csrf);
		s->idle_seconds = (long)row_int(row, "idle");
		s->via_idp = (int)row_int(row, "via_idp");
		s->has_custom_role = !row_null(row, "custom_grants");
		row_copy(row, "custom_base", s->custom_base, sizeof s->custom_base);
		row_copy(row, "custom_grants", s->custom_grants, sizeof s->custom_grants);
		row_copy(row, "language", s->language, sizeof s->language);
		row_copy(row, "default_language", s->default_language, sizeof s->default_language);
		s->subscriptions = row_int(row, "subscriptions") != 0;
		if (f->with_bell)
			s->unseen = row_int(row, "unseen");
	}
	if (f->with_bell && !row_null(row, "n_id") && s->n_items < BELL_LATEST)
		item_from_row(&s->items[s->n_items++], row);
	return 0;
}

static int newest_first(const void *a, const void *b)
{
	long long x = ((const struct bell_item *)a)->id, y = ((const struct bell_item *)b)->id;
	return x < y ? 1 : x > y ? -1 : 0;
}

int session_find(db *d, const char *id_hash, int idle_minutes, int absolute_hours, int with_bell, struct session *out)
{
	memset(out, 0, sizeof *out);
	struct found f = {out, with_bell, 0};
	int rc = with_bell
		? db_each(d, session_from_row, &f, SESSION_SELECT(BELL_COLUMNS, BELL_JOINS), "sii", id_hash,
			  (long long)idle_minutes, (long long)absolute_hours)
		: db_each(d, session_from_row, &f, SESSION_SELECT("", ""), "sii", id_hash, (long long)idle_minutes,
			  (long long)absolute_hours);
	if (rc < 0)
		return -1;
	qsort(out->items, (size_t)out->n_items, sizeof out->items[0], newest_first);
	return rc > 0;
}

int session_touch(db *d, const char *id_hash)
{
	return db_exec(d, "UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() WHERE id_hash = ?", "s", id_hash) < 0 ? -1 : 0;
}

int session_create(db *d, const char *id_hash, long long user_id, const char *csrf, const char *client_addr,
		   const char *old_hash, int idle_minutes, int via_idp)
{
	/* The old id is never reused across sign-in. */
	if (old_hash && *old_hash && session_delete(d, old_hash) != 0)
		return -1;
	if (db_exec(d,
		    "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, client_addr, via_idp)"
		    " VALUES (?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(), ?, ?)",
		    "sissi", id_hash, user_id, csrf, client_addr, (long long)(via_idp != 0)) != 1)
		return -1;
	/* Housekeeping: sessions idle past the limit are gone for good. */
	db_exec(d, "DELETE FROM sessions WHERE last_seen_at < UTC_TIMESTAMP() - INTERVAL ? MINUTE LIMIT 100",
		"i", (long long)idle_minutes);
	return 0;
}

int session_delete(db *d, const char *id_hash)
{
	return db_exec(d, "DELETE FROM sessions WHERE id_hash = ?", "s", id_hash) < 0 ? -1 : 0;
}

int sessions_end_user(db *d, long long user_id)
{
	return db_exec(d, "DELETE FROM sessions WHERE user_id = ?", "i", user_id) < 0 ? -1 : 0;
}

int sessions_end_user_except(db *d, long long user_id, const char *keep_hash)
{
	return db_exec(d, "DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?", "is", user_id, keep_hash) < 0 ? -1 : 0;
}

int sessions_end_account(db *d, const char *account_id)
{
	return db_exec(d, "DELETE s FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.account_id = ?",
		       "s", account_id) < 0 ? -1 : 0;
}
