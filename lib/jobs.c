#include "lib/jobs.h"
#include "lib/gateways.h"
#include "lib/events_export.h"
#include "lib/mivb/micollab_sync.h"
#include "lib/mail.h"
#include "lib/mitel_one.h"
#include "lib/pbx_links.h"
#include "lib/import/import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_keys[JOB_KIND_COUNT] = {"welcome", "reset", "delete", "convert", "upgrade", "assign",
						       "unassign", "gateway_reset", "import", "export_events",
						       "mitel_one", "micollab_sync"};

const char *job_kind_key(enum job_kind k)
{
	return (unsigned)k < JOB_KIND_COUNT ? kind_keys[k] : "";
}

int job_kind_from_key(const char *key)
{
	for (int k = 0; k < JOB_KIND_COUNT; k++)
		if (key && strcmp(key, kind_keys[k]) == 0)
			return k;
	return -1;
}

long long job_create(db *d, const struct actor *who, const char *account_id, enum job_kind kind)
{
	if (db_exec(d,
		    "INSERT INTO jobs (account_id, kind, created_by, created_by_name, created_by_email, run_after, created_at)"
		    " VALUES (?, ?, NULLIF(?, 0), ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
		    "ssiss", account_id, job_kind_key(kind), who ? who->user_id : 0LL,
		    who && who->name ? who->name : "System", who && who->email ? who->email : "") != 1)
		return -1;
	return (long long)db_insert_id(d);
}

long long jobs_enqueue_import(db *d, const struct actor *who, const char *account_id, long long batch_id, long long rows)
{
	long long id = job_create(d, who, account_id, JOB_IMPORT);
	if (id < 0 || db_exec(d, "UPDATE jobs SET subject_id = ?, total = ? WHERE id = ?", "iii", batch_id, rows, id) != 1)
		return -1;
	return id;
}

int job_return_to(db *d, long long job_id, const char *path)
{
	return db_exec(d, "UPDATE jobs SET return_to = ? WHERE id = ?", "si", path, job_id) < 0 ? -1 : 0;
}

int job_seal(db *d, long long job_id)
{
	/* Rows "affected" are rows changed: an empty job's total stays 0. */
	return db_exec(d, "UPDATE jobs SET total = (SELECT COUNT(*) FROM job_items WHERE job_id = ?) WHERE id = ?", "ii",
		       job_id, job_id) < 0 ? -1 : 0;
}

/* The ids travel as one JSON array, expanded by JSON_TABLE: one statement
 * for any number of users, and only the account's own users are taken. */
static int add_users(db *d, long long job_id, const char *account_id, const long long *ids, int n)
{
	json_t *list = json_array();
	for (int i = 0; list && i < n; i++)
		json_array_append_new(list, json_integer(ids[i]));
	char *text = list ? json_dumps(list, JSON_COMPACT) : NULL;
	json_decref(list);
	if (!text)
		return -1;
	long long rc = db_exec(d,
		"INSERT IGNORE INTO job_items (job_id, account_id, user_id)"
		" SELECT ?, u.account_id, u.id FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH '$')) j"
		" JOIN users u ON u.id = j.id WHERE u.account_id = ?",
		"iss", job_id, text, account_id);
	free(text);
	return rc < 0 ? -1 : 0;
}

int job_add_account(db *d, long long job_id, const char *account_id)
{
	/* Only a customer account of the job's own partner is taken. */
	return db_exec(d,
		"INSERT IGNORE INTO job_accounts (job_id, account_id) SELECT j.id, a.id FROM jobs j"
		" JOIN accounts a ON a.partner_id = j.account_id AND a.kind = 'customer' WHERE j.id = ? AND a.id = ?",
		"is", job_id, account_id) < 0 ? -1 : 0;
}

long long jobs_enqueue(db *d, const struct actor *who, const char *account_id, enum job_kind kind,
		       const long long *user_ids, int n)
{
	long long id = job_create(d, who, account_id, kind);
	if (id < 0 || add_users(d, id, account_id, user_ids, n) != 0 || job_seal(d, id) != 0)
		return -1;
	return id;
}

