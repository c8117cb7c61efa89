/* System Inventory's data (lib/inventory.h). The Platforms and
 * Applications lists read a page in HOST order: the partner view walks the
 * partner's entries of ix_platforms_walk, which hold every filter's column,
 * testing each entry it passes; with the Platform Type, System Family,
 * License Type or Application Type filters, it reads instead a page of each
 * kind of platform that matches (inventory_platform_kinds, a few dozen at
 * most), each a range of ix_platforms_kind, and merges them, so a filter
 * matching few platforms costs what one matching many does. The customer
 * view and the Accounts filter read one account's range of
 * ix_platforms_account in the same order; a search reads its prefix
 * ranges. A position is the last row's host and id (no OFFSET). */
#include "lib/inventory.h"
#include "lib/credentials.h"
#include "lib/events_query.h"
#include "lib/events_vocab.h"
#include "lib/tokens.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The same rules as swa_status_of (lib/inventory_swa.c), for filtering. */
#define SWA_STATUS_SQL \
	"(CASE WHEN p.license_type = 'unlicensed' OR p.swa_expiry IS NULL THEN 'not_indicated'" \
	" WHEN p.license_type = 'subscription' THEN IF(p.swa_expiry < UTC_DATE(), 'inactive', 'active')" \
	" WHEN p.swa_expiry < UTC_DATE() THEN 'expired'" \
	" WHEN p.swa_expiry <= UTC_DATE() + INTERVAL 90 DAY THEN 'expiring_soon' ELSE 'active' END)"
_Static_assert(SWA_SOON_DAYS == 90, "SWA_STATUS_SQL says 90 days");

/* A platform is stale after three reports missed (ch2 §9.5). */
#define STALE_SQL(t) "(" t ".reported_at < UTC_TIMESTAMP() - INTERVAL 3 * " t ".report_interval SECOND)"

/* ---- link codes ---- */

static const char code_alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/* The code as typed, made canonical: upper case, without '-' or spaces. */
static int code_canonical(const char *in, char out[9])
{
	size_t n = 0;
	for (const char *p = in ? in : ""; *p; p++) {
		if (*p == '-' || *p == ' ')
			continue;
		char c = (char)toupper((unsigned char)*p);
		if (n >= 8 || !strchr(code_alphabet, c) || !c)
			return -1;
		out[n++] = c;
	}
	out[n] = 0;
	return n == 8 ? 0 : -1;
}

static void code_hash(const char canonical[9], char hash[TOKEN_HEX])
{
	char salted[32];
	snprintf(salted, sizeof salted, "link-code:%s", canonical);
	sha256_hex(salted, hash);
}

int inventory_link_code_create(db *d, const struct actor *who, const char *account_id, char code[LINK_CODE_SIZE],
			       char expires[20])
{
	char random[TOKEN_HEX], canonical[9], hash[TOKEN_HEX];
	if (random_token(random) != 0)
		return -1;
	for (int i = 0; i < 8; i++) {
		unsigned byte = 0;
		sscanf(random + 2 * i, "%2x", &byte);
		canonical[i] = code_alphabet[byte & 31];
	}
	canonical[8] = 0;
	snprintf(code, LINK_CODE_SIZE, "%.4s-%.4s", canonical, canonical + 4);
	code_hash(canonical, hash);
	if (db_exec(d,
		    "INSERT INTO inventory_link_codes (code_hash, account_id, created_by, created_by_name, created_by_email,"
		    " created_at, expires_at) VALUES (?, ?, NULLIF(?, 0), ?, ?, UTC_TIMESTAMP(),"
		    " UTC_TIMESTAMP() + INTERVAL ? MINUTE)",
		    "ssissi", hash, account_id, who ? who->user_id : 0LL, who && who->name ? who->name : "",
		    who && who->email ? who->email : "", (long long)LINK_CODE_MINUTES) != 1 ||
	    db_str(d, expires, 20, "SELECT DATE_FORMAT(expires_at, '%Y-%m-%d %H:%i') FROM inventory_link_codes WHERE code_hash = ?",
		   "s", hash) != 1)
		return -1;
	return audit_event(d, account_id, who, "daemon.link_code", "daemon", "", "", NULL);
}

int inventory_account_linkable(db *d, const char *account_id)
{
	long long n = 0;
	return db_int(d, &n, "SELECT COUNT(*) FROM accounts WHERE id = ? AND kind = 'customer' AND status = 'active'", "s",
		      account_id) == 1 ? n > 0 : -1;
}

/* ---- daemons ---- */

#define DAEMON_COLUMNS \
	"SELECT dm.id, dm.account_id, dm.partner_id, dm.credential_id, dm.host, dm.platform_uid," \
	" DATE_FORMAT(dm.linked_at, '%Y-%m-%d %H:%i') AS linked_at, dm.linked_by_name, dm.report_interval," \
	" COALESCE(DATE_FORMAT(dm.last_report_at, '%Y-%m-%d %H:%i'), '') AS last_report," \
	" COALESCE(DATE_FORMAT(dm.last_report_at + INTERVAL dm.report_interval SECOND, '%Y-%m-%d %H:%i'), '') AS next_report," \
	" (dm.last_report_at < UTC_TIMESTAMP() - INTERVAL 3 * dm.report_interval SECOND) AS stale," \
	" (dm.unlinked_at IS NOT NULL) AS unlinked FROM inventory_daemons dm"

static int daemon_from(void *ctx, const struct db_row *row)
{
	struct daemon *dm = ctx;
	memset(dm, 0, sizeof *dm);
	dm->id = row_int(row, "id");
	row_copy(row, "account_id", dm->account_id, sizeof dm->account_id);
	row_copy(row, "partner_id", dm->partner_id, sizeof dm->partner_id);
	dm->credential_id = row_int(row, "credential_id");
	row_copy(row, "host", dm->host, sizeof dm->host);
	row_copy(row, "platform_uid", dm->platform_uid, sizeof dm->platform_uid);
	row_copy(row, "linked_at", dm->linked_at, sizeof dm->linked_at);
	row_copy(row, "linked_by_name", dm->linked_by_name, sizeof dm->linked_by_name);
	dm->interval = (int)row_int(row, "report_interval");
	row_copy(row, "last_report", dm->last_report, sizeof dm->last_report);
	row_copy(row, "next_report", dm->next_report, sizeof dm->next_report);
	dm->stale = (int)row_int(row, "stale");
	dm->unlinked = (int)row_int(row, "unlinked");
	return 0;
}

