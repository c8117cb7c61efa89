#include "lib/pbx_sync.h"
#include "lib/audit.h"
#include "lib/core/config.h"
#include "lib/notifications.h"
#include "lib/pbx_links.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const struct actor system_actor = {0, "System", ""};

/* ---- what the console holds ---- */

struct known_set {
	struct pbx_arena arena;
	struct pbx_known *items;
	size_t n, cap;
};

static int known_from_row(void *ctx, const struct db_row *row)
{
	struct known_set *k = ctx;
	if (k->n == k->cap) {
		size_t cap = k->cap ? k->cap * 2 : 1024;
		struct pbx_known *grown = realloc(k->items, cap * sizeof *grown);
		if (!grown)
			return -1;
		k->items = grown;
		k->cap = cap;
	}
	struct pbx_known *it = &k->items[k->n];
	memset(it, 0, sizeof *it);
	if (!(it->pbx_id = pbx_strdup(&k->arena, row_str(row, "pbx_id"))))
		return -1;
	row_copy(row, "fingerprint", it->fingerprint, sizeof it->fingerprint);
	it->state = (enum pbx_email_state)pbx_email_state_from_key(row_str(row, "email_state"));
	it->user_id = row_int(row, "user_id");
	it->user_exists = (int)row_int(row, "user_exists");
	k->n++;
	return 0;
}

struct string_set {
	struct pbx_arena arena;
	const char **items;
	size_t n, cap;
};

static int string_from_row(void *ctx, const struct db_row *row)
{
	struct string_set *s = ctx;
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 1024;
		const char **grown = realloc(s->items, cap * sizeof *grown);
		if (!grown)
			return -1;
		s->items = grown;
		s->cap = cap;
	}
	return (s->items[s->n++] = pbx_strdup(&s->arena, row_str(row, "email"))) ? 0 : -1;
}

struct did_set {
	struct pbx_arena arena;
	struct pbx_did *items;
	size_t n, cap;
};

static int did_from_row(void *ctx, const struct db_row *row)
{
	struct did_set *s = ctx;
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		struct pbx_did *grown = realloc(s->items, cap * sizeof *grown);
		if (!grown)
			return -1;
		s->items = grown;
		s->cap = cap;
	}
	struct pbx_did *d = &s->items[s->n];
	if (!(d->number = pbx_strdup(&s->arena, row_str(row, "number"))) ||
	    !(d->target = pbx_strdup(&s->arena, row_str(row, "target"))))
		return -1;
	s->n++;
	return 0;
}

/* ---- applying, a batch at a time ---- */

struct applier {
	db *d;
	long long link_id;
	const char *account_id;
	const char *owner;
	struct pbx_sync_stats *stats;   /* the counts of the batch being written */
};

static int lease_seconds(void) { return cfg_int("Pbx.LeaseSeconds", 120); }

static int wrote(struct applier *a, long long rows)
{
	if (rows < 0)
		return -1;
	a->stats->writes += rows;
	return 0;
}

static int event(struct applier *a, const char *action, const char *asset_type, const char *asset_id,
		 const char *name, json_t *details)
{
	int rc = audit_event(a->d, a->account_id, &system_actor, action, asset_type, asset_id, name, details);
	json_decref(details);
	if (rc != 0)
		return -1;
	a->stats->events++;
	a->stats->writes++;
	return 0;
}

static void display_name(const struct pbx_user *u, char *out, size_t n)
{
	if (*u->first_name && *u->last_name)
		snprintf(out, n, "%s %s", u->first_name, u->last_name);
	else
		snprintf(out, n, "%s", *u->first_name ? u->first_name : *u->last_name ? u->last_name : u->email);
}

/* The console's extension: the first of the user's DNs. */
static void first_extension(const struct pbx_user *u, char out[33])
{
	size_t n = strcspn(u->extensions, ",");
	snprintf(out, 33, "%.*s", (int)(n > 32 ? 32 : n), u->extensions);
}

