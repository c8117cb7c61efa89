#include "lib/pbx_links.h"
#include "lib/core/config.h"
#include "lib/core/validate.h"
#include "lib/gateways.h"
#include "lib/notifications.h"
#include "lib/pbx_types.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Configure PBX ---- */

int pbx_host_valid(const char *host)
{
	unsigned char buf[16];
	if (!host || !*host || strlen(host) > 253)
		return 0;
	if (inet_pton(AF_INET, host, buf) == 1 || inet_pton(AF_INET6, host, buf) == 1)
		return 1;
	/* A name: dot-separated labels of letters, digits and inner hyphens,
	 * not all digits (that would be a mistyped address). */
	int label = 0, alpha = 0;
	for (const char *p = host; *p; p++) {
		if (*p == '.') {
			if (label == 0 || p[-1] == '-')
				return 0;
			label = 0;
			continue;
		}
		if (!isalnum((unsigned char)*p) && !(*p == '-' && label > 0))
			return 0;
		alpha |= isalpha((unsigned char)*p) || *p == '-';
		if (++label > 63)
			return 0;
	}
	return label > 0 && host[strlen(host) - 1] != '-' && alpha;
}

static int check_field(const char *value, size_t max, int required, const char *field,
		       void (*bad)(void *ctx, const char *field, const char *reason), void *ctx)
{
	if (!value || !*value) {
		if (required)
			bad(ctx, field, "required");
		return required;
	}
	if (!valid_line(value, 0)) {
		bad(ctx, field, "invalid");
		return 1;
	}
	if (utf8_length(value) > max) {
		bad(ctx, field, "too_long");
		return 1;
	}
	return 0;
}

int pbx_link_check(const struct pbx_link_fields *f, void (*bad)(void *ctx, const char *field, const char *reason),
		   void *ctx)
{
	int n = 0;
	const struct pbx_type *t = pbx_type_find(f->pbx_type);
	if (!f->pbx_type || !*f->pbx_type)
		bad(ctx, "pbx_type", "required"), n++;
	else if (!t)
		bad(ctx, "pbx_type", "invalid"), n++;
	n += check_field(f->name, 255, 1, "name", bad, ctx);
	if (!check_field(f->host, 253, 1, "host", bad, ctx)) {
		if (!pbx_host_valid(f->host))
			bad(ctx, "host", "invalid"), n++;
	} else {
		n++;
	}
	if (!f->port || !*f->port)
		bad(ctx, "port", "required"), n++;
	else {
		char *end;
		long port = strtol(f->port, &end, 10);
		if (*end || port < 1 || port > 65535 || !isdigit((unsigned char)f->port[0]))
			bad(ctx, "port", "invalid"), n++;
	}
	n += check_field(f->username, 255, 1, "username", bad, ctx);
	/* A password is not trimmed; it must only fit and be one line. */
	if (!f->password || !*f->password)
		bad(ctx, "password", "required"), n++;
	else if (strlen(f->password) > 200 || strpbrk(f->password, "\r\n"))
		bad(ctx, "password", strlen(f->password) > 200 ? "too_long" : "invalid"), n++;
	if (t && t->mbg) {
		if (!check_field(f->mbg_host, 253, 1, "mbg_host", bad, ctx) && !pbx_host_valid(f->mbg_host))
			bad(ctx, "mbg_host", "invalid"), n++;
		if (!f->mbg_password || !*f->mbg_password)
			bad(ctx, "mbg_password", "required"), n++;
		if (f->micollab_host && *f->micollab_host && !pbx_host_valid(f->micollab_host))
			bad(ctx, "micollab_host", "invalid"), n++;
	}
	return n;
}

/* "" when empty; else the sealed text into out. */
static int seal_or_empty(const char *key_hex, const char *plain, char *out, size_t size)
{
	out[0] = 0;
	return plain && *plain ? secret_seal(key_hex, plain, out, size) : 0;
}

static const char *nz(const char *s) { return s ? s : ""; }