int inventory_daemon_of_credential(db *d, long long credential_id, int for_update, struct daemon *out)
{
	if (for_update)
		return db_one(d, daemon_from, out, DAEMON_COLUMNS " WHERE dm.credential_id = ? AND dm.unlinked_at IS NULL FOR UPDATE",
			      "i", credential_id);
	return db_one(d, daemon_from, out, DAEMON_COLUMNS " WHERE dm.credential_id = ? AND dm.unlinked_at IS NULL", "i",
		      credential_id);
}

int inventory_daemon_find(db *d, const char *account_id, long long id, struct daemon *out)
{
	return db_one(d, daemon_from, out, DAEMON_COLUMNS " WHERE dm.id = ? AND dm.account_id = ?", "is", id, account_id);
}

struct daemon_call {
	daemon_fn fn;
	void *ctx;
};

static int daemon_row(void *ctx, const struct db_row *row)
{
	struct daemon_call *c = ctx;
	struct daemon dm;
	daemon_from(&dm, row);
	return c->fn(c->ctx, &dm);
}

int inventory_daemons_each(db *d, const char *account_id, daemon_fn fn, void *ctx)
{
	struct daemon_call c = {fn, ctx};
	return db_each(d, daemon_row, &c, DAEMON_COLUMNS " WHERE dm.account_id = ? ORDER BY dm.unlinked_at IS NOT NULL, dm.host, dm.id",
		       "s", account_id);
}

static int daemon_event(db *d, const struct actor *who, const char *account_id, long long daemon_id, const char *host,
			const char *action, json_t *core)
{
	char id[24];
	snprintf(id, sizeof id, "%lld", daemon_id);
	return audit_event(d, account_id, who, action, "daemon", id, host, core);
}

int inventory_daemon_unlink(db *d, const struct actor *who, const struct daemon *dm)
{
	if (db_exec(d, "UPDATE inventory_daemons SET unlinked_at = UTC_TIMESTAMP() WHERE id = ? AND unlinked_at IS NULL", "i",
		    dm->id) < 0 ||
	    credential_revoke(d, dm->partner_id, dm->credential_id, 0) < 0)
		return -1;
	json_t *core = json_pack("{s:s,s:s}", "host", dm->host, "platformId", dm->platform_uid);
	int rc = daemon_event(d, who, dm->account_id, dm->id, dm->host, "daemon.unlink", core);
	json_decref(core);
	return rc;
}

struct code_row {
	char account_id[UUID_LEN];
	char partner_id[UUID_LEN];
	long long created_by;
	char name[256], email[256];
};

static int code_from(void *ctx, const struct db_row *row)
{
	struct code_row *c = ctx;
	row_copy(row, "account_id", c->account_id, sizeof c->account_id);
	row_copy(row, "partner_id", c->partner_id, sizeof c->partner_id);
	c->created_by = row_int(row, "created_by");
	row_copy(row, "created_by_name", c->name, sizeof c->name);
	row_copy(row, "created_by_email", c->email, sizeof c->email);
	return 0;
}

static int previous_daemon(void *ctx, const struct db_row *row)
{
	return daemon_from(ctx, row);
}

int inventory_daemon_link(db *d, const char *code, const char *host, const char *platform_uid, struct daemon_link *out)
{
	char canonical[9], hash[TOKEN_HEX];
	memset(out, 0, sizeof *out);
	if (code_canonical(code, canonical) != 0)
		return 0;
	code_hash(canonical, hash);
	struct code_row c;
	memset(&c, 0, sizeof c);
	int found = db_one(d, code_from, &c,
		"SELECT l.account_id, a.partner_id, COALESCE(l.created_by, 0) AS created_by, l.created_by_name, l.created_by_email"
		" FROM inventory_link_codes l JOIN accounts a ON a.id = l.account_id AND a.kind = 'customer' AND a.status = 'active'"
		" WHERE l.code_hash = ? AND l.used_at IS NULL AND l.expires_at > UTC_TIMESTAMP() FOR UPDATE",
		"s", hash);
	if (found != 1)
		return found;
	/* The code's maker authorised the link: it is theirs in the history. */
	struct actor who = {c.created_by, c.name, c.email};
	/* A platform linked again (a reinstalled daemon) keeps one live daemon. */
	struct daemon before;
	int again = db_one(d, previous_daemon, &before,
		DAEMON_COLUMNS " WHERE dm.account_id = ? AND dm.platform_uid = ? AND dm.unlinked_at IS NULL FOR UPDATE", "ss",
		c.account_id, platform_uid);
	if (again < 0 || (again == 1 && inventory_daemon_unlink(d, &who, &before) != 0))
		return -1;
	char label[300];
	snprintf(label, sizeof label, "CloudLink Daemon %s", host);
	long long credential = credential_issue(d, CRED_INVENTORY, c.partner_id, c.account_id, 0, label, c.name, 0, out->token);
	if (credential < 0 ||
	    db_exec(d,
		    "INSERT INTO inventory_daemons (account_id, partner_id, credential_id, host, platform_uid, linked_at, linked_by_name)"
		    " VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(), ?)",
		    "ssisss", c.account_id, c.partner_id, credential, host, platform_uid, c.name) != 1)
		return -1;
	out->daemon_id = (long long)db_insert_id(d);
	snprintf(out->account_id, sizeof out->account_id, "%s", c.account_id);
	if (db_exec(d, "UPDATE inventory_link_codes SET used_at = UTC_TIMESTAMP(), daemon_id = ? WHERE code_hash = ?", "is",
		    out->daemon_id, hash) != 1)
		return -1;
	json_t *core = json_pack("{s:s,s:s}", "host", host, "platformId", platform_uid);
	int rc = daemon_event(d, &who, c.account_id, out->daemon_id, host, "daemon.link", core);
	json_decref(core);
	return rc == 0 ? 1 : -1;
}