int jobs_enqueue_welcome(db *d, const struct actor *who, const char *account_id, const long long *user_ids, int n)
{
	return jobs_enqueue(d, who, account_id, JOB_WELCOME, user_ids, n) > 0 ? 0 : -1;
}

/* ---- doing the work ---- */

struct item_user {
	int found;
	char role[32];
	int registered;
	char email[256];
	char name[256];
};

static int item_user_from(void *ctx, const struct db_row *row)
{
	struct item_user *u = ctx;
	row_copy(row, "role", u->role, sizeof u->role);
	u->registered = (int)row_int(row, "registered");
	row_copy(row, "email", u->email, sizeof u->email);
	row_copy(row, "display_name", u->name, sizeof u->name);
	return 0;
}

static int load_user(db *d, const char *account_id, long long user_id, struct item_user *u)
{
	memset(u, 0, sizeof *u);
	int rc = db_one(d, item_user_from, u,
		"SELECT role, registered, email, display_name FROM users WHERE id = ? AND account_id = ? FOR UPDATE",
		"is", user_id, account_id);
	if (rc < 0)
		return -1;
	u->found = rc == 1;
	return 0;
}

/* A customer account keeps at least one Account Admin. */
static int last_admin(db *d, const char *account_id)
{
	long long n = 0;
	if (db_int(d, &n, "SELECT COUNT(*) FROM users WHERE account_id = ? AND role = 'account_admin' FOR UPDATE", "s",
		   account_id) != 1)
		return -1;
	return n <= 1;
}

static int delete_user(db *d, const struct job_row *job, long long user_id, const struct item_user *u)
{
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", user_id);
	struct actor who = {job->created_by, job->created_by_name, job->created_by_email};
	/* A user synced from a PBX stays listed: only the login goes (guide §2.4). */
	int synced = pbx_user_synced(d, job->account_id, user_id);
	if (synced)
		return synced < 0 || pbx_user_remove_login(d, &who, job->account_id, user_id) != 1 ? -1 : 0;
	json_t *details = json_pack("{s:s,s:s,s:I}", "email", u->email, "role", u->role, "job", (json_int_t)job->id);
	int ok = details && audit_event(d, job->account_id, &who, "user.delete", "user", id_text, u->name, details) == 0 &&
		 db_exec(d, "DELETE FROM users WHERE id = ? AND account_id = ?", "is", user_id, job->account_id) == 1;
	json_decref(details);
	return ok ? 0 : -1;
}

/* The email and its event, in the batch's transaction. */
static int queue_mail(db *d, const struct job_row *job, long long user_id, const struct item_user *u, const char *kind,
		      const char *action)
{
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", user_id);
	struct actor who = {job->created_by, job->created_by_name, job->created_by_email};
	json_t *details = json_pack("{s:s,s:I}", "email", u->email, "job", (json_int_t)job->id);
	int ok = details && mail_enqueue(d, job->account_id, user_id, job->id, kind) == 1 &&
		 audit_event(d, job->account_id, &who, action, "user", id_text, u->name, details) == 0;
	json_decref(details);
	return ok ? 0 : -1;
}

/* One partner user's "user.update" event, and their MODIFIED ON (BY). */
static int user_updated(db *d, const struct job_row *job, long long user_id, const char *name, json_t *changes)
{
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", user_id);
	struct actor who = {job->created_by, job->created_by_name, job->created_by_email};
	int ok = changes && json_object_set_new(changes, "job", json_integer(job->id)) == 0 &&
		 audit_event(d, job->account_id, &who, "user.update", "user", id_text, name, changes) == 0 &&
		 db_exec(d, "UPDATE users SET updated_at = UTC_TIMESTAMP(), updated_by_name = ? WHERE id = ? AND account_id = ?",
			 "sis", job->created_by_name, user_id, job->account_id) >= 0;
	json_decref(changes);
	return ok ? 0 : -1;
}

/* Convert or upgrade one partner user. An upgraded manager's assignments
 * are dropped: an administrator reaches every account. */