/* A login for the user: its id, 0 when its email turns out to be taken. */
static long long insert_login(struct applier *a, const struct pbx_user *u)
{
	char display[256], ext[33];
	display_name(u, display, sizeof display);
	first_extension(u, ext);
	long long rc = db_exec(a->d,
		"INSERT INTO users (account_id, first_name, last_name, display_name, email, extension, role, registered,"
		" source, pbx_user, created_at, updated_at, updated_by_name)"
		" VALUES (?, ?, ?, ?, ?, ?, 'user', 0, 'PBX', 1, UTC_TIMESTAMP(), UTC_TIMESTAMP(), 'System')",
		"ssssss", a->account_id, u->first_name, u->last_name, display, u->email, ext);
	if (rc != 1)
		return db_errno(a->d) == 1062 ? 0 : -1;
	a->stats->writes++;
	a->stats->logins_added++;
	long long id = (long long)db_insert_id(a->d);
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", id);
	json_t *details = json_object();
	audit_change(details, "first_name", "", u->first_name);
	audit_change(details, "last_name", "", u->last_name);
	audit_change(details, "email", "", u->email);
	audit_change(details, "extension", "", ext);
	json_object_set_new(details, "source", json_string("PBX"));
	json_object_set_new(details, "pbx_id", json_string(u->pbx_id));
	return event(a, "user.create", "user", id_text, display, details) == 0 ? id : -1;
}

struct login_row {
	char first[404], last[404], email[1024], ext[132];
};

static int login_from_row(void *ctx, const struct db_row *row)
{
	struct login_row *l = ctx;
	row_copy(row, "first_name", l->first, sizeof l->first);
	row_copy(row, "last_name", l->last, sizeof l->last);
	row_copy(row, "email", l->email, sizeof l->email);
	row_copy(row, "extension", l->ext, sizeof l->ext);
	return 0;
}

/* The login's PBX-owned fields follow the profile. Its email only when the
 * profile's is usable; *state becomes duplicate when it is taken. */
static int update_login(struct applier *a, long long user_id, const struct pbx_user *u, unsigned char *state)
{
	struct login_row old;
	if (db_one(a->d, login_from_row, &old, "SELECT first_name, last_name, email, extension FROM users"
					       " WHERE id = ? AND account_id = ? FOR UPDATE", "is", user_id, a->account_id) != 1)
		return -1;
	char display[256], ext[33];
	display_name(u, display, sizeof display);
	first_extension(u, ext);
	const char *email = *state == PBX_EMAIL_OK ? u->email : old.email;
	json_t *details = json_object();
	audit_change(details, "first_name", old.first, u->first_name);
	audit_change(details, "last_name", old.last, u->last_name);
	audit_change(details, "email", old.email, email);
	audit_change(details, "extension", old.ext, ext);
	if (json_object_size(details) == 0) {
		json_decref(details);
		return 0;
	}
	long long rc = db_exec(a->d, "UPDATE users SET first_name = ?, last_name = ?, display_name = ?, email = ?,"
				     " extension = ?, updated_at = UTC_TIMESTAMP(), updated_by_name = 'System'"
				     " WHERE id = ? AND account_id = ?",
			       "sssssis", u->first_name, u->last_name, display, email, ext, user_id, a->account_id);
	if (rc < 0 && db_errno(a->d) == 1062) {
		/* Another user took that email meanwhile: the rest follows, the email waits. */
		*state = PBX_EMAIL_DUPLICATE;
		json_decref(details);
		return update_login(a, user_id, u, state);
	}
	if (wrote(a, rc) != 0) {
		json_decref(details);
		return -1;
	}
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", user_id);
	json_object_set_new(details, "source", json_string("PBX"));
	return event(a, "user.update", "user", id_text, display, details);
}