/* ---- platforms ---- */

#define PLATFORM_COLUMNS \
	"SELECT p.id, p.account_id, a.name AS account_name, p.daemon_id, p.platform_uid, p.host, p.platform_type," \
	" p.platform_name, p.system_family, p.version, p.licence_id, p.license_type," \
	" COALESCE(DATE_FORMAT(p.swa_expiry, '%Y-%m-%d'), '') AS swa_expiry, p.app_types, p.launch_tunnel, p.launch_state," \
	" DATE_FORMAT(p.first_seen_at, '%Y-%m-%d %H:%i') AS first_seen, DATE_FORMAT(p.reported_at, '%Y-%m-%d %H:%i') AS reported," \
	" " STALE_SQL("p") " AS stale, COALESCE(dm.unlinked_at IS NOT NULL, 0) AS unlinked," \
	" DATE_FORMAT(UTC_DATE(), '%Y-%m-%d') AS today" \
	" FROM inventory_platforms p JOIN accounts a ON a.id = p.account_id LEFT JOIN inventory_daemons dm ON dm.id = p.daemon_id"

static int platform_from(void *ctx, const struct db_row *row)
{
	struct platform *p = ctx;
	memset(p, 0, sizeof *p);
	p->id = row_int(row, "id");
	row_copy(row, "account_id", p->account_id, sizeof p->account_id);
	row_copy(row, "account_name", p->account_name, sizeof p->account_name);
	p->daemon_id = row_int(row, "daemon_id");
	row_copy(row, "platform_uid", p->platform_uid, sizeof p->platform_uid);
	row_copy(row, "host", p->host, sizeof p->host);
	row_copy(row, "platform_type", p->platform_type, sizeof p->platform_type);
	row_copy(row, "platform_name", p->platform_name, sizeof p->platform_name);
	row_copy(row, "system_family", p->system_family, sizeof p->system_family);
	row_copy(row, "version", p->version, sizeof p->version);
	row_copy(row, "licence_id", p->licence_id, sizeof p->licence_id);
	int t = licence_type_from_key(row_str(row, "license_type"));
	p->license_type = t < 0 ? LICENCE_UNLICENSED : (enum licence_type)t;
	row_copy(row, "swa_expiry", p->swa_expiry, sizeof p->swa_expiry);
	p->swa = swa_status_of(p->license_type, p->swa_expiry, row_str(row, "today"));
	row_copy(row, "app_types", p->app_types, sizeof p->app_types);
	row_copy(row, "launch_tunnel", p->launch_tunnel, sizeof p->launch_tunnel);
	row_copy(row, "launch_state", p->launch_state, sizeof p->launch_state);
	row_copy(row, "first_seen", p->first_seen, sizeof p->first_seen);
	row_copy(row, "reported", p->reported, sizeof p->reported);
	p->stale = (int)row_int(row, "stale");
	p->unlinked = (int)row_int(row, "unlinked");
	return 0;
}

int inventory_platform_find(db *d, const char *account_id, long long id, struct platform *out)
{
	return db_one(d, platform_from, out, PLATFORM_COLUMNS " WHERE p.id = ? AND p.account_id = ?", "is", id, account_id);
}

int inventory_platform_position(db *d, const char *partner_id, long long id, char host[256])
{
	return db_str(d, host, 256, "SELECT host FROM inventory_platforms WHERE id = ? AND partner_id = ?", "is", id, partner_id);
}

struct position {
	char *host, *type;
};

static int position_from(void *ctx, const struct db_row *row)
{
	struct position *p = ctx;
	row_copy(row, "host", p->host, 256);
	row_copy(row, "app_type", p->type, 65);
	return 0;
}

int inventory_application_position(db *d, const char *partner_id, long long id, char host[256], char type[65])
{
	struct position p = {host, type};
	return db_one(d, position_from, &p, "SELECT host, app_type FROM inventory_applications WHERE id = ? AND partner_id = ?",
		      "is", id, partner_id);
}

/* "text%" for LIKE, with its wildcards taken literally. */
static void prefix_pattern(const char *q, char *out, size_t size)
{
	size_t n = 0;
	for (const char *p = q; *p && n + 3 < size; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			out[n++] = '\\';
		out[n++] = *p;
	}
	out[n++] = '%';
	out[n] = 0;
}

struct platform_call {
	platform_fn fn;
	void *ctx;
	int limit, seen;
};

static int platform_row(void *ctx, const struct db_row *row)
{
	struct platform_call *c = ctx;
	if (c->seen++ >= c->limit)
		return 0;
	struct platform p;
	platform_from(&p, row);
	return c->fn(c->ctx, &p);
}

/* The search (ch2 §9.2: host, platform name, licence, platform ID,
 * account name): the platforms where one of them starts with the text (a
 * word of the account's name), each a prefix range of an index of the
 * partner's platforms, so a search costs its matches. */
#define PLATFORM_SEARCH \
	" JOIN (SELECT id FROM inventory_platforms WHERE partner_id = ? AND host LIKE ?" \
	" UNION SELECT id FROM inventory_platforms FORCE INDEX (ix_platforms_name) WHERE partner_id = ? AND platform_name LIKE ?" \
	" UNION SELECT id FROM inventory_platforms FORCE INDEX (ix_platforms_licence) WHERE partner_id = ? AND licence_id LIKE ?" \
	" UNION SELECT id FROM inventory_platforms FORCE INDEX (ix_platforms_uid) WHERE partner_id = ? AND platform_uid LIKE ?" \
	" UNION SELECT sp.id FROM account_name_words w JOIN inventory_platforms sp FORCE INDEX (ix_platforms_account)" \
	"  ON sp.account_id = w.account_id WHERE w.partner_id = ? AND w.words LIKE ?) m ON m.id = p.id"
/* An account manager sees the accounts assigned to them only (lib/accounts.h SCOPE_MINE). */
#define MINE(col) " AND " col " IN (SELECT account_id FROM account_manager_accounts WHERE user_id = ?)"