long long pbx_link_create(db *d, const struct actor *who, const char *account_id, const struct pbx_link_fields *f,
			  const char *key_hex)
{
	long long gw = 0;
	int found = db_int(d, &gw, "SELECT id FROM gateways WHERE account_id = ?", "s", account_id);
	if (found != 1)
		return found < 0 ? -1 : 0;
	char secret[SECRET_SEALED(256)], mbg[SECRET_SEALED(256)], micollab[SECRET_SEALED(256)];
	if (seal_or_empty(key_hex, f->password, secret, sizeof secret) != 0 ||
	    seal_or_empty(key_hex, f->mbg_password, mbg, sizeof mbg) != 0 ||
	    seal_or_empty(key_hex, f->micollab_password, micollab, sizeof micollab) != 0)
		return -1;
	if (db_exec(d, "INSERT INTO pbx_links (account_id, gateway_id, pbx_type, name, host, port, username,"
		       " secret_sealed, mbg_host, mbg_secret_sealed, micollab_host, micollab_secret_sealed, sync_minutes,"
		       " created_at, updated_at)"
		       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
		    "sisssissssssi", account_id, gw, f->pbx_type, f->name, f->host, strtoll(f->port, NULL, 10),
		    f->username, secret, nz(f->mbg_host), mbg, nz(f->micollab_host), micollab,
		    (long long)PBX_SYNC_MINUTES_DEFAULT) != 1)
		return -1;
	long long id = (long long)db_insert_id(d);
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", id);
	const struct pbx_type *t = pbx_type_find(f->pbx_type);
	/* No secret in the event: only that one was set. */
	json_t *details = json_pack("{s:s,s:s,s:s,s:I,s:s,s:b}", "pbx_type", t ? t->label : f->pbx_type, "name", f->name,
				    "host", f->host, "port", (json_int_t)strtoll(f->port, NULL, 10), "username", f->username,
				    "password_set", 1);
	int ok = details && gateway_onboarding_start(d, who, account_id) == 0 &&
		 db_exec(d, "UPDATE gateway_onboarding SET pbx_link_id = ?, gateway_id = ?,"
			    " step = IF(step IN ('no_gateway', 'configure_gateway', 'add_pbx', 'sync_pbx'), 'connect_pbx', step),"
			    " updated_at = UTC_TIMESTAMP() WHERE account_id = ?", "iis", id, gw, account_id) >= 0 &&
		 audit_event(d, account_id, who, "pbx.link_create", "PBX", id_text, f->name, details) == 0;
	json_decref(details);
	return ok ? id : -1;
}

/* ---- reading ---- */

#define FMT(col) "COALESCE(DATE_FORMAT(" col ", '%Y-%m-%d %H:%i:%s'), '')"
#define LINK_SELECT \
	"SELECT id, account_id, COALESCE(gateway_id, 0) AS gateway_id, pbx_type, name, host, port, username," \
	" mbg_host, micollab_host, mbg_secret_sealed <> '' AS has_mbg, micollab_secret_sealed <> '' AS has_micollab," \
	" sync_minutes, connected, failing, failures, syncs," \
	" COALESCE(due_at <= UTC_TIMESTAMP(), 0) AS queued, COALESCE(lease_until > UTC_TIMESTAMP(), 0) AS running," \
	" " FMT("last_attempt_at") " AS last_attempt, " FMT("last_success_at") " AS last_success," \
	" " FMT("due_at") " AS due, last_error, COALESCE(last_error_key, '') AS last_error_key," \
	" COALESCE(last_error_args, '[]') AS last_error_args, users_count, dids_count, no_email_count, dup_email_count," \
	" pbx_version, COALESCE(last_result, '{}') AS last_result FROM pbx_links"