static int write_profile(struct applier *a, const struct pbx_user *u, long long user_id, unsigned char state,
			 const char *fingerprint, int is_new)
{
	long long rc = is_new
		? db_exec(a->d, "INSERT INTO pbx_users (link_id, pbx_id, account_id, user_id, first_name, last_name, email,"
				" extensions, department, location, email_state, fingerprint, updated_at)"
				" VALUES (?, ?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())",
			  "ississssssss", a->link_id, u->pbx_id, a->account_id, user_id, u->first_name, u->last_name,
			  u->email, u->extensions, u->department, u->location,
			  pbx_email_state_key((enum pbx_email_state)state), fingerprint)
		: db_exec(a->d, "UPDATE pbx_users SET user_id = NULLIF(?, 0), first_name = ?, last_name = ?, email = ?,"
				" extensions = ?, department = ?, location = ?, email_state = ?, fingerprint = ?,"
				" updated_at = UTC_TIMESTAMP() WHERE link_id = ? AND pbx_id = ?",
			  "issssssssis", user_id, u->first_name, u->last_name, u->email, u->extensions, u->department,
			  u->location, pbx_email_state_key((enum pbx_email_state)state), fingerprint, a->link_id, u->pbx_id);
	return wrote(a, rc);
}

static json_t *profile_details(const struct pbx_user *u, unsigned char state)
{
	return json_pack("{s:s,s:s,s:s,s:s,s:s}", "pbx_id", u->pbx_id, "email", u->email, "extensions", u->extensions,
			 "email_state", pbx_email_state_key((enum pbx_email_state)state), "login", "none");
}

static int apply_add(struct applier *a, const struct pbx_user *u, unsigned char state, const char *fp)
{
	long long user_id = 0;
	if (state == PBX_EMAIL_OK) {
		user_id = insert_login(a, u);
		if (user_id < 0)
			return -1;
		if (user_id == 0)
			state = PBX_EMAIL_DUPLICATE;
	}
	if (write_profile(a, u, user_id, state, fp, 1) != 0)
		return -1;
	a->stats->added++;
	if (user_id)
		return 0;
	char name[256];
	display_name(u, name, sizeof name);
	return event(a, "pbx_user.create", "PBX user", u->pbx_id, name, profile_details(u, state));
}

static int apply_change(struct applier *a, const struct pbx_user *u, const struct pbx_known *k, unsigned char state,
			const char *fp)
{
	long long user_id = k->user_exists ? k->user_id : 0;
	int had_login = user_id != 0;
	if (user_id) {
		if (update_login(a, user_id, u, &state) != 0)
			return -1;
	} else if (state == PBX_EMAIL_OK) {
		user_id = insert_login(a, u);
		if (user_id < 0)
			return -1;
		if (user_id == 0)
			state = PBX_EMAIL_DUPLICATE;
	}
	if (write_profile(a, u, user_id, state, fp, 0) != 0)
		return -1;
	a->stats->changed++;
	if (had_login || user_id)
		return 0;
	char name[256];
	display_name(u, name, sizeof name);
	return event(a, "pbx_user.update", "PBX user", u->pbx_id, name, profile_details(u, state));
}

struct gone_login {
	int registered;
	char role[32];
	char name[256];
};

static int gone_from_row(void *ctx, const struct db_row *row)
{
	struct gone_login *g = ctx;
	g->registered = (int)row_int(row, "registered");
	row_copy(row, "role", g->role, sizeof g->role);
	row_copy(row, "display_name", g->name, sizeof g->name);
	return 0;
}

/* A user the PBX no longer has (ch3 §2.4 decided): the profile goes; a
 * login that never registered goes too, any other is unlinked. An Account
 * Admin keeps their login: the account must not lose its administrators. */