/* A filter's condition, when it is set. */
static void condition(struct query *q, const char *value, const char *sql)
{
	if (*value) {
		query_text(q, sql);
		query_param(q, 's', value);
	}
}

/* Past this many kinds of platform, a filter walks ix_platforms_walk. */
#define PLATFORM_KINDS_MAX 48

struct platform_kinds {
	char list[PLATFORM_KINDS_MAX][621];
	int n;
};

static int platform_kind_from(void *ctx, const struct db_row *row)
{
	struct platform_kinds *k = ctx;
	if (k->n < PLATFORM_KINDS_MAX)
		row_copy(row, "kind", k->list[k->n], sizeof k->list[0]);
	k->n++;
	return 0;
}

/* The partner's kinds of platform the filters match: how many (more than
 * PLATFORM_KINDS_MAX when so many that only the first are listed), or -1. */
static int platform_kinds_of(db *d, const char *partner_id, const struct platform_filter *f, struct platform_kinds *out)
{
	out->n = 0;
	if (db_each(d, platform_kind_from, out,
		    "SELECT kind FROM inventory_platform_kinds WHERE partner_id = ? AND (? = '' OR platform_type = ?)"
		    " AND (? = '' OR system_family = ?) AND (? = '' OR license_type = ?)"
		    " AND (? = '' OR FIND_IN_SET(?, app_types) > 0) ORDER BY kind",
		    "sssssssss", partner_id, f->platform_type, f->platform_type, f->system_family, f->system_family,
		    f->license_type, f->license_type, f->app_type, f->app_type) < 0)
		return -1;
	return out->n;
}

/* The tests every range of a page makes besides its filters: the account
 * manager's accounts, SWA Status, and the position. */
static void platform_bounds(struct query *q, const struct inventory_scope *s, const struct platform_filter *f,
			    const char *manager, const char *host, const char *id)
{
	if (s->manager_id) {
		query_text(q, MINE("p.account_id"));
		query_param(q, 'i', manager);
	}
	condition(q, f->swa_status, " AND " SWA_STATUS_SQL " = ?");
	query_text(q, " AND (p.host > ? OR (p.host = ? AND p.id > ?)) ORDER BY p.host, p.id LIMIT ?");
	query_param(q, 's', host);
	query_param(q, 's', host);
	query_param(q, 'i', id);
}

int inventory_platforms_page(db *d, const struct inventory_scope *s, const struct platform_filter *f,
			     const char *after_host, long long after_id, int limit, platform_fn fn, void *ctx, int *more)
{
	char like[2 * sizeof f->q + 3], manager[24], id[24], lim[24];
	prefix_pattern(f->q, like, sizeof like);
	snprintf(manager, sizeof manager, "%lld", s->manager_id);
	snprintf(id, sizeof id, "%lld", after_host ? after_id : 0);
	snprintf(lim, sizeof lim, "%d", limit + 1);
	const char *host = after_host ? after_host : "";
	const char *account = *s->account_id ? s->account_id : f->account_id;
	*more = 0;
	struct platform_kinds *kinds = NULL;
	if (!*account && !*f->q && (*f->platform_type || *f->system_family || *f->license_type || *f->app_type)) {
		kinds = malloc(sizeof *kinds);
		int n = kinds ? platform_kinds_of(d, s->partner_id, f, kinds) : -1;
		if (n <= 0 || n > PLATFORM_KINDS_MAX) {
			free(kinds);
			kinds = NULL;
		}
		if (n <= 0)
			return n;
	}
	struct query *q = calloc(1, sizeof *q);
	if (!q) {
		free(kinds);
		return -1;
	}
	if (kinds) {
		/* A page of each kind's range, merged. */
		query_text(q, PLATFORM_COLUMNS " JOIN (SELECT id, host FROM (");
		for (int i = 0; i < kinds->n; i++) {
			query_text(q, i ? " UNION ALL " : "");
			query_text(q, "(SELECT p.id, p.host FROM inventory_platforms p FORCE INDEX (ix_platforms_kind)"
				      " WHERE p.partner_id = ? AND p.kind = ?");
			query_param(q, 's', s->partner_id);
			query_param(q, 's', kinds->list[i]);
			platform_bounds(q, s, f, manager, host, id);
			query_param(q, 'i', lim);
			query_text(q, ")");
		}
		query_text(q, ") k ORDER BY host, id LIMIT ?) pg ON pg.id = p.id ORDER BY p.host, p.id");
		query_param(q, 'i', lim);
		struct platform_call c = {fn, ctx, limit, 0};
		int rc = q->failed ? -1 : db_each_text(d, platform_row, &c, q->sql, q->fmt, q->values);
		free(kinds);
		free(q);
		*more = c.seen > limit;
		return rc < 0 ? -1 : (c.seen > limit ? limit : c.seen);
	}
	query_text(q, PLATFORM_COLUMNS " JOIN (SELECT p.id FROM inventory_platforms p");
	/* One account: its own range, in the same order; else the partner's,
	 * the filters tested on the index's entries alone. */
	if (*account)
		query_text(q, " FORCE INDEX (ix_platforms_account)");
	else if (!*f->q)
		query_text(q, " FORCE INDEX (ix_platforms_walk)");
	if (*f->q) {
		query_text(q, PLATFORM_SEARCH);
		for (int i = 0; i < 5; i++) {
			query_param(q, 's', s->partner_id);
			query_param(q, 's', like);
		}
	}
	query_text(q, " WHERE p.partner_id = ?");
	query_param(q, 's', s->partner_id);
	condition(q, account, " AND p.account_id = ?");
	condition(q, f->platform_type, " AND p.platform_type = ?");
	condition(q, f->system_family, " AND p.system_family = ?");
	condition(q, f->license_type, " AND p.license_type = ?");
	condition(q, f->app_type, " AND FIND_IN_SET(?, p.app_types) > 0");
	platform_bounds(q, s, f, manager, host, id);
	query_param(q, 'i', lim);
	query_text(q, ") pg ON pg.id = p.id ORDER BY p.host, p.id");
	struct platform_call c = {fn, ctx, limit, 0};
	int rc = q->failed ? -1 : db_each_text(d, platform_row, &c, q->sql, q->fmt, q->values);
	free(q);
	*more = c.seen > limit;
	return rc < 0 ? -1 : (c.seen > limit ? limit : c.seen);
}