static int link_from_row(void *ctx, const struct db_row *row)
{
	struct pbx_link *l = ctx;
	memset(l, 0, sizeof *l);
	l->id = row_int(row, "id");
	row_copy(row, "account_id", l->account_id, sizeof l->account_id);
	l->gateway_id = row_int(row, "gateway_id");
	row_copy(row, "pbx_type", l->pbx_type, sizeof l->pbx_type);
	row_copy(row, "name", l->name, sizeof l->name);
	row_copy(row, "host", l->host, sizeof l->host);
	l->port = (int)row_int(row, "port");
	row_copy(row, "username", l->username, sizeof l->username);
	row_copy(row, "mbg_host", l->mbg_host, sizeof l->mbg_host);
	row_copy(row, "micollab_host", l->micollab_host, sizeof l->micollab_host);
	l->has_mbg = (int)row_int(row, "has_mbg");
	l->has_micollab = (int)row_int(row, "has_micollab");
	l->sync_minutes = (int)row_int(row, "sync_minutes");
	l->connected = (int)row_int(row, "connected");
	l->failing = (int)row_int(row, "failing");
	l->failures = (int)row_int(row, "failures");
	l->syncs = (int)row_int(row, "syncs");
	l->running = (int)row_int(row, "running");
	l->queued = !l->running && (int)row_int(row, "queued");
	row_copy(row, "last_attempt", l->last_attempt, sizeof l->last_attempt);
	row_copy(row, "last_success", l->last_success, sizeof l->last_success);
	row_copy(row, "due", l->due, sizeof l->due);
	row_copy(row, "last_error", l->last_error, sizeof l->last_error);
	row_copy(row, "last_error_key", l->last_error_key, sizeof l->last_error_key);
	row_copy(row, "last_error_args", l->last_error_args, sizeof l->last_error_args);
	l->users_count = (int)row_int(row, "users_count");
	l->dids_count = (int)row_int(row, "dids_count");
	l->no_email_count = (int)row_int(row, "no_email_count");
	l->dup_email_count = (int)row_int(row, "dup_email_count");
	row_copy(row, "pbx_version", l->pbx_version, sizeof l->pbx_version);
	row_copy(row, "last_result", l->last_result, sizeof l->last_result);
	return 0;
}

int pbx_link_find(db *d, const char *account_id, long long id, struct pbx_link *out)
{
	if (id)
		return db_one(d, link_from_row, out, LINK_SELECT " WHERE account_id = ? AND id = ?", "si", account_id, id);
	return db_one(d, link_from_row, out, LINK_SELECT " WHERE account_id = ? ORDER BY id LIMIT 1", "s", account_id);
}

/* ---- asking for a sync ---- */

int pbx_link_busy(db *d, const char *account_id, long long id)
{
	long long busy = 0;
	int rc = db_int(d, &busy, "SELECT COALESCE(due_at <= UTC_TIMESTAMP(), 0) OR COALESCE(lease_until > UTC_TIMESTAMP(), 0)"
				  " FROM pbx_links WHERE account_id = ? AND id = ?", "si", account_id, id);
	return rc < 0 ? -1 : rc == 1 && busy;
}

static int queue_sync(db *d, const struct actor *who, const char *account_id, long long id, const char *action)
{
	char name[256] = "";
	int found = db_str(d, name, sizeof name, "SELECT name FROM pbx_links WHERE account_id = ? AND id = ? FOR UPDATE",
			   "si", account_id, id);
	if (found != 1)
		return found < 0 ? -1 : 0;
	int busy = pbx_link_busy(d, account_id, id);
	if (busy != 0)
		return busy < 0 ? -1 : 0;
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", id);
	return db_exec(d, "UPDATE pbx_links SET due_at = UTC_TIMESTAMP(), sync_requested = 1, updated_at = UTC_TIMESTAMP()"
			  " WHERE id = ?", "i", id) == 1 &&
			       audit_event(d, account_id, who, action, "PBX", id_text, name, NULL) == 0
		       ? 1
		       : -1;
}

int pbx_link_connect(db *d, const struct actor *who, const char *account_id, long long id)
{
	return queue_sync(d, who, account_id, id, "pbx.connect");
}

int pbx_link_sync_now(db *d, const struct actor *who, const char *account_id, long long id)
{
	return queue_sync(d, who, account_id, id, "pbx.sync_now");
}