static int apply_remove(struct applier *a, const struct pbx_known *k)
{
	if (wrote(a, db_exec(a->d, "DELETE FROM pbx_users WHERE link_id = ? AND pbx_id = ?", "is", a->link_id,
			     k->pbx_id)) != 0)
		return -1;
	a->stats->removed++;
	struct gone_login g = {0};
	int found = k->user_id ? db_one(a->d, gone_from_row, &g,
					"SELECT registered, role, display_name FROM users WHERE id = ? AND account_id = ?"
					" FOR UPDATE", "is", k->user_id, a->account_id)
			       : 0;
	if (found < 0)
		return -1;
	if (found == 0)
		return event(a, "pbx_user.delete", "PBX user", k->pbx_id, "", json_pack("{s:s}", "pbx_id", k->pbx_id));
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", k->user_id);
	if (!g.registered && strcmp(g.role, "user") == 0) {
		if (wrote(a, db_exec(a->d, "DELETE FROM users WHERE id = ? AND account_id = ?", "is", k->user_id,
				     a->account_id)) != 0)
			return -1;
		a->stats->logins_removed++;
		return event(a, "user.delete", "user", id_text, g.name,
			     json_pack("{s:s,s:s}", "reason", "removed from the PBX", "pbx_id", k->pbx_id));
	}
	if (wrote(a, db_exec(a->d, "UPDATE users SET pbx_user = 0, updated_at = UTC_TIMESTAMP(), updated_by_name = 'System'"
				   " WHERE id = ? AND account_id = ?", "is", k->user_id, a->account_id)) != 0)
		return -1;
	a->stats->unlinked++;
	json_t *details = json_object();
	audit_change(details, "pbx_user", "1", "0");
	json_object_set_new(details, "pbx_id", json_string(k->pbx_id));
	return event(a, "user.update", "user", id_text, g.name, details);
}

static int did_cmp(const void *x, const void *y)
{
	return strcmp(((const struct pbx_did *)x)->number, ((const struct pbx_did *)y)->number);
}

static int did_add(struct applier *a, const struct pbx_did *theirs)
{
	a->stats->dids_added++;
	return wrote(a, db_exec(a->d, "INSERT INTO pbx_dids (link_id, number, account_id, target) VALUES (?, ?, ?, ?)",
				"isss", a->link_id, theirs->number, a->account_id, theirs->target)) == 0 &&
			       event(a, "did.create", "DID", theirs->number, theirs->number,
				     json_pack("{s:s}", "target", theirs->target)) == 0
		       ? 0 : -1;
}

static int did_remove(struct applier *a, const struct pbx_did *ours)
{
	a->stats->dids_removed++;
	return wrote(a, db_exec(a->d, "DELETE FROM pbx_dids WHERE link_id = ? AND number = ?", "is", a->link_id,
				ours->number)) == 0 &&
			       event(a, "did.delete", "DID", ours->number, ours->number, NULL) == 0
		       ? 0 : -1;
}

static int did_change(struct applier *a, const struct pbx_did *theirs, const struct pbx_did *ours)
{
	a->stats->dids_changed++;
	json_t *details = json_object();
	audit_change(details, "target", ours->target, theirs->target);
	if (wrote(a, db_exec(a->d, "UPDATE pbx_dids SET target = ? WHERE link_id = ? AND number = ?", "sis",
			     theirs->target, a->link_id, theirs->number)) != 0) {
		json_decref(details);
		return -1;
	}
	return event(a, "did.update", "DID", theirs->number, theirs->number, details);
}

/* One change of the sync. They are written in this order: removals first
 * (an email a removed login frees may go to a new one), then the users,
 * then the DIDs. */
enum step_kind { STEP_REMOVE, STEP_USER, STEP_DID_ADD, STEP_DID_REMOVE, STEP_DID_CHANGE };

struct step {
	unsigned char kind;
	size_t i;   /* REMOVE: into known; USER: into the snapshot's users; DIDs: into theirs */
	size_t j;   /* DIDs: into ours */
};

struct plan {
	const struct pbx_snapshot *snap;
	const struct pbx_diff *diff;
	const struct pbx_known *known;
	const struct pbx_did *theirs, *ours;
	struct step *steps;
	size_t n;
};

static void plan_users(struct plan *p)
{
	for (size_t r = 0; r < p->diff->n_removed; r++)
		p->steps[p->n++] = (struct step){STEP_REMOVE, p->diff->removed[r], 0};
	for (size_t i = 0; i < p->snap->n_users; i++)
		if (p->diff->op[i] != PBX_SAME)
			p->steps[p->n++] = (struct step){STEP_USER, i, 0};
}