/* ---- applications ---- */

#define APPLICATION_COLUMNS \
	"SELECT ap.id, ap.platform_id, ap.account_id, a.name AS account_name, ap.host, ap.app_type, ap.app_name, ap.version," \
	" ap.tunnels, ap.launch_tunnel, ap.launch_state FROM inventory_applications ap JOIN accounts a ON a.id = ap.account_id"

struct application_call {
	installed_application_fn fn;
	void *ctx;
	int limit, seen;
};

static int application_row(void *ctx, const struct db_row *row)
{
	struct application_call *c = ctx;
	if (c->seen++ >= c->limit)
		return 0;
	struct installed_application a;
	memset(&a, 0, sizeof a);
	a.id = row_int(row, "id");
	a.platform_id = row_int(row, "platform_id");
	row_copy(row, "account_id", a.account_id, sizeof a.account_id);
	row_copy(row, "account_name", a.account_name, sizeof a.account_name);
	row_copy(row, "host", a.host, sizeof a.host);
	row_copy(row, "app_type", a.app_type, sizeof a.app_type);
	row_copy(row, "app_name", a.app_name, sizeof a.app_name);
	row_copy(row, "version", a.version, sizeof a.version);
	row_copy(row, "tunnels", a.tunnels, sizeof a.tunnels);
	row_copy(row, "launch_tunnel", a.launch_tunnel, sizeof a.launch_tunnel);
	row_copy(row, "launch_state", a.launch_state, sizeof a.launch_state);
	return c->fn(c->ctx, &a);
}

int inventory_applications_of(db *d, long long platform_id, installed_application_fn fn, void *ctx)
{
	struct application_call c = {fn, ctx, 1000, 0};
	return db_each(d, application_row, &c, APPLICATION_COLUMNS " WHERE ap.platform_id = ? ORDER BY ap.app_type, ap.app_name",
		       "i", platform_id);
}

/* Applications' search: the start of the NAME (host) or the
 * application's own name, each a prefix range. */
#define APPLICATION_SEARCH \
	" JOIN (SELECT id FROM inventory_applications WHERE partner_id = ? AND host LIKE ?" \
	" UNION SELECT id FROM inventory_applications FORCE INDEX (ix_applications_name) WHERE partner_id = ? AND app_name LIKE ?)" \
	" m ON m.id = ap.id"

int inventory_applications_page(db *d, const struct inventory_scope *s, const struct application_filter *f,
				const char *after_host, const char *after_type, long long after_id, int limit,
				installed_application_fn fn, void *ctx, int *more)
{
	char like[2 * sizeof f->q + 3], manager[24], id[24], lim[24];
	prefix_pattern(f->q, like, sizeof like);
	snprintf(manager, sizeof manager, "%lld", s->manager_id);
	snprintf(id, sizeof id, "%lld", after_host ? after_id : 0);
	snprintf(lim, sizeof lim, "%d", limit + 1);
	const char *host = after_host ? after_host : "", *type = after_host ? after_type : "";
	const char *account = *s->account_id ? s->account_id : f->account_id;
	struct query *q = calloc(1, sizeof *q);
	if (!q)
		return -1;
	query_text(q, APPLICATION_COLUMNS " JOIN (SELECT ap.id FROM inventory_applications ap");
	/* One account, or one type: that range, in the same order. */
	if (*account)
		query_text(q, " FORCE INDEX (ix_applications_account)");
	else if (*f->app_type)
		query_text(q, " FORCE INDEX (ix_applications_type)");
	if (*f->q) {
		query_text(q, APPLICATION_SEARCH);
		for (int i = 0; i < 2; i++) {
			query_param(q, 's', s->partner_id);
			query_param(q, 's', like);
		}
	}
	query_text(q, " WHERE ap.partner_id = ?");
	query_param(q, 's', s->partner_id);
	condition(q, account, " AND ap.account_id = ?");
	if (s->manager_id) {
		query_text(q, MINE("ap.account_id"));
		query_param(q, 'i', manager);
	}
	condition(q, f->app_type, " AND ap.app_type = ?");
	query_text(q, " AND (ap.host > ? OR (ap.host = ? AND (ap.app_type > ? OR (ap.app_type = ? AND ap.id > ?))))"
		      " ORDER BY ap.host, ap.app_type, ap.id LIMIT ?) pg ON pg.id = ap.id ORDER BY ap.host, ap.app_type, ap.id");
	query_param(q, 's', host);
	query_param(q, 's', host);
	query_param(q, 's', type);
	query_param(q, 's', type);
	query_param(q, 'i', id);
	query_param(q, 'i', lim);
	struct application_call c = {fn, ctx, limit, 0};
	int rc = q->failed ? -1 : db_each_text(d, application_row, &c, q->sql, q->fmt, q->values);
	free(q);
	*more = c.seen > limit;
	return rc < 0 ? -1 : (c.seen > limit ? limit : c.seen);
}

/* ---- the filters' options ---- */

struct account_call {
	inventory_account_fn fn;
	void *ctx;
};

static int account_row(void *ctx, const struct db_row *row)
{
	struct account_call *c = ctx;
	return c->fn(c->ctx, row_str(row, "id"), row_str(row, "name"));
}

int inventory_accounts_each(db *d, const struct inventory_scope *s, inventory_account_fn fn, void *ctx)
{
	struct account_call c = {fn, ctx};
	/* inventory_options (schema.sql): a row per account and application
	 * type, and one with the type '' per account with platforms; read
	 * first (STRAIGHT_JOIN), whatever the statistics say of accounts. */
	if (s->manager_id)
		return db_each(d, account_row, &c,
			"SELECT STRAIGHT_JOIN a.id, a.name FROM inventory_options x JOIN accounts a ON a.id = x.account_id"
			" WHERE x.partner_id = ? AND x.app_type = ''"
			" AND a.id IN (SELECT account_id FROM account_manager_accounts WHERE user_id = ?) ORDER BY a.name, a.id",
			"si", s->partner_id, s->manager_id);
	return db_each(d, account_row, &c,
		"SELECT STRAIGHT_JOIN a.id, a.name FROM inventory_options x JOIN accounts a ON a.id = x.account_id"
		" WHERE x.partner_id = ? AND x.app_type = '' ORDER BY a.name, a.id",
		"s", s->partner_id);
}