static int change_role(db *d, const struct job_row *job, long long user_id, const struct item_user *u, const char *to)
{
	long long dropped = 0;
	if (db_exec(d, "UPDATE users SET role = ? WHERE id = ? AND account_id = ?", "sis", to, user_id,
		    job->account_id) != 1)
		return -1;
	if (strcmp(to, "partner_admin") == 0 &&
	    (dropped = db_exec(d, "DELETE FROM account_manager_accounts WHERE user_id = ?", "i", user_id)) < 0)
		return -1;
	json_t *changes = json_object();
	audit_change(changes, "role", u->role, to);
	if (changes && dropped > 0)
		json_object_set_new(changes, "managed_accounts_dropped", json_integer(dropped));
	return user_updated(d, job, user_id, u->name, changes);
}

/* The accounts of an assign or unassign job, read before any is changed. */
struct job_account {
	char id[UUID_LEN];
	char name[1024];
};

struct job_accounts {
	struct job_account *list;
	int n, size;
};

static int job_account_from(void *ctx, const struct db_row *row)
{
	struct job_accounts *a = ctx;
	if (a->n == a->size) {
		int size = a->size ? a->size * 2 : 16;
		struct job_account *grown = realloc(a->list, (size_t)size * sizeof *grown);
		if (!grown)
			return -1;
		a->list = grown;
		a->size = size;
	}
	row_copy(row, "id", a->list[a->n].id, sizeof a->list[a->n].id);
	row_copy(row, "name", a->list[a->n].name, sizeof a->list[a->n].name);
	a->n++;
	return 0;
}

/* Gives the job's accounts to one manager, or takes them; the event names
 * the accounts that changed (none changed, no event). */
static int change_accounts(db *d, const struct job_row *job, long long user_id, const struct item_user *u)
{
	struct job_accounts accounts = {0};
	int rc = db_each(d, job_account_from, &accounts,
		"SELECT a.id, a.name FROM job_accounts ja JOIN accounts a ON a.id = ja.account_id AND a.partner_id = ?"
		" WHERE ja.job_id = ? ORDER BY a.name, a.id", "si", job->account_id, job->id) < 0 ? -1 : 0;
	json_t *changed = json_array();
	if (!changed)
		rc = -1;
	for (int i = 0; i < accounts.n && rc == 0; i++) {
		const char *account = accounts.list[i].id;
		long long c = job->kind == JOB_ASSIGN
			? db_exec(d, "INSERT IGNORE INTO account_manager_accounts (user_id, account_id) VALUES (?, ?)", "is",
				  user_id, account)
			: db_exec(d, "DELETE FROM account_manager_accounts WHERE user_id = ? AND account_id = ?", "is", user_id,
				  account);
		if (c < 0)
			rc = -1;
		else if (c > 0)
			json_array_append_new(changed, json_string(accounts.list[i].name));
	}
	free(accounts.list);
	if (rc == 0 && json_array_size(changed) > 0)
		rc = user_updated(d, job, user_id, u->name,
				  json_pack("{s:O}", job->kind == JOB_ASSIGN ? "accounts_assigned" : "accounts_unassigned", changed));
	json_decref(changed);
	return rc;
}

/* The Account Managers kinds: never on the starter themselves, and only on
 * a user still in the role the action starts from. */
static int manager_item(db *d, const struct job_row *job, long long user_id, const struct item_user *u,
			const char **reason)
{
	if (user_id == job->created_by) {
		*reason = "yourself";
		return 0;
	}
	const char *from = job->kind == JOB_CONVERT ? "partner_admin" : "account_manager";
	if (strcmp(u->role, from) != 0) {
		*reason = job->kind == JOB_CONVERT ? "not_admin" : "not_manager";
		return 0;
	}
	if (job->kind == JOB_CONVERT)
		return change_role(d, job, user_id, u, "account_manager");
	if (job->kind == JOB_UPGRADE)
		return change_role(d, job, user_id, u, "partner_admin");
	return change_accounts(d, job, user_id, u);
}