/* Both lists sorted by number, then merged: a step for each number added,
 * removed or pointed elsewhere. */
static void plan_dids(struct plan *p, struct pbx_did *theirs, size_t n, struct pbx_did *ours, size_t m)
{
	if (n)
		qsort(theirs, n, sizeof *theirs, did_cmp);
	if (m)
		qsort(ours, m, sizeof *ours, did_cmp);
	/* A number listed twice: the first stands. */
	size_t kept = 0;
	for (size_t k = 0; k < n; k++)
		if (kept == 0 || strcmp(theirs[k].number, theirs[kept - 1].number) != 0)
			theirs[kept++] = theirs[k];
	n = kept;
	p->theirs = theirs;
	p->ours = ours;
	size_t i = 0, j = 0;
	while (i < n || j < m) {
		int c = i == n ? 1 : j == m ? -1 : strcmp(theirs[i].number, ours[j].number);
		if (c < 0)
			p->steps[p->n++] = (struct step){STEP_DID_ADD, i++, 0};
		else if (c > 0)
			p->steps[p->n++] = (struct step){STEP_DID_REMOVE, 0, j++};
		else if (strcmp(theirs[i].target, ours[j].target) != 0)
			p->steps[p->n++] = (struct step){STEP_DID_CHANGE, i++, j++};
		else
			i++, j++;
	}
}

static int apply_step(struct applier *a, const struct plan *p, const struct step *s)
{
	const struct pbx_diff *diff = p->diff;
	switch (s->kind) {
	case STEP_REMOVE:
		return apply_remove(a, &p->known[s->i]);
	case STEP_USER:
		return diff->op[s->i] == PBX_ADD
			? apply_add(a, &p->snap->users[s->i], diff->state[s->i], diff->fingerprint[s->i])
			: apply_change(a, &p->snap->users[s->i], &p->known[diff->known[s->i]], diff->state[s->i],
				       diff->fingerprint[s->i]);
	case STEP_DID_ADD:
		return did_add(a, &p->theirs[s->i]);
	case STEP_DID_REMOVE:
		return did_remove(a, &p->ours[s->j]);
	default:
		return did_change(a, &p->theirs[s->i], &p->ours[s->j]);
	}
}

struct batch_call {
	struct applier a;
	const struct plan *p;
	size_t from, to;
	struct pbx_sync_stats counts;
};

/* One batch, one db_tx (ARCHITECTURE §10): the link's row locked with its
 * lease still ours, the batch's changes, the lease extended. db_tx runs it
 * again whole after a certification conflict or a lost node, so its counts
 * start over on every run. 1 when the lease went to another syncd. */
static int batch_body(void *ctx)
{
	struct batch_call *b = ctx;
	memset(&b->counts, 0, sizeof b->counts);
	b->a.stats = &b->counts;
	int held = pbx_link_lease_held(b->a.d, b->a.link_id, b->a.owner);
	for (size_t k = b->from; held == 1 && k < b->to; k++)
		if (apply_step(&b->a, b->p, &b->p->steps[k]) != 0)
			return -1;
	if (held == 1)
		held = pbx_link_lease_extend(b->a.d, b->a.link_id, b->a.owner, lease_seconds());
	return held == 1 ? 0 : held < 0 ? -1 : 1;
}

static void stats_add(struct pbx_sync_stats *to, const struct pbx_sync_stats *from)
{
	to->added += from->added;
	to->changed += from->changed;
	to->removed += from->removed;
	to->logins_added += from->logins_added;
	to->logins_removed += from->logins_removed;
	to->unlinked += from->unlinked;
	to->dids_added += from->dids_added;
	to->dids_removed += from->dids_removed;
	to->dids_changed += from->dids_changed;
	to->writes += from->writes;
	to->events += from->events;
}

/* Every batch of PBX_SYNC_BATCH steps in turn. 0 done, 1 the lease was
 * lost, -1 error (the batches committed before stay). */