struct key_call {
	inventory_key_fn fn;
	void *ctx;
};

static int key_row(void *ctx, const struct db_row *row)
{
	struct key_call *c = ctx;
	return c->fn(c->ctx, row_str(row, "k"));
}

int inventory_app_types_each(db *d, const struct inventory_scope *s, inventory_key_fn fn, void *ctx)
{
	struct key_call c = {fn, ctx};
	if (*s->account_id)
		return db_each(d, key_row, &c,
			"SELECT app_type AS k FROM inventory_options WHERE account_id = ? AND app_type <> '' ORDER BY k",
			"s", s->account_id);
	return db_each(d, key_row, &c,
		"SELECT DISTINCT app_type AS k FROM inventory_options WHERE partner_id = ? AND app_type <> '' ORDER BY k",
		"s", s->partner_id);
}

/* ---- reports ---- */

/* The applications' types, sorted, each once, comma-separated. */
static int by_text(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void app_types_of(const struct inventory_report *rep, char *out, size_t size)
{
	const char *types[INVENTORY_APPS_MAX];
	int n = 0;
	for (int i = 0; i < rep->n_apps; i++)
		types[n++] = rep->apps[i].type;
	qsort(types, (size_t)n, sizeof types[0], by_text);
	size_t len = 0;
	out[0] = 0;
	for (int i = 0; i < n && len < size; i++)
		if (i == 0 || strcmp(types[i], types[i - 1]) != 0)
			len += (size_t)snprintf(out + len, size - len, "%s%s", len ? "," : "", types[i]);
}

static json_t *tunnels_json(const struct inventory_tunnel *t, int n)
{
	json_t *list = json_array();
	for (int i = 0; list && i < n; i++)
		json_array_append_new(list, json_pack("{s:s,s:s}", "kind", t[i].kind, "state", t[i].state));
	return list;
}

struct report_ctx {
	db *d;
	const struct daemon *dm;
	struct actor who;
	char actor_ref[32];
	int changes;
};

static int report_event(struct report_ctx *x, const char *action, const char *asset, long long id, const char *name,
			json_t *core)
{
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", id);
	struct event_record e = {
		.account_id = x->dm->account_id, .who = &x->who, .actor_ref = x->actor_ref, .action = action,
		.asset_type = asset, .asset_id = id_text, .asset_name = name, .core = core,
	};
	x->changes++;
	return audit_record(x->d, &e);
}

/* The platform's fields as stored, to compare a report with. */
struct stored_platform {
	long long id;
	char host[256], type[33], name[256], family[33], version[65], licence_id[65], license_type[16], swa_expiry[11];
	char app_types[513], launch_state[8];
};

static int stored_from(void *ctx, const struct db_row *row)
{
	struct stored_platform *s = ctx;
	s->id = row_int(row, "id");
	row_copy(row, "host", s->host, sizeof s->host);
	row_copy(row, "platform_type", s->type, sizeof s->type);
	row_copy(row, "platform_name", s->name, sizeof s->name);
	row_copy(row, "system_family", s->family, sizeof s->family);
	row_copy(row, "version", s->version, sizeof s->version);
	row_copy(row, "licence_id", s->licence_id, sizeof s->licence_id);
	row_copy(row, "license_type", s->license_type, sizeof s->license_type);
	row_copy(row, "swa_expiry", s->swa_expiry, sizeof s->swa_expiry);
	row_copy(row, "app_types", s->app_types, sizeof s->app_types);
	row_copy(row, "launch_state", s->launch_state, sizeof s->launch_state);
	return 0;
}

static const char *launch_state_of(const struct inventory_tunnel *t, int n, const char **kind)
{
	const struct inventory_tunnel *l = inventory_launch_tunnel(t, n);
	*kind = l ? l->kind : "";
	return l ? l->state : "none";
}

static json_t *platform_snapshot(const struct inventory_report *r, const char *app_types)
{
	return json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "host", r->host, "platformType", r->type,
			 "platformName", r->name, "systemFamily", r->family, "platformId", r->platform_uid, "version",
			 r->version, "licence", r->licence_id, "licenseType", r->license_type, "swaExpiry", r->swa_expiry,
			 "applicationTypes", app_types);
}

