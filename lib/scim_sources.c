#include "lib/scim_sources.h"
#include "lib/scim_users.h"

#include <stdio.h>
#include <string.h>

#define SOURCE_COLS \
	"id, account_id, name, base_url, filter, interval_minutes, failures, created_by_name," \
	" due_at <= UTC_TIMESTAMP() AS due_now, lease_until > UTC_TIMESTAMP() AS running," \
	" DATE_FORMAT(last_attempt_at, '%Y-%m-%d %H:%i') AS last_attempt," \
	" DATE_FORMAT(last_success_at, '%Y-%m-%d %H:%i') AS last_success," \
	" DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS created, last_error," \
	" COALESCE(last_error_key, '') AS last_error_key, COALESCE(last_error_args, '') AS last_error_args, last_result"

static int source_row(void *ctx, const struct db_row *row)
{
	struct scim_source *s = ctx;
	memset(s, 0, sizeof *s);
	s->id = row_int(row, "id");
	row_copy(row, "account_id", s->account_id, sizeof s->account_id);
	row_copy(row, "name", s->name, sizeof s->name);
	row_copy(row, "base_url", s->base_url, sizeof s->base_url);
	row_copy(row, "filter", s->filter, sizeof s->filter);
	s->interval_minutes = (int)row_int(row, "interval_minutes");
	s->failures = (int)row_int(row, "failures");
	s->due_now = (int)row_int(row, "due_now");
	s->running = (int)row_int(row, "running");
	row_copy(row, "last_attempt", s->last_attempt, sizeof s->last_attempt);
	row_copy(row, "last_success", s->last_success, sizeof s->last_success);
	row_copy(row, "created", s->created, sizeof s->created);
	row_copy(row, "last_error", s->last_error, sizeof s->last_error);
	row_copy(row, "last_error_key", s->last_error_key, sizeof s->last_error_key);
	row_copy(row, "last_error_args", s->last_error_args, sizeof s->last_error_args);
	row_copy(row, "last_result", s->last_result, sizeof s->last_result);
	row_copy(row, "created_by_name", s->created_by, sizeof s->created_by);
	return 0;
}

int scim_source_find(db *d, const char *account_id, long long id, struct scim_source *out)
{
	return db_one(d, source_row, out, "SELECT " SOURCE_COLS " FROM scim_sources WHERE account_id = ? AND id = ?", "si",
		      account_id, id);
}

struct each {
	scim_source_fn fn;
	void *ctx;
};

static int each_row(void *ctx, const struct db_row *row)
{
	struct each *e = ctx;
	struct scim_source s;
	source_row(&s, row);
	return e->fn(e->ctx, &s);
}

int scim_sources_each(db *d, const char *account_id, scim_source_fn fn, void *ctx)
{
	struct each e = {fn, ctx};
	return db_each(d, each_row, &e, "SELECT " SOURCE_COLS " FROM scim_sources WHERE account_id = ? ORDER BY name, id",
		       "s", account_id);
}

static int source_event(db *d, const char *account_id, const struct actor *by, const char *action, long long id,
			const char *name, json_t *details)
{
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", id);
	int rc = audit_event(d, account_id, by, action, "scim_source", id_text, name, details);
	json_decref(details);
	return rc;
}

long long scim_source_add(db *d, const char *account_id, const struct scim_source_fields *f, const char *token_sealed,
			  const struct actor *by)
{
	if (db_exec(d,
		    "INSERT INTO scim_sources (account_id, name, base_url, token_sealed, filter, interval_minutes, due_at,"
		    " created_by_name, created_at, updated_at)"
		    " VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(), ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
		    "sssssis", account_id, f->name, f->base_url, token_sealed, f->filter, (long long)f->interval_minutes,
		    by->name) != 1)
		return -1;
	long long id = (long long)db_insert_id(d);
	json_t *details = json_pack("{s:s,s:s,s:i}", "base_url", f->base_url, "filter", f->filter, "interval_minutes",
				    f->interval_minutes);
	return source_event(d, account_id, by, "scim_source.create", id, f->name, details) == 0 ? id : -1;
}