/* Does one item; sets *reason to why it was skipped (NULL when done). */
static int do_item(db *d, const struct job_row *job, struct mitel_one_batch *m1, long long user_id, const char **reason)
{
	struct item_user u;
	*reason = NULL;
	if (load_user(d, job->account_id, user_id, &u) != 0)
		return -1;
	if (!u.found) {
		*reason = "gone";
		return 0;
	}
	switch (job->kind) {
	case JOB_WELCOME:
		if (u.registered) {
			*reason = "registered";
			return 0;
		}
		return queue_mail(d, job, user_id, &u, "welcome", "user.welcome_email");
	case JOB_RESET:
		if (!u.registered) {
			*reason = "unregistered";
			return 0;
		}
		return queue_mail(d, job, user_id, &u, "reset", "user.password_reset_email");
	case JOB_DELETE:
		if (strcmp(u.role, "partner_admin") == 0 || strcmp(u.role, "account_manager") == 0) {
			*reason = "partner";
			return 0;
		}
		if (user_id == job->created_by) {
			*reason = "self";
			return 0;
		}
		if (strcmp(u.role, "account_admin") == 0) {
			int last = last_admin(d, job->account_id);
			if (last < 0)
				return -1;
			if (last) {
				*reason = "last_admin";
				return 0;
			}
		}
		return delete_user(d, job, user_id, &u);
	case JOB_CONVERT:
	case JOB_UPGRADE:
	case JOB_ASSIGN:
	case JOB_UNASSIGN:
		return manager_item(d, job, user_id, &u, reason);
	case JOB_MITEL_ONE:
		return mitel_one_batch_item(d, m1, user_id, u.name, reason);
	case JOB_GATEWAY_RESET: {
		struct actor who = {job->created_by, job->created_by_name, job->created_by_email};
		int unlinked = pbx_user_unlink(d, &who, job->account_id, user_id);
		if (unlinked == 0)
			*reason = "not_pbx";
		return unlinked < 0 ? -1 : 0;
	}
	default:
		return -1;
	}
}

#define JOB_SELECT \
	"SELECT j.id, j.account_id, j.kind, j.state, j.total, j.processed, j.skipped, COALESCE(j.created_by, 0) AS created_by," \
	" j.created_by_name, j.created_by_email, j.attempts, j.last_error, j.return_to, j.subject_id," \
	" DATE_FORMAT(j.created_at, '%Y-%m-%d %H:%i') AS created," \
	" DATE_FORMAT(j.finished_at, '%Y-%m-%d %H:%i') AS finished FROM jobs j"

static int job_from_row(void *ctx, const struct db_row *row)
{
	struct job_row *job = ctx;
	memset(job, 0, sizeof *job);
	job->id = row_int(row, "id");
	row_copy(row, "account_id", job->account_id, sizeof job->account_id);
	job->kind = (enum job_kind)job_kind_from_key(row_str(row, "kind"));
	row_copy(row, "state", job->state, sizeof job->state);
	job->total = (int)row_int(row, "total");
	job->processed = (int)row_int(row, "processed");
	job->skipped = (int)row_int(row, "skipped");
	job->created_by = row_int(row, "created_by");
	row_copy(row, "created_by_name", job->created_by_name, sizeof job->created_by_name);
	row_copy(row, "created_by_email", job->created_by_email, sizeof job->created_by_email);
	job->attempts = (int)row_int(row, "attempts");
	row_copy(row, "last_error", job->last_error, sizeof job->last_error);
	row_copy(row, "return_to", job->return_to, sizeof job->return_to);
	job->subject_id = row_int(row, "subject_id");
	row_copy(row, "created", job->created, sizeof job->created);
	row_copy(row, "finished", job->finished, sizeof job->finished);
	return 0;
}

int job_load(db *d, long long job_id, int for_update, struct job_row *job)
{
	if (for_update)
		return db_one(d, job_from_row, job, JOB_SELECT " WHERE j.id = ? FOR UPDATE", "i", job_id);
	return db_one(d, job_from_row, job, JOB_SELECT " WHERE j.id = ?", "i", job_id);
}

int jobs_find(db *d, const char *account_id, long long job_id, struct job_row *job)
{
	return db_one(d, job_from_row, job, JOB_SELECT " WHERE j.id = ? AND j.account_id = ?", "is", job_id, account_id);
}

/* The end: what the kind does once its items are done, state done, and a
 * notification for whoever started it. */