static int apply_platform(struct report_ctx *x, const struct inventory_report *r, long long *platform_id)
{
	db *d = x->d;
	char app_types[513];
	app_types_of(r, app_types, sizeof app_types);
	const char *tunnel_kind, *state = launch_state_of(r->tunnels, r->n_tunnels, &tunnel_kind);
	struct stored_platform s;
	memset(&s, 0, sizeof s);
	int found = db_one(d, stored_from, &s,
		"SELECT id, host, platform_type, platform_name, system_family, version, licence_id, license_type,"
		" COALESCE(DATE_FORMAT(swa_expiry, '%Y-%m-%d'), '') AS swa_expiry, app_types, launch_state"
		" FROM inventory_platforms WHERE account_id = ? AND platform_uid = ? FOR UPDATE",
		"ss", x->dm->account_id, r->platform_uid);
	if (found < 0)
		return -1;
	if (found == 0) {
		if (db_exec(d,
			    "INSERT INTO inventory_platforms (partner_id, account_id, daemon_id, platform_uid, host, platform_type,"
			    " platform_name, system_family, version, licence_id, license_type, swa_expiry, app_types, launch_tunnel,"
			    " launch_state, report_interval, first_seen_at, reported_at)"
			    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULLIF(?, ''), ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
			    "ssissssssssssssi", x->dm->partner_id, x->dm->account_id, x->dm->id, r->platform_uid, r->host, r->type,
			    r->name, r->family, r->version, r->licence_id, r->license_type, r->swa_expiry, app_types, tunnel_kind,
			    state, (long long)r->interval) != 1)
			return -1;
		*platform_id = (long long)db_insert_id(d);
		json_t *core = platform_snapshot(r, app_types);
		int rc = report_event(x, "platform.create", "platform", *platform_id, r->host, core);
		json_decref(core);
		return rc;
	}
	*platform_id = s.id;
	json_t *changes = json_object();
	audit_change(changes, "host", s.host, r->host);
	audit_change(changes, "platformType", s.type, r->type);
	audit_change(changes, "platformName", s.name, r->name);
	audit_change(changes, "systemFamily", s.family, r->family);
	audit_change(changes, "version", s.version, r->version);
	audit_change(changes, "licence", s.licence_id, r->licence_id);
	audit_change(changes, "licenseType", s.license_type, r->license_type);
	audit_change(changes, "swaExpiry", s.swa_expiry, r->swa_expiry);
	audit_change(changes, "applicationTypes", s.app_types, app_types);
	audit_change(changes, "tunnel", s.launch_state, state);
	int rc = db_exec(d,
		"UPDATE inventory_platforms SET daemon_id = ?, host = ?, platform_type = ?, platform_name = ?, system_family = ?,"
		" version = ?, licence_id = ?, license_type = ?, swa_expiry = NULLIF(?, ''), app_types = ?, launch_tunnel = ?,"
		" launch_state = ?, report_interval = ?, reported_at = UTC_TIMESTAMP() WHERE id = ?",
		"isssssssssssii", x->dm->id, r->host, r->type, r->name, r->family, r->version, r->licence_id, r->license_type,
		r->swa_expiry, app_types, tunnel_kind, state, (long long)r->interval, s.id) < 0 ? -1 : 0;
	if (rc == 0 && json_object_size(changes) > 0)
		rc = report_event(x, "platform.update", "platform", s.id, r->host, changes);
	json_decref(changes);
	return rc;
}

/* The platform's applications as stored. */
struct stored_app {
	long long id;
	char type[65], name[256], version[65], tunnels[1024];
	int seen;
};

struct stored_apps {
	struct stored_app list[INVENTORY_APPS_MAX * 2];
	int n;
};

static int stored_app_from(void *ctx, const struct db_row *row)
{
	struct stored_apps *a = ctx;
	if (a->n >= (int)(sizeof a->list / sizeof a->list[0]))
		return 0;
	struct stored_app *s = &a->list[a->n++];
	memset(s, 0, sizeof *s);
	s->id = row_int(row, "id");
	row_copy(row, "app_type", s->type, sizeof s->type);
	row_copy(row, "app_name", s->name, sizeof s->name);
	row_copy(row, "version", s->version, sizeof s->version);
	row_copy(row, "tunnels", s->tunnels, sizeof s->tunnels);
	return 0;
}

/* Tunnels compared as the canonical JSON both sides are written in. */
static char *tunnels_text(const struct inventory_tunnel *t, int n)
{
	json_t *list = tunnels_json(t, n);
	char *text = list ? json_dumps(list, JSON_COMPACT) : NULL;
	json_decref(list);
	return text;
}

static int apply_apps(struct report_ctx *x, const struct inventory_report *r, long long platform_id)
{
	db *d = x->d;
	struct stored_apps *have = calloc(1, sizeof *have);
	if (!have)
		return -1;
	int rc = db_each(d, stored_app_from, have,
		"SELECT id, app_type, app_name, version, CAST(tunnels AS CHAR) AS tunnels FROM inventory_applications"
		" WHERE platform_id = ? FOR UPDATE", "i", platform_id) < 0 ? -1 : 0;
	for (int i = 0; i < r->n_apps && rc == 0; i++) {
		const struct inventory_app *a = &r->apps[i];
		const char *kind, *state = launch_state_of(a->tunnels, a->n_tunnels, &kind);
		char *tunnels = tunnels_text(a->tunnels, a->n_tunnels);
		struct stored_app *s = NULL;
		for (int j = 0; j < have->n; j++)
			if (strcmp(have->list[j].type, a->type) == 0 && strcmp(have->list[j].name, a->name) == 0)
				s = &have->list[j];
		char label[400];
		snprintf(label, sizeof label, "%s %s", r->host, a->type);
		if (!tunnels) {
			rc = -1;
		} else if (!s) {
			if (db_exec(d,
				    "INSERT INTO inventory_applications (platform_id, partner_id, account_id, host, app_type, app_name,"
				    " version, tunnels, launch_tunnel, launch_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				    "isssssssss", platform_id, x->dm->partner_id, x->dm->account_id, r->host, a->type, a->name,
				    a->version, tunnels, kind, state) != 1) {
				rc = -1;
			} else {
				json_t *core = json_pack("{s:s,s:s,s:s,s:s,s:o}", "host", r->host, "applicationType", a->type,
							 "name", a->name, "version", a->version, "tunnels",
							 tunnels_json(a->tunnels, a->n_tunnels));
				rc = report_event(x, "application.create", "application", (long long)db_insert_id(d), label, core);
				json_decref(core);
			}
		} else {
			s->seen = 1;
			json_t *changes = json_object();
			audit_change(changes, "version", s->version, a->version);
			json_t *before = json_loads(s->tunnels, 0, NULL), *after = json_loads(tunnels, 0, NULL);
			if (!json_equal(before, after))
				json_object_set_new(changes, "tunnels", json_pack("{s:O?,s:O?}", "from", before, "to", after));
			json_decref(before);
			json_decref(after);
			if (db_exec(d,
				    "UPDATE inventory_applications SET host = ?, version = ?, tunnels = ?, launch_tunnel = ?,"
				    " launch_state = ? WHERE id = ?", "sssssi", r->host, a->version, tunnels, kind, state, s->id) < 0)
				rc = -1;
			else if (json_object_size(changes) > 0)
				rc = report_event(x, "application.update", "application", s->id, label, changes);
			json_decref(changes);
		}
		free(tunnels);
	}
	/* What the daemon no longer reports is gone from the platform. */
	for (int j = 0; j < have->n && rc == 0; j++) {
		struct stored_app *s = &have->list[j];
		if (s->seen)
			continue;
		char label[400];
		snprintf(label, sizeof label, "%s %s", r->host, s->type);
		json_t *core = json_pack("{s:s,s:s,s:s}", "applicationType", s->type, "name", s->name, "version", s->version);
		if (db_exec(d, "DELETE FROM inventory_applications WHERE id = ?", "i", s->id) != 1 ||
		    report_event(x, "application.delete", "application", s->id, label, core) != 0)
			rc = -1;
		json_decref(core);
	}
	free(have);
	return rc;
}