int pbx_link_set_schedule(db *d, const struct actor *who, const char *account_id, long long id, int minutes)
{
	if (minutes < 1 || minutes > PBX_SYNC_MINUTES_MAX)
		return 0;
	struct pbx_link l;
	int found = pbx_link_find(d, account_id, id, &l);
	if (found != 1)
		return found;
	char platform[16] = "";
	if (db_str(d, platform, sizeof platform, "SELECT platform FROM gateways WHERE id = ?", "i", l.gateway_id) < 0)
		return -1;
	if (strcmp(platform, "smbc") == 0)
		return 0;
	if (l.sync_minutes == minutes)
		return 1;
	char from[16], to[16], id_text[24];
	snprintf(from, sizeof from, "%d", l.sync_minutes);
	snprintf(to, sizeof to, "%d", minutes);
	snprintf(id_text, sizeof id_text, "%lld", id);
	json_t *details = json_object();
	audit_change(details, "sync_minutes", from, to);
	int ok = db_exec(d, "UPDATE pbx_links SET sync_minutes = ?, updated_at = UTC_TIMESTAMP(),"
			    " due_at = IF(due_at IS NULL OR sync_requested = 1, due_at,"
			    "   COALESCE(last_attempt_at, UTC_TIMESTAMP()) + INTERVAL ? MINUTE)"
			    " WHERE id = ? AND account_id = ?", "iiis", (long long)minutes, (long long)minutes, id,
			 account_id) == 1 &&
		 audit_event(d, account_id, who, "pbx.schedule", "PBX", id_text, l.name, details) == 0;
	json_decref(details);
	return ok ? 1 : -1;
}

struct irregular_ctx {
	int (*fn)(void *ctx, const struct pbx_irregular *u);
	void *ctx;
};

static int irregular_from_row(void *ctx, const struct db_row *row)
{
	struct irregular_ctx *c = ctx;
	struct pbx_irregular u = {row_str(row, "pbx_id"), row_str(row, "first_name"), row_str(row, "last_name"),
				  row_str(row, "email"), row_str(row, "extensions")};
	return c->fn(c->ctx, &u);
}

int pbx_link_irregular_each(db *d, const char *account_id, long long id, const char *state, int offset, int limit,
			    int (*fn)(void *ctx, const struct pbx_irregular *u), void *ctx)
{
	if (strcmp(state, "missing") != 0 && strcmp(state, "duplicate") != 0)
		return 0;
	struct irregular_ctx c = {fn, ctx};
	return db_each(d, irregular_from_row, &c,
		       "SELECT p.pbx_id, p.first_name, p.last_name, p.email, p.extensions FROM pbx_users p"
		       " JOIN pbx_links l ON l.id = p.link_id"
		       " WHERE p.link_id = ? AND l.account_id = ? AND p.email_state = ? ORDER BY p.last_name, p.pbx_id"
		       " LIMIT ? OFFSET ?", "issii", id, account_id, state, (long long)limit, (long long)offset);
}

/* ---- PBX-synced users ---- */

int pbx_owned_field(const char *field)
{
	static const char *const owned[] = {"first_name", "last_name", "email", "extension"};
	for (size_t i = 0; field && i < sizeof owned / sizeof owned[0]; i++)
		if (strcmp(field, owned[i]) == 0)
			return 1;
	return 0;
}

int pbx_user_synced(db *d, const char *account_id, long long user_id)
{
	long long synced = 0;
	int rc = db_int(d, &synced, "SELECT pbx_user FROM users WHERE id = ? AND account_id = ?", "is", user_id, account_id);
	return rc < 0 ? -1 : rc == 1 && synced;
}

int pbx_user_remove_login(db *d, const struct actor *who, const char *account_id, long long user_id)
{
	char name[256] = "";
	int found = db_str(d, name, sizeof name,
			   "SELECT display_name FROM users WHERE id = ? AND account_id = ? AND pbx_user = 1 FOR UPDATE",
			   "is", user_id, account_id);
	if (found != 1)
		return found;
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", user_id);
	json_t *details = json_pack("{s:s}", "login", "removed");
	int ok = db_exec(d, "UPDATE users SET registered = 0, password_hash = NULL, updated_at = UTC_TIMESTAMP(),"
			    " updated_by_name = ? WHERE id = ? AND account_id = ?", "sis",
			 who && who->name ? who->name : "System", user_id, account_id) >= 0 &&
		 db_exec(d, "DELETE FROM sessions WHERE user_id = ?", "i", user_id) >= 0 &&
		 db_exec(d, "DELETE FROM user_tokens WHERE user_id = ?", "i", user_id) >= 0 &&
		 audit_event(d, account_id, who, "user.login_removed", "user", id_text, name, details) == 0;
	json_decref(details);
	return ok ? 1 : -1;
}