static int apply_plan(db *d, long long link_id, const char *account_id, const char *owner, const struct plan *p,
		      struct pbx_sync_stats *stats)
{
	for (size_t from = 0; from < p->n; from += PBX_SYNC_BATCH) {
		struct batch_call b = {{d, link_id, account_id, owner, NULL}, p, from,
				       p->n - from < PBX_SYNC_BATCH ? p->n : from + PBX_SYNC_BATCH, {0}};
		int rc = db_tx(d, batch_body, &b);
		if (rc != 0)
			return rc > 0 ? 1 : -1;
		stats_add(stats, &b.counts);
	}
	return 0;
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

struct success_call {
	db *d;
	long long link_id;
	const char *account_id, *owner, *text;
	const struct pbx_snapshot *snap;
	const struct pbx_diff *diff;
	int held;
};

static int write_success(void *ctx)
{
	struct success_call *k = ctx;
	db *d = k->d;
	const struct pbx_snapshot *snap = k->snap;
	const struct pbx_diff *diff = k->diff;
	long long link_id = k->link_id;
	const char *account_id = k->account_id;
	char name[256] = "";
	long long failing = 0, connected = 0;
	k->held = pbx_link_lease_held(d, link_id, k->owner);
	if (k->held != 1)
		return k->held < 0 ? -1 : 0;
	int ok = db_int(d, &failing, "SELECT failing FROM pbx_links WHERE id = ?", "i", link_id) == 1 &&
		 db_int(d, &connected, "SELECT connected FROM pbx_links WHERE id = ?", "i", link_id) == 1 &&
		 db_str(d, name, sizeof name, "SELECT name FROM pbx_links WHERE id = ?", "i", link_id) == 1 &&
		 db_exec(d, "UPDATE pbx_links SET connected = 1, failing = 0, failures = 0, syncs = syncs + 1,"
			    " last_success_at = UTC_TIMESTAMP(), last_error = '', last_error_key = NULL, last_error_args = NULL,"
			    " users_count = IF(?, users_count, ?), dids_count = IF(?, dids_count, ?),"
			    " no_email_count = IF(?, no_email_count, ?), dup_email_count = IF(?, dup_email_count, ?),"
			    " etag = ?, pbx_version = ?, last_result = ?,"
			    " due_at = UTC_TIMESTAMP() + INTERVAL sync_minutes MINUTE, sync_requested = 0,"
			    " lease_owner = NULL, lease_until = NULL, updated_at = UTC_TIMESTAMP() WHERE id = ?",
			 "iiiiiiiisssi", (long long)snap->unchanged, (long long)snap->n_users, (long long)snap->unchanged,
			 (long long)snap->n_dids, (long long)snap->unchanged, (long long)diff->no_email,
			 (long long)snap->unchanged, (long long)diff->dup_email, snap->etag, snap->version, k->text,
			 link_id) == 1 &&
		 (!failing || notifications_for_admins(d, account_id, "pbx_link_recovered", name, NULL, NULL) >= 0);
	if (ok && !connected) {
		char id_text[24];
		snprintf(id_text, sizeof id_text, "%lld", link_id);
		json_t *counts = json_pack("{s:I,s:I}", "users", (json_int_t)snap->n_users, "dids", (json_int_t)snap->n_dids);
		ok = db_exec(d, "UPDATE gateway_onboarding SET step = 'deployment', last_error = '', updated_at = UTC_TIMESTAMP()"
				" WHERE account_id = ? AND pbx_link_id = ? AND step IN ('connect_pbx', 'sync_pbx')",
			     "si", account_id, link_id) >= 0 &&
		     audit_event(d, account_id, &system_actor, "pbx.connected", "PBX", id_text, name, counts) == 0;
		json_decref(counts);
	}
	return ok ? 0 : -1;
}

/* The success in the link's status: its only write when nothing changed. */
static int record_success(db *d, long long link_id, const char *account_id, const char *owner,
			  const struct pbx_snapshot *snap, const struct pbx_diff *diff, const struct pbx_sync_stats *st,
			  double seconds, double fetch_seconds)
{
	json_t *result = json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:b,s:f,s:f}", "added", (json_int_t)st->added,
				   "changed", (json_int_t)st->changed, "removed", (json_int_t)st->removed,
				   "logins_added", (json_int_t)st->logins_added, "logins_removed",
				   (json_int_t)st->logins_removed, "unlinked", (json_int_t)st->unlinked, "writes",
				   (json_int_t)st->writes, "events", (json_int_t)st->events, "unchanged", st->unchanged,
				   "seconds", seconds, "fetch_seconds", fetch_seconds);
	char *text = result ? json_dumps(result, JSON_COMPACT) : NULL;
	json_decref(result);
	if (!text)
		return -1;
	struct success_call k = {d, link_id, account_id, owner, text, snap, diff, 0};
	int rc = db_tx(d, write_success, &k);
	free(text);
	if (rc != 0)
		return -1;
	return k.held == 1 ? 0 : 1;
}