int scim_source_update(db *d, const char *account_id, long long id, const struct scim_source_fields *f,
		       const char *token_sealed, const struct actor *by)
{
	struct scim_source old;
	if (scim_source_find(d, account_id, id, &old) != 1)
		return -1;
	/* another address, filter or token may list other users: the next pull lists them all */
	if (db_exec(d,
		    "UPDATE scim_sources SET name = ?, base_url = ?, filter = ?, interval_minutes = ?,"
		    " token_sealed = COALESCE(?, token_sealed), due_at = LEAST(due_at, UTC_TIMESTAMP() + INTERVAL ? MINUTE),"
		    " watermark = NULL, listed_all_at = NULL, updated_at = UTC_TIMESTAMP() WHERE account_id = ? AND id = ?",
		    "sssisisi", f->name, f->base_url, f->filter, (long long)f->interval_minutes, token_sealed,
		    (long long)f->interval_minutes, account_id, id) < 0)
		return -1;
	json_t *changes = json_object();
	audit_change(changes, "name", old.name, f->name);
	audit_change(changes, "base_url", old.base_url, f->base_url);
	audit_change(changes, "filter", old.filter, f->filter);
	char a[16], b[16];
	snprintf(a, sizeof a, "%d", old.interval_minutes);
	snprintf(b, sizeof b, "%d", f->interval_minutes);
	audit_change(changes, "interval_minutes", a, b);
	if (token_sealed)
		json_object_set_new(changes, "token", json_string("replaced"));
	return source_event(d, account_id, by, "scim_source.update", id, f->name, changes);
}

int scim_source_request(db *d, const char *account_id, long long id)
{
	return db_exec(d, "UPDATE scim_sources SET due_at = UTC_TIMESTAMP() WHERE account_id = ? AND id = ?", "si",
		       account_id, id) < 0 ? -1 : 0;
}

int scim_source_delete(db *d, const char *account_id, long long id, const char *name, const struct actor *by)
{
	/* its users stay, as console users again: one statement each, bounded by the source's users */
	long long released = db_exec(d,
		"UPDATE users u JOIN scim_users s ON s.user_id = u.id SET u.source = 'Accounts app'"
		" WHERE s.source_id = ? AND s.account_id = ?",
		"is", id, account_id);
	if (released < 0 ||
	    db_exec(d, "DELETE FROM scim_users WHERE source_id = ? AND account_id = ?", "is", id, account_id) < 0 ||
	    db_exec(d, "DELETE FROM scim_sources WHERE account_id = ? AND id = ?", "si", account_id, id) != 1)
		return -1;
	return source_event(d, account_id, by, "scim_source.delete", id, name,
			    json_pack("{s:I}", "users_released", (json_int_t)released));
}

/* ---- syncd ---- */

static int claim_row(void *ctx, const struct db_row *row)
{
	struct scim_source_claim *c = ctx;
	memset(c, 0, sizeof *c);
	c->id = row_int(row, "id");
	row_copy(row, "account_id", c->account_id, sizeof c->account_id);
	row_copy(row, "name", c->name, sizeof c->name);
	row_copy(row, "base_url", c->base_url, sizeof c->base_url);
	row_copy(row, "filter", c->filter, sizeof c->filter);
	row_copy(row, "token_sealed", c->token_sealed, sizeof c->token_sealed);
	c->interval_minutes = (int)row_int(row, "interval_minutes");
	c->failures = (int)row_int(row, "failures");
	row_copy(row, "watermark", c->watermark, sizeof c->watermark);
	c->list_all = (int)row_int(row, "list_all");
	return 0;
}

/* Exclusive across Galera nodes: see db_claim. The claimed row is read
 * after the claim's commit, under the lease it now holds. */
int scim_source_claim(db *d, const char *owner, int lease_seconds, struct scim_source_claim *out)
{
	long long id = db_claim(d,
		"SELECT id FROM scim_sources WHERE due_at <= UTC_TIMESTAMP()"
		" AND (lease_until IS NULL OR lease_until < UTC_TIMESTAMP())"
		" ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED",
		"UPDATE scim_sources SET lease_owner = ?, lease_until = UTC_TIMESTAMP() + INTERVAL ? SECOND,"
		" last_attempt_at = UTC_TIMESTAMP() WHERE id = ?", owner, lease_seconds);
	if (id <= 0)
		return id < 0 ? -1 : 0;
	/* Deleted from the console since: nothing to pull. */
	return db_one(d, claim_row, out,
		      "SELECT id, account_id, name, base_url, filter, token_sealed, interval_minutes, failures,"
		      " COALESCE(watermark, '') AS watermark,"
		      " listed_all_at IS NULL OR listed_all_at < UTC_TIMESTAMP() - INTERVAL 1 DAY AS list_all"
		      " FROM scim_sources WHERE id = ? AND lease_owner = ?", "is", id, owner);
}