int job_finish(db *d, const struct job_row *job)
{
	struct actor who = {job->created_by, job->created_by_name, job->created_by_email};
	if (job->kind == JOB_GATEWAY_RESET && gateway_integration_remove(d, &who, job->account_id) != 0)
		return -1;
	if (db_exec(d, "UPDATE jobs SET state = 'done', finished_at = UTC_TIMESTAMP(), lease_owner = NULL,"
		       " lease_until = NULL WHERE id = ?", "i", job->id) != 1)
		return -1;
	return job_notify(d, job);
}

int job_notify(db *d, const struct job_row *job)
{
	if (!job->created_by)
		return 0;
	/* The starter may have been deleted since; then nobody is told. */
	return db_exec(d,
		"INSERT INTO notifications (user_id, account_id, job_id, created_at)"
		" SELECT id, ?, ?, UTC_TIMESTAMP() FROM users WHERE id = ?",
		"sii", job->account_id, job->id, job->created_by) < 0 ? -1 : 0;
}

static int pending_from(void *ctx, const struct db_row *row)
{
	long long **next = ctx;
	*(*next)++ = row_int(row, "user_id");
	return 0;
}

/* A large import's Upload: one chunk of its valid rows added, by whoever
 * started it (lib/import, guide §2.8), in the runner's transaction. */
static int import_work(db *d, const struct job_row *job)
{
	struct actor who = {job->created_by, job->created_by_name, job->created_by_email};
	long long added = import_batch_commit_chunk(d, &who, job->account_id, job->subject_id);
	if (added < 0)
		return -1;
	if (added > 0 && db_exec(d, "UPDATE jobs SET processed = processed + ? WHERE id = ?", "ii", added, job->id) != 1)
		return -1;
	/* Nothing left to add: the rows that were not added (an email taken meanwhile) stay in the preview. */
	if (added == 0 && (import_batch_record_added(d, job->account_id, job->subject_id, job->processed) != 0 ||
			   db_exec(d, "UPDATE jobs SET skipped = GREATEST(total - processed, 0) WHERE id = ?", "i", job->id) < 0 ||
			   job_finish(d, job) != 0))
		return -1;
	return (int)added;
}

int job_work(db *d, const struct job_row *job, int max_items)
{
	if (job->kind == JOB_IMPORT)
		return import_work(d, job);
	/* An export works through events, not users: a batch is a chunk of its file. */
	if (job->kind == JOB_EXPORT_EVENTS)
		return events_export_work(d, job);
	if (job->kind == JOB_MICOLLAB_SYNC)
		return mivb_micollab_sync_work(d, job, max_items);
	long long *users = malloc((size_t)(max_items > 0 ? max_items : 1) * sizeof *users), *next = users;
	if (!users)
		return -1;
	int n = db_each(d, pending_from, &next,
		"SELECT user_id FROM job_items WHERE job_id = ? AND outcome = 'pending' ORDER BY user_id LIMIT ?",
		"ii", job->id, (long long)max_items);
	int rc = n, skipped = 0;
	/* A bulk Mitel One batch reads its settings and pools once (lib/mitel_one.h). */
	struct mitel_one_batch *m1 = NULL;
	if (n > 0 && job->kind == JOB_MITEL_ONE && !(m1 = mitel_one_batch_begin(d, job)))
		rc = -1;
	for (int i = 0; i < n && rc >= 0; i++) {
		const char *reason;
		if (do_item(d, job, m1, users[i], &reason) != 0 ||
		    db_exec(d, "UPDATE job_items SET outcome = ?, reason = ? WHERE job_id = ? AND user_id = ?", "ssii",
			    reason ? "skipped" : "done", reason ? reason : "", job->id, users[i]) != 1)
			rc = -1;
		skipped += reason != NULL;
	}
	free(users);
	free(m1);
	if (rc < 0)
		return -1;
	if (n > 0 && db_exec(d, "UPDATE jobs SET processed = processed + ?, skipped = skipped + ? WHERE id = ?", "iii",
			     (long long)n, (long long)skipped, job->id) != 1)
		return -1;
	if (n < max_items && job_finish(d, job) != 0)
		return -1;
	return n;
}