int pbx_user_unlink(db *d, const struct actor *who, const char *account_id, long long user_id)
{
	char name[256] = "";
	int found = db_str(d, name, sizeof name,
			   "SELECT display_name FROM users WHERE id = ? AND account_id = ? AND pbx_user = 1 FOR UPDATE",
			   "is", user_id, account_id);
	if (found != 1)
		return found;
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", user_id);
	json_t *details = json_object();
	audit_change(details, "pbx_user", "1", "0");
	int ok = db_exec(d, "UPDATE users SET pbx_user = 0, updated_at = UTC_TIMESTAMP(), updated_by_name = ?"
			    " WHERE id = ? AND account_id = ?", "sis", who && who->name ? who->name : "System", user_id,
			 account_id) == 1 &&
		 audit_event(d, account_id, who, "user.update", "user", id_text, name, details) == 0;
	json_decref(details);
	return ok ? 1 : -1;
}

struct dids_call {
	int (*fn)(void *ctx, const struct pbx_did_row *did);
	void *ctx;
};

static int did_row_from(void *ctx, const struct db_row *row)
{
	struct dids_call *c = ctx;
	struct pbx_did_row did = {row_str(row, "number"), row_str(row, "target")};
	return c->fn(c->ctx, &did);
}

int pbx_link_dids_each(db *d, const char *account_id, long long id, int limit,
		       int (*fn)(void *ctx, const struct pbx_did_row *did), void *ctx)
{
	struct dids_call c = {fn, ctx};
	return db_each(d, did_row_from, &c,
		       "SELECT number, target FROM pbx_dids WHERE link_id = ? AND account_id = ? ORDER BY number LIMIT ?",
		       "isi", id, account_id, (long long)limit);
}

/* ---- syncd ---- */

/* Exclusive across Galera nodes: see db_claim. */
long long pbx_links_claim(db *d, const char *owner, int lease_seconds)
{
	return db_claim(d,
		"SELECT id FROM pbx_links WHERE due_at <= UTC_TIMESTAMP()"
		" AND (lease_until IS NULL OR lease_until < UTC_TIMESTAMP())"
		" ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED",
		"UPDATE pbx_links SET lease_owner = ?, lease_until = UTC_TIMESTAMP() + INTERVAL ? SECOND,"
		" last_attempt_at = UTC_TIMESTAMP() WHERE id = ?", owner, lease_seconds);
}

struct target_ctx {
	struct pbx_link_target *t;
	const char *key;
	int ok;
};

static int target_from_row(void *ctx, const struct db_row *row)
{
	struct target_ctx *c = ctx;
	struct pbx_link_target *t = c->t;
	memset(t, 0, sizeof *t);
	t->id = row_int(row, "id");
	row_copy(row, "account_id", t->account_id, sizeof t->account_id);
	row_copy(row, "pbx_type", t->pbx_type, sizeof t->pbx_type);
	row_copy(row, "host", t->host, sizeof t->host);
	t->port = (int)row_int(row, "port");
	row_copy(row, "username", t->username, sizeof t->username);
	row_copy(row, "etag", t->etag, sizeof t->etag);
	row_copy(row, "relay_url", t->relay_url, sizeof t->relay_url);
	t->gateway_online = (int)row_int(row, "online");
	c->ok = secret_open(c->key, row_str(row, "secret_sealed"), t->password, sizeof t->password) == 0;
	const char *relay = row_str(row, "relay_key_sealed");
	if (c->ok && *relay)
		c->ok = secret_open(c->key, relay, t->relay_key, sizeof t->relay_key) == 0;
	return 0;
}