int scim_source_lease_keep(db *d, long long id, const char *owner, int lease_seconds)
{
	long long n = db_exec(d,
		"UPDATE scim_sources SET lease_until = UTC_TIMESTAMP() + INTERVAL ? SECOND WHERE id = ? AND lease_owner = ?",
		"iis", (long long)lease_seconds, id, owner);
	if (n < 0)
		return -1;
	long long ours = 0;
	if (db_int(d, &ours, "SELECT COUNT(*) FROM scim_sources WHERE id = ? AND lease_owner = ?", "is", id, owner) < 0)
		return -1;
	return ours == 1;
}

int scim_source_finish(db *d, long long id, const char *owner, const struct stored_message *error, const char *words,
		       json_t *result, const struct scim_pull_mark *mark, int interval_minutes, int failures)
{
	int ok = mark != NULL;
	/* after a failure: a minute, doubling, never later than the schedule */
	long long wait = 60LL * interval_minutes;
	if (!ok) {
		long long backoff = 60LL << (failures < 10 ? failures : 10);
		wait = backoff < wait ? backoff : wait;
	}
	char *text = result ? json_dumps(result, JSON_COMPACT) : NULL;
	int said = !ok && error->key[0];   /* a success keeps no error */
	char *args = said ? stored_message_args_json(error) : NULL;
	long long rc = db_exec(d,
		"UPDATE scim_sources SET lease_owner = NULL, lease_until = NULL, due_at = UTC_TIMESTAMP() + INTERVAL ? SECOND,"
		" failures = IF(?, 0, failures + 1), last_success_at = IF(?, UTC_TIMESTAMP(), last_success_at),"
		" last_error = IF(?, '', LEFT(?, 512)), last_error_key = IF(?, ?, NULL), last_error_args = IF(?, ?, NULL),"
		" last_result = COALESCE(?, last_result),"
		" watermark = IF(?, ?, watermark), listed_all_at = IF(?, UTC_TIMESTAMP(), listed_all_at)"
		" WHERE id = ? AND lease_owner = ?",
		"iiiisisissisiis", wait, (long long)ok, (long long)ok, (long long)ok, words ? words : "",
		(long long)said, error->key, (long long)said, args ? args : "", text, (long long)ok,
		mark ? mark->watermark : NULL, (long long)(mark && mark->listed_all), id, owner);
	free(text);
	free(args);
	return rc < 0 ? -1 : 0;
}

struct each_user {
	scim_source_user_fn fn;
	void *ctx;
};

static int user_row(void *ctx, const struct db_row *row)
{
	struct each_user *e = ctx;
	struct scim_source_user u = {row_str(row, "external_id"), row_int(row, "user_id"), row_str(row, "fingerprint"),
				     (int)row_int(row, "adopted")};
	return e->fn(e->ctx, &u);
}

int scim_source_users_each(db *d, long long source_id, scim_source_user_fn fn, void *ctx)
{
	struct each_user e = {fn, ctx};
	return db_each(d, user_row, &e,
		       "SELECT external_id, user_id, fingerprint, adopted FROM scim_users WHERE source_id = ?", "i", source_id);
}

struct released {
	char name[1024];
};

static int released_row(void *ctx, const struct db_row *row)
{
	row_copy(row, "display_name", ((struct released *)ctx)->name, sizeof((struct released *)ctx)->name);
	return 0;
}

int scim_source_release(db *d, const char *account_id, long long user_id, const char *source_name)
{
	struct released r = {""};
	if (db_one(d, released_row, &r, "SELECT display_name FROM users WHERE account_id = ? AND id = ? FOR UPDATE", "si",
		   account_id, user_id) != 1 ||
	    db_exec(d, "UPDATE users SET source = 'Accounts app', updated_at = UTC_TIMESTAMP() WHERE account_id = ? AND id = ?",
		    "si", account_id, user_id) < 0 ||
	    db_exec(d, "DELETE FROM scim_users WHERE account_id = ? AND user_id = ?", "si", account_id, user_id) < 0 ||
	    db_exec(d, "DELETE FROM scim_user_values WHERE account_id = ? AND user_id = ?", "si", account_id, user_id) < 0)
		return -1;
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", user_id);
	json_t *details = json_pack("{s:{s:s,s:s},s:s}", "source", "from", "SCIM", "to", "Accounts app", "scim_source",
				    source_name);
	int rc = audit_event(d, account_id, &scim_actor, "user.update", "user", id_text, r.name, details);
	json_decref(details);
	return rc;
}