int pbx_sync_apply(db *d, long long link_id, const char *account_id, const char *owner,
		   const struct pbx_snapshot *snap, double fetch_seconds, struct pbx_sync_stats *stats)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(stats, 0, sizeof *stats);
	stats->unchanged = snap->unchanged;
	struct pbx_diff diff = {0};
	if (snap->unchanged)
		return record_success(d, link_id, account_id, owner, snap, &diff, stats, seconds_since(&t0), fetch_seconds);

	struct known_set known = {0};
	struct string_set taken = {0};
	struct did_set dids = {0};
	struct pbx_did *theirs = NULL;
	struct step *steps = NULL;
	int rc = -1;
	if (db_each(d, known_from_row, &known,
		    "SELECT p.pbx_id, p.fingerprint, p.email_state, COALESCE(p.user_id, 0) AS user_id,"
		    " u.id IS NOT NULL AS user_exists FROM pbx_users p"
		    " LEFT JOIN users u ON u.id = p.user_id AND u.account_id = p.account_id WHERE p.link_id = ?",
		    "i", link_id) < 0 ||
	    db_each(d, string_from_row, &taken,
		    "SELECT u.email FROM users u WHERE u.account_id = ?"
		    " AND NOT EXISTS (SELECT 1 FROM pbx_users p WHERE p.user_id = u.id AND p.link_id = ?)",
		    "si", account_id, link_id) < 0 ||
	    db_each(d, did_from_row, &dids, "SELECT number, target FROM pbx_dids WHERE link_id = ?", "i", link_id) < 0)
		goto end;
	int drc = pbx_diff_compute(snap, known.items, known.n, taken.items, taken.n, &diff);
	if (drc != 0) {
		rc = drc == -2 ? -2 : -1;
		goto end;
	}
	theirs = malloc((snap->n_dids ? snap->n_dids : 1) * sizeof *theirs);
	steps = malloc((diff.n_removed + snap->n_users + snap->n_dids + dids.n + 1) * sizeof *steps);
	if (!theirs || !steps)
		goto end;
	if (snap->n_dids)
		memcpy(theirs, snap->dids, snap->n_dids * sizeof *theirs);
	struct plan plan = {snap, &diff, known.items, NULL, NULL, steps, 0};
	plan_users(&plan);
	plan_dids(&plan, theirs, snap->n_dids, dids.items, dids.n);
	rc = apply_plan(d, link_id, account_id, owner, &plan, stats);
	if (rc != 0)
		goto end;
	rc = record_success(d, link_id, account_id, owner, snap, &diff, stats, seconds_since(&t0), fetch_seconds);
end:
	pbx_diff_free(&diff);
	free(known.items);
	pbx_arena_free(&known.arena);
	free(taken.items);
	pbx_arena_free(&taken.arena);
	free(dids.items);
	pbx_arena_free(&dids.arena);
	free(theirs);
	free(steps);
	return rc;
}