int pbx_link_target_load(db *d, long long id, const char *key_hex, struct pbx_link_target *out)
{
	struct target_ctx c = {out, key_hex, 0};
	int rc = db_one(d, target_from_row, &c,
		"SELECT l.id, l.account_id, l.pbx_type, l.host, l.port, l.username, l.secret_sealed, l.etag,"
		" COALESCE(g.relay_url, '') AS relay_url, COALESCE(g.relay_key_sealed, '') AS relay_key_sealed,"
		" COALESCE(g.last_seen_at > UTC_TIMESTAMP() - INTERVAL ? SECOND, 0) AS online"
		" FROM pbx_links l LEFT JOIN gateways g ON g.id = l.gateway_id AND g.account_id = l.account_id"
		" WHERE l.id = ?", "ii", (long long)cfg_int("Gateway.OfflineSeconds", 90), id);
	if (rc == 1 && !c.ok) {
		memset(out->password, 0, sizeof out->password);
		return -2;
	}
	return rc;
}

int pbx_link_lease_extend(db *d, long long id, const char *owner, int lease_seconds)
{
	/* An update within the second its lease was last set changes no row:
	 * whether it is still ours is read, not counted. */
	if (db_exec(d, "UPDATE pbx_links SET lease_until = UTC_TIMESTAMP() + INTERVAL ? SECOND"
		       " WHERE id = ? AND lease_owner = ? AND lease_until >= UTC_TIMESTAMP()",
		    "iis", (long long)lease_seconds, id, owner) < 0)
		return -1;
	long long held = 0;
	int rc = db_int(d, &held, "SELECT lease_owner = ? AND lease_until >= UTC_TIMESTAMP() FROM pbx_links WHERE id = ?",
			"si", owner, id);
	return rc < 0 ? -1 : rc == 1 && held;
}

int pbx_link_lease_held(db *d, long long id, const char *owner)
{
	long long held = 0;
	int rc = db_int(d, &held, "SELECT lease_owner = ? AND lease_until >= UTC_TIMESTAMP() FROM pbx_links"
				  " WHERE id = ? FOR UPDATE", "si", owner, id);
	return rc < 0 ? -1 : rc == 1 && held;
}

struct failed_call {
	db *d;
	long long id;
	const char *owner;
	const struct stored_message *error;
	const char *words;
	int retry_minutes;
};

static int record_failure(void *ctx)
{
	struct failed_call *f = ctx;
	db *d = f->d;
	char account[UUID_LEN] = "", name[256] = "";
	long long failing = 0;
	int held = pbx_link_lease_held(d, f->id, f->owner);
	if (held != 1)
		return held < 0 ? -1 : 0;
	char text[513];
	snprintf(text, sizeof text, "%s", f->words);
	char *args = stored_message_args_json(f->error);
	if (!args)
		return -1;
	int ok = db_int(d, &failing, "SELECT failing FROM pbx_links WHERE id = ?", "i", f->id) == 1 &&
		 db_str(d, account, sizeof account, "SELECT account_id FROM pbx_links WHERE id = ?", "i", f->id) == 1 &&
		 db_str(d, name, sizeof name, "SELECT name FROM pbx_links WHERE id = ?", "i", f->id) == 1 &&
		 db_exec(d, "UPDATE pbx_links SET failing = 1, failures = failures + 1, last_error = ?,"
			    " last_error_key = ?, last_error_args = ?,"
			    " due_at = UTC_TIMESTAMP() + INTERVAL LEAST(sync_minutes, ?) MINUTE, sync_requested = 0,"
			    " lease_owner = NULL, lease_until = NULL, updated_at = UTC_TIMESTAMP() WHERE id = ?",
			 "sssii", text, f->error->key, args, (long long)(f->retry_minutes > 0 ? f->retry_minutes : 1),
			 f->id) == 1 &&
		 (failing || notifications_for_admins(d, account, "pbx_link_failing", name, f->error->key, args) >= 0);
	free(args);
	return ok ? 0 : -1;
}

int pbx_link_failed(db *d, long long id, const char *owner, const struct stored_message *error, const char *words,
		    int retry_minutes)
{
	struct failed_call f = {d, id, owner, error, words, retry_minutes};
	return db_tx(d, record_failure, &f) == 0 ? 0 : -1;
}