int inventory_report_apply(db *d, const struct daemon *dm_in, const struct inventory_report *rep, long long *platform_id)
{
	/* One report of a daemon at a time: its row is the lock. */
	struct daemon dm;
	if (inventory_daemon_of_credential(d, dm_in->credential_id, 1, &dm) != 1)
		return -1;
	if (strcmp(dm.platform_uid, rep->platform_uid) != 0)
		return -2;
	struct report_ctx x = {d, &dm, {0, NULL, ""}, "", 0};
	char actor_name[300];
	snprintf(actor_name, sizeof actor_name, "CloudLink Daemon (%s)", rep->host);
	x.who.name = actor_name;
	snprintf(x.actor_ref, sizeof x.actor_ref, "daemon:%lld", dm.id);
	if (apply_platform(&x, rep, platform_id) != 0 || apply_apps(&x, rep, *platform_id) != 0)
		return -1;
	if (db_exec(d,
		    "UPDATE inventory_daemons SET host = ?, report_interval = ?, last_report_at = UTC_TIMESTAMP() WHERE id = ?",
		    "sii", rep->host, (long long)rep->interval, dm.id) < 0)
		return -1;
	return x.changes;
}

/* ---- Launch ---- */

struct launch_target {
	char kind[33];
	char state[8];
	long long id;
	char name[300];
};

static int target_from(void *ctx, const struct db_row *row)
{
	struct launch_target *t = ctx;
	row_copy(row, "launch_tunnel", t->kind, sizeof t->kind);
	row_copy(row, "launch_state", t->state, sizeof t->state);
	t->id = row_int(row, "id");
	return 0;
}

int inventory_launch_create(db *d, const struct actor *who, const struct platform *p, const char *app_type,
			    char token[TOKEN_HEX])
{
	struct launch_target t;
	memset(&t, 0, sizeof t);
	if (p->unlinked)
		return LAUNCH_UNLINKED;
	if (!*app_type) {
		snprintf(t.kind, sizeof t.kind, "%s", p->launch_tunnel);
		snprintf(t.state, sizeof t.state, "%s", p->launch_state);
		t.id = p->id;
		snprintf(t.name, sizeof t.name, "%s", p->host);
	} else {
		int found = db_one(d, target_from, &t,
			"SELECT id, launch_tunnel, launch_state FROM inventory_applications WHERE platform_id = ? AND app_type = ?"
			" ORDER BY launch_tunnel = '', app_name LIMIT 1", "is", p->id, app_type);
		if (found < 0)
			return -1;
		snprintf(t.name, sizeof t.name, "%s %s", p->host, app_type);
	}
	if (!t.kind[0])
		return LAUNCH_NO_CONSOLE;
	if (strcmp(t.state, "started") != 0)
		return LAUNCH_STOPPED;
	char hash[TOKEN_HEX], id[24];
	if (random_token(token) != 0)
		return -1;
	sha256_hex(token, hash);
	snprintf(id, sizeof id, "%lld", t.id);
	if (db_exec(d, "DELETE FROM inventory_launches WHERE platform_id = ? AND expires_at < UTC_TIMESTAMP()", "i", p->id) < 0 ||
	    db_exec(d,
		    "INSERT INTO inventory_launches (token_hash, platform_id, daemon_id, account_id, app_type, user_id, user_name,"
		    " created_at, expires_at) VALUES (?, ?, ?, ?, ?, NULLIF(?, 0), ?, UTC_TIMESTAMP(),"
		    " UTC_TIMESTAMP() + INTERVAL ? SECOND)",
		    "siissisi", hash, p->id, p->daemon_id, p->account_id, app_type, who ? who->user_id : 0LL,
		    who && who->name ? who->name : "", (long long)LAUNCH_SECONDS) != 1)
		return -1;
	json_t *core = json_pack("{s:s,s:s}", "tunnel", t.kind, "platformId", p->platform_uid);
	int rc = audit_event(d, p->account_id, who, *app_type ? "application.launch" : "platform.launch",
			     *app_type ? "application" : "platform", id, t.name, core);
	json_decref(core);
	return rc == 0 ? LAUNCH_OK : -1;
}

static int grant_from(void *ctx, const struct db_row *row)
{
	struct launch_grant *g = ctx;
	row_copy(row, "platform_uid", g->platform_uid, sizeof g->platform_uid);
	row_copy(row, "app_type", g->app_type, sizeof g->app_type);
	row_copy(row, "user_name", g->user_name, sizeof g->user_name);
	return 0;
}

int inventory_launch_verify(db *d, const struct daemon *dm, const char *token, struct launch_grant *out)
{
	if (!token_well_formed(token))
		return 0;
	char hash[TOKEN_HEX];
	sha256_hex(token, hash);
	long long used = db_exec(d,
		"UPDATE inventory_launches SET used_at = UTC_TIMESTAMP() WHERE token_hash = ? AND daemon_id = ?"
		" AND used_at IS NULL AND expires_at > UTC_TIMESTAMP()", "si", hash, dm->id);
	if (used <= 0)
		return used < 0 ? -1 : 0;
	memset(out, 0, sizeof *out);
	return db_one(d, grant_from, out,
		"SELECT p.platform_uid, l.app_type, l.user_name FROM inventory_launches l JOIN inventory_platforms p"
		" ON p.id = l.platform_id WHERE l.token_hash = ?", "s", hash);
}