int job_run_if_small(db *d, long long id)
{
	struct job_row job;
	int found = job_load(d, id, 1, &job);
	if (found != 1)
		return -1;
	if (job.total <= JOBS_INLINE_MAX && job_work(d, &job, JOBS_INLINE_MAX + 1) < 0)
		return -1;
	return 0;
}

/* ---- syncd's side: claims and leases ---- */

/* Exclusive across Galera nodes: see db_claim. */
long long jobs_claim(db *d, const char *owner, int lease_seconds)
{
	return db_claim(d,
		"SELECT id FROM jobs WHERE state IN ('queued', 'running') AND run_after <= UTC_TIMESTAMP()"
		" AND (lease_until IS NULL OR lease_until < UTC_TIMESTAMP())"
		" ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
		"UPDATE jobs SET state = 'running', lease_owner = ?, lease_until = UTC_TIMESTAMP() + INTERVAL ? SECOND,"
		" attempts = attempts + 1 WHERE id = ?", owner, lease_seconds);
}

int job_lease_held(db *d, long long id, const char *owner)
{
	long long ours = 0;
	int rc = db_int(d, &ours,
		"SELECT COUNT(*) FROM jobs WHERE id = ? AND lease_owner = ? AND state = 'running' FOR UPDATE",
		"is", id, owner);
	return rc < 0 ? -1 : ours == 1;
}

int job_lease_extend(db *d, long long id, int lease_seconds)
{
	/* Within the same second the lease does not change: 0 rows is fine. */
	return db_exec(d, "UPDATE jobs SET lease_until = UTC_TIMESTAMP() + INTERVAL ? SECOND WHERE id = ?", "ii",
		       (long long)lease_seconds, id) < 0 ? -1 : 0;
}

int job_release(db *d, const struct job_row *job, const char *owner, int give_up, long wait_seconds, const char *error)
{
	if (db_exec(d,
		"UPDATE jobs SET state = IF(?, 'failed', 'queued'), lease_owner = NULL, lease_until = NULL,"
		" run_after = UTC_TIMESTAMP() + INTERVAL ? SECOND, last_error = LEFT(?, 512),"
		" finished_at = IF(?, UTC_TIMESTAMP(), NULL) WHERE id = ? AND lease_owner = ?",
		"iisiis", (long long)give_up, (long long)wait_seconds, error, (long long)give_up, job->id, owner) < 0)
		return -1;
	return give_up ? job_notify(d, job) : 0;
}

static int mail_counts_from_row(void *ctx, const struct db_row *row)
{
	struct job_mail *m = ctx;
	m->pending = row_int(row, "pending");
	m->sent = row_int(row, "sent");
	m->failed = row_int(row, "failed");
	return 0;
}

int job_mail_counts(db *d, long long job_id, struct job_mail *out)
{
	memset(out, 0, sizeof *out);
	return db_one(d, mail_counts_from_row, out,
		"SELECT COALESCE(SUM(state = 'queued'), 0) AS pending, COALESCE(SUM(state = 'sent'), 0) AS sent,"
		" COALESCE(SUM(state = 'failed'), 0) AS failed FROM mail_outbox WHERE job_id = ?", "i", job_id) < 0 ? -1 : 0;
}

struct skipped_call {
	job_skipped_fn fn;
	void *ctx;
};

static int skipped_from_row(void *ctx, const struct db_row *row)
{
	struct skipped_call *c = ctx;
	struct job_skipped s;
	s.user_id = row_int(row, "user_id");
	s.reason = row_str(row, "reason");
	s.display_name = row_str(row, "display_name");
	s.email = row_str(row, "email");
	return c->fn(c->ctx, &s);
}

int job_skipped_each(db *d, const char *account_id, long long job_id, int limit, job_skipped_fn fn, void *ctx)
{
	struct skipped_call c = {fn, ctx};
	return db_each(d, skipped_from_row, &c,
		"SELECT i.user_id, i.reason, u.display_name, u.email FROM job_items i"
		" LEFT JOIN users u ON u.id = i.user_id AND u.account_id = i.account_id"
		" WHERE i.job_id = ? AND i.account_id = ? AND i.outcome = 'skipped' ORDER BY i.user_id LIMIT ?",
		"isi", job_id, account_id, (long long)limit);
}
