#include "lib/gateways.h"
#include "lib/core/config.h"
#include "lib/core/validate.h"
#include "lib/credentials.h"
#include "lib/jobs.h"
#include "lib/lang.h"
#include "lib/integrations.h"
#include "lib/stored_message.h"
#include "lib/pbx_types.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const step_keys[] = {
	[STEP_NO_GATEWAY] = "no_gateway", [STEP_CONFIGURE_GATEWAY] = "configure_gateway", [STEP_ADD_PBX] = "add_pbx",
	[STEP_SYNC_PBX] = "sync_pbx", [STEP_CONNECT_PBX] = "connect_pbx", [STEP_DEPLOYMENT] = "deployment",
	[STEP_COMPLETE] = "complete",
};
static const char *const step_texts[] = {
	[STEP_NO_GATEWAY] = "No gateway detected", [STEP_CONFIGURE_GATEWAY] = "Configure gateway",
	[STEP_ADD_PBX] = "Add PBX", [STEP_SYNC_PBX] = "Sync PBX", [STEP_CONNECT_PBX] = "Connect the PBX",
	[STEP_DEPLOYMENT] = "Deployment", [STEP_COMPLETE] = "Onboarding Complete",
};
#define STEP_COUNT ((int)(sizeof step_keys / sizeof step_keys[0]))

const char *onboarding_step_key(enum onboarding_step s) { return s >= 0 && s < STEP_COUNT ? step_keys[s] : ""; }
const char *onboarding_step_text(enum onboarding_step s) { return s >= 0 && s < STEP_COUNT ? step_texts[s] : ""; }

int onboarding_step_from_key(const char *key)
{
	for (int i = 0; key && i < STEP_COUNT; i++)
		if (strcmp(step_keys[i], key) == 0)
			return i;
	return STEP_NONE;
}

static const struct actor system_actor = {0, "System", ""};

static int offline_seconds(void) { return cfg_int("Gateway.OfflineSeconds", 90); }

/* ---- claiming ---- */

int gateway_code_normalise(const char *typed, char out[GATEWAY_CODE_MAX + 1])
{
	size_t n = 0;
	for (const char *p = typed ? typed : ""; *p; p++) {
		if (*p == ' ' || *p == '-')
			continue;
		if (!isalnum((unsigned char)*p) || n == GATEWAY_CODE_MAX)
			return 0;
		out[n++] = (char)toupper((unsigned char)*p);
	}
	out[n] = 0;
	return n >= 8;
}

static void code_hash(const char *canonical, char out[TOKEN_HEX])
{
	sha256_hex(canonical, out);
}

int gateway_claim_enter(db *d, const struct actor *who, const char *account_id, const char *typed_code,
			const char **why)
{
	char code[GATEWAY_CODE_MAX + 1], hash[TOKEN_HEX];
	*why = "invalid";
	if (!gateway_code_normalise(typed_code, code))
		return 0;
	code_hash(code, hash);
	long long n = 0;
	if (db_int(d, &n, "SELECT COUNT(*) FROM gateways WHERE account_id = ?", "s", account_id) != 1)
		return -1;
	if (n > 0) {
		*why = "claimed";
		return 0;
	}
	/* The same code pending for another account: the first claim stands. */
	if (db_int(d, &n, "SELECT COUNT(*) FROM gateway_claims WHERE code_hash = ? AND account_id <> ?"
			  " AND used_at IS NULL AND expires_at > UTC_TIMESTAMP()", "ss", hash, account_id) != 1)
		return -1;
	if (n > 0) {
		*why = "taken";
		return 0;
	}
	*why = NULL;
	if (db_exec(d, "DELETE FROM gateway_claims WHERE account_id = ? AND used_at IS NULL", "s", account_id) < 0 ||
	    db_exec(d, "DELETE FROM gateway_claims WHERE code_hash = ?", "s", hash) < 0 ||
	    db_exec(d, "INSERT INTO gateway_claims (code_hash, account_id, created_by_name, created_at, expires_at)"
		       " VALUES (?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL ? MINUTE)",
		    "sssi", hash, account_id, who && who->name ? who->name : "System", (long long)GATEWAY_CLAIM_MINUTES) != 1)
		return -1;
	if (gateway_onboarding_start(d, who, account_id) != 0)
		return -1;
	/* The code itself is no event detail: it would outlive its use. */
	return audit_event(d, account_id, who, "gateway.claim_code", "Gateway", "", "CloudLink Gateway", NULL) == 0 ? 1 : -1;
}

static int one_of(const char *s, const char *a, const char *b) { return s && (strcmp(s, a) == 0 || strcmp(s, b) == 0); }

static int short_line(const char *s, size_t max) { return !s || (valid_line(s, 0) && strlen(s) <= max); }

int gateway_report_check(const struct gateway_report *g, const char **bad_field)
{
	*bad_field = NULL;
	if (g->kind && !one_of(g->kind, "physical", "virtual"))
		*bad_field = "kind";
	else if (g->platform && !one_of(g->platform, "standalone", "smbc"))
		*bad_field = "platform";
	else if (!short_line(g->serial, 64))
		*bad_field = "serial";
	else if (!short_line(g->version, 32))
		*bad_field = "version";
	else if (!short_line(g->available_version, 32))
		*bad_field = "availableVersion";
	else if (!short_line(g->ip_address, 64))
		*bad_field = "ip";
	/* The relay is reached by syncd: plain http(s) URLs only. */
	else if (g->relay_url && *g->relay_url &&
		 (!short_line(g->relay_url, 255) ||
		  (strncmp(g->relay_url, "http://", 7) != 0 && strncmp(g->relay_url, "https://", 8) != 0)))
		*bad_field = "relayUrl";
	return *bad_field == NULL;
}

static const char *or_default(const char *s, const char *fallback) { return s && *s ? s : fallback; }

struct claim_row {
	char account_id[UUID_LEN];
	char partner_id[UUID_LEN];
	int live;
};

static int claim_from_row(void *ctx, const struct db_row *row)
{
	struct claim_row *c = ctx;
	row_copy(row, "account_id", c->account_id, sizeof c->account_id);
	row_copy(row, "partner_id", c->partner_id, sizeof c->partner_id);
	c->live = (int)row_int(row, "live");
	return 0;
}

struct redeem_call {
	db *d;
	const char *hash;
	const struct gateway_report *g;
	const char *key_hex;
	struct gateway_claimed *out;
};

/* 0 redeemed, REDEEM_UNKNOWN / REDEEM_REFUSED when the code is not (or no
 * longer) good, -1 on error. */
#define REDEEM_UNKNOWN 1
#define REDEEM_REFUSED 2

static int redeem(void *ctx)
{
	struct redeem_call *r = ctx;
	db *d = r->d;
	const struct gateway_report *g = r->g;
	struct gateway_claimed *out = r->out;
	memset(out, 0, sizeof *out);
	struct claim_row c = {0};
	int rc = db_one(d, claim_from_row, &c,
		"SELECT c.account_id, COALESCE(a.partner_id, a.id) AS partner_id,"
		" (c.used_at IS NULL AND c.expires_at > UTC_TIMESTAMP() AND a.status = 'active') AS live"
		" FROM gateway_claims c JOIN accounts a ON a.id = c.account_id WHERE c.code_hash = ? FOR UPDATE", "s", r->hash);
	long long has = 0;
	if (rc == 1 && c.live && db_int(d, &has, "SELECT COUNT(*) FROM gateways WHERE account_id = ?", "s", c.account_id) != 1)
		rc = -1;
	if (rc != 1 || !c.live || has)
		return rc < 0 ? -1 : rc == 0 ? REDEEM_UNKNOWN : REDEEM_REFUSED;
	char label[128], sealed[SECRET_SEALED(TOKEN_HEX)];
	snprintf(label, sizeof label, "CloudLink Gateway %.64s", or_default(g->serial, ""));
	long long cred = credential_issue(d, CRED_GATEWAY, c.partner_id, c.account_id, 0, label, "Gateway claim", 0, out->token);
	int ok = cred > 0 && random_token(out->relay_key) == 0 &&
		 secret_seal(r->key_hex, out->relay_key, sealed, sizeof sealed) == 0 &&
		 db_exec(d, "INSERT INTO gateways (account_id, credential_id, serial, kind, platform, version,"
			    " available_version, ip_address, relay_url, relay_key_sealed, claimed_at)"
			    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())",
			 "sissssssss", c.account_id, cred, or_default(g->serial, ""), or_default(g->kind, "physical"),
			 or_default(g->platform, "standalone"), or_default(g->version, ""),
			 or_default(g->available_version, ""), or_default(g->ip_address, ""), or_default(g->relay_url, ""),
			 sealed) == 1;
	if (ok) {
		out->gateway_id = (long long)db_insert_id(d);
		snprintf(out->account_id, sizeof out->account_id, "%s", c.account_id);
		char id_text[24];
		snprintf(id_text, sizeof id_text, "%lld", out->gateway_id);
		json_t *details = json_pack("{s:s,s:s,s:s}", "serial", or_default(g->serial, ""), "kind",
					    or_default(g->kind, "physical"), "platform", or_default(g->platform, "standalone"));
		ok = db_exec(d, "UPDATE gateway_claims SET used_at = UTC_TIMESTAMP(), gateway_id = ? WHERE code_hash = ?",
			     "is", out->gateway_id, r->hash) == 1 &&
		     db_exec(d, "INSERT INTO gateway_onboarding (account_id, step, gateway_id, created_at, updated_at)"
				" VALUES (?, 'no_gateway', ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
				" ON DUPLICATE KEY UPDATE gateway_id = VALUES(gateway_id), updated_at = UTC_TIMESTAMP()",
			     "si", c.account_id, out->gateway_id) >= 1 &&
		     audit_event(d, c.account_id, &system_actor, "gateway.claimed", "Gateway", id_text, label, details) == 0;
		json_decref(details);
	}
	return ok ? 0 : -1;
}

int gateway_claim_redeem(db *d, const char *typed_code, const struct gateway_report *g, const char *key_hex,
			 struct gateway_claimed *out)
{
	char code[GATEWAY_CODE_MAX + 1], hash[TOKEN_HEX];
	memset(out, 0, sizeof *out);
	if (!gateway_code_normalise(typed_code, code))
		return 0;
	code_hash(code, hash);
	struct redeem_call r = {d, hash, g, key_hex, out};
	int rc = db_tx(d, redeem, &r);
	if (rc != 0)
		memset(out, 0, sizeof *out);
	return rc == 0 ? 1 : rc == REDEEM_UNKNOWN ? 0 : rc == REDEEM_REFUSED ? 2 : -1;
}

/* ---- the gateway ---- */

#define GATEWAY_SELECT \
	"SELECT id, account_id, serial, kind, platform, version, available_version, ip_address, update_schedule," \
	" call_trace, DATE_FORMAT(claimed_at, '%Y-%m-%d %H:%i:%s') AS claimed," \
	" COALESCE(DATE_FORMAT(last_seen_at, '%Y-%m-%d %H:%i:%s'), '') AS last_seen," \
	" COALESCE(last_seen_at > UTC_TIMESTAMP() - INTERVAL ? SECOND, 0) AS online FROM gateways"

static int gateway_from_row(void *ctx, const struct db_row *row)
{
	struct gateway *g = ctx;
	memset(g, 0, sizeof *g);
	g->id = row_int(row, "id");
	row_copy(row, "account_id", g->account_id, sizeof g->account_id);
	row_copy(row, "serial", g->serial, sizeof g->serial);
	row_copy(row, "kind", g->kind, sizeof g->kind);
	row_copy(row, "platform", g->platform, sizeof g->platform);
	row_copy(row, "version", g->version, sizeof g->version);
	row_copy(row, "available_version", g->available_version, sizeof g->available_version);
	row_copy(row, "ip_address", g->ip_address, sizeof g->ip_address);
	row_copy(row, "update_schedule", g->update_schedule, sizeof g->update_schedule);
	row_copy(row, "call_trace", g->call_trace, sizeof g->call_trace);
	row_copy(row, "claimed", g->claimed, sizeof g->claimed);
	row_copy(row, "last_seen", g->last_seen, sizeof g->last_seen);
	g->online = (int)row_int(row, "online");
	g->update_available = g->available_version[0] && strcmp(g->available_version, g->version) != 0;
	return 0;
}

int gateway_find(db *d, const char *account_id, struct gateway *out)
{
	return db_one(d, gateway_from_row, out, GATEWAY_SELECT " WHERE account_id = ?", "is",
		      (long long)offline_seconds(), account_id);
}

int gateway_find_by_credential(db *d, long long credential_id, struct gateway *out)
{
	return db_one(d, gateway_from_row, out, GATEWAY_SELECT " WHERE credential_id = ?", "ii",
		      (long long)offline_seconds(), credential_id);
}

struct texts {
	char **logs, **trace;
};

static int texts_from_row(void *ctx, const struct db_row *row)
{
	struct texts *t = ctx;
	*t->logs = strdup(row_str(row, "logs"));
	*t->trace = strdup(row_str(row, "trace_text"));
	return *t->logs && *t->trace ? 0 : -1;
}

int gateway_texts(db *d, const char *account_id, char **logs, char **trace)
{
	*logs = *trace = NULL;
	struct texts t = {logs, trace};
	int rc = db_one(d, texts_from_row, &t, "SELECT logs, trace_text FROM gateways WHERE account_id = ?", "s", account_id);
	if (rc == 0) {
		*logs = strdup("");
		*trace = strdup("");
	}
	if (rc < 0 || !*logs || !*trace) {
		free(*logs);
		free(*trace);
		*logs = *trace = NULL;
		return -1;
	}
	return 0;
}

struct config_ctx {
	json_t *doc;
	json_t *commands;
};

static json_t *json_or_null(const char *text)
{
	json_t *v = text && *text ? json_loads(text, 0, NULL) : NULL;
	return v ? v : json_null();
}

static int config_from_row(void *ctx, const struct db_row *row)
{
	struct config_ctx *c = ctx;
	json_object_set_new(c->doc, "account", json_pack("{s:s,s:s}", "id", row_str(row, "account_id"), "name",
							 row_str(row, "name")));
	json_object_set_new(c->doc, "site", json_or_null(row_str(row, "site")));
	json_object_set_new(c->doc, "ethernet", json_or_null(row_str(row, "eth")));
	json_object_set_new(c->doc, "updateSchedule", json_string(row_str(row, "update_schedule")));
	json_object_set_new(c->doc, "onboarding", json_string(row_null(row, "step") ? "" : row_str(row, "step")));
	return 0;
}

static int command_from_row(void *ctx, const struct db_row *row)
{
	struct config_ctx *c = ctx;
	json_array_append_new(c->commands, json_pack("{s:I,s:s,s:o}", "id", (json_int_t)row_int(row, "id"), "kind",
						     row_str(row, "kind"), "payload", json_or_null(row_str(row, "payload"))));
	return 0;
}

struct config_call {
	db *d;
	const struct gateway *g;
	struct config_ctx *c;
};

static int config_read(void *ctx)
{
	struct config_call *k = ctx;
	struct config_ctx *c = k->c;
	json_array_clear(c->commands); /* an earlier run's, rolled back */
	if (db_one(k->d, config_from_row, c,
		   "SELECT a.id AS account_id, a.name, o.site, o.eth, o.step, g.update_schedule FROM gateways g"
		   " JOIN accounts a ON a.id = g.account_id LEFT JOIN gateway_onboarding o ON o.account_id = g.account_id"
		   " WHERE g.id = ?", "i", k->g->id) != 1 ||
	    db_each(k->d, command_from_row, c,
		    "SELECT id, kind, payload FROM gateway_commands WHERE gateway_id = ? AND state = 'queued'"
		    " ORDER BY id LIMIT 20 FOR UPDATE", "i", k->g->id) < 0)
		return -1;
	if (!json_array_size(c->commands))
		return 0;
	long long last = (long long)json_integer_value(
		json_object_get(json_array_get(c->commands, json_array_size(c->commands) - 1), "id"));
	return db_exec(k->d, "UPDATE gateway_commands SET state = 'sent', sent_at = UTC_TIMESTAMP()"
			     " WHERE gateway_id = ? AND state = 'queued' AND id <= ?", "ii", k->g->id, last) < 0 ? -1 : 0;
}

json_t *gateway_config_for(db *d, const struct gateway *g)
{
	struct config_ctx c = {json_pack("{s:I,s:s}", "gatewayId", (json_int_t)g->id, "accountId", g->account_id),
			       json_array()};
	struct config_call k = {d, g, &c};
	if (!c.doc || !c.commands || db_tx(d, config_read, &k) != 0)
		goto fail;
	json_object_set_new(c.doc, "commands", c.commands);
	return c.doc;
fail:
	json_decref(c.doc);
	json_decref(c.commands);
	return NULL;
}

/* A factory reset done: the gateway is unclaimed again. Its credential is
 * revoked and its row goes (its commands with it). */
static int forget_gateway(db *d, const struct gateway *g)
{
	long long cred = 0;
	char partner[UUID_LEN] = "";
	if (db_int(d, &cred, "SELECT COALESCE(credential_id, 0) FROM gateways WHERE id = ?", "i", g->id) != 1 ||
	    db_str(d, partner, sizeof partner, "SELECT COALESCE(partner_id, id) FROM accounts WHERE id = ?", "s",
		   g->account_id) != 1)
		return -1;
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", g->id);
	return (cred == 0 || credential_revoke(d, partner, cred, 0) >= 0) &&
			       db_exec(d, "DELETE FROM gateways WHERE id = ?", "i", g->id) == 1 &&
			       db_exec(d, "UPDATE gateway_onboarding SET step = 'no_gateway', gateway_id = NULL,"
					  " updated_at = UTC_TIMESTAMP() WHERE account_id = ?", "s", g->account_id) >= 0 &&
			       audit_event(d, g->account_id, &system_actor, "gateway.reset", "Gateway", id_text,
					   "CloudLink Gateway", NULL) == 0
		       ? 0
		       : -1;
}

static int record_results(db *d, const struct gateway *g, json_t *results, int *reset)
{
	size_t i;
	json_t *r;
	json_array_foreach(results, i, r) {
		json_t *id = json_object_get(r, "id");
		if (!json_is_integer(id))
			continue;
		int ok = json_is_true(json_object_get(r, "ok"));
		const char *msg = json_string_value(json_object_get(r, "message"));
		char kind[32] = "";
		if (db_str(d, kind, sizeof kind, "SELECT kind FROM gateway_commands WHERE id = ? AND gateway_id = ?"
						 " AND state IN ('queued', 'sent') FOR UPDATE",
			   "ii", (long long)json_integer_value(id), g->id) < 0)
			return -1;
		if (!kind[0])
			continue;
		char text[513];
		snprintf(text, sizeof text, "%s", msg && valid_line(msg, 0) ? msg : "");
		if (db_exec(d, "UPDATE gateway_commands SET state = ?, result = ?, done_at = UTC_TIMESTAMP() WHERE id = ?",
			    "ssi", ok ? "done" : "failed", text, (long long)json_integer_value(id)) != 1)
			return -1;
		if (ok && strcmp(kind, "factory_reset") == 0)
			*reset = 1;
	}
	return 0;
}

struct status_call {
	db *d;
	const struct gateway *g;
	const struct gateway_report *rep;
	const char *logs, *trace, *trace_state, *pbx;
	json_t *command_results;
};

static int status_write(void *ctx)
{
	struct status_call *k = ctx;
	db *d = k->d;
	const struct gateway *g = k->g;
	const struct gateway_report *rep = k->rep;
	int reset = 0;
	long long first = 0;
	int ok = db_int(d, &first, "SELECT last_seen_at IS NULL FROM gateways WHERE id = ? FOR UPDATE", "i", g->id) == 1 &&
		 db_exec(d, "UPDATE gateways SET serial = COALESCE(?, serial), kind = COALESCE(?, kind),"
			    " platform = COALESCE(?, platform), version = COALESCE(?, version),"
			    " available_version = COALESCE(?, available_version), ip_address = COALESCE(?, ip_address),"
			    " relay_url = COALESCE(?, relay_url), logs = COALESCE(?, logs), trace_text = COALESCE(?, trace_text),"
			    " call_trace = COALESCE(?, call_trace),"
			    " pbx_report = COALESCE(?, pbx_report), last_seen_at = UTC_TIMESTAMP() WHERE id = ?",
			 "sssssssssssi", rep->serial, rep->kind, rep->platform, rep->version, rep->available_version,
			 rep->ip_address, rep->relay_url, k->logs, k->trace, k->trace_state, k->pbx, g->id) >= 0 &&
		 record_results(d, g, k->command_results, &reset) == 0;
	if (ok && first) {
		char id_text[24];
		snprintf(id_text, sizeof id_text, "%lld", g->id);
		ok = db_exec(d, "UPDATE gateway_onboarding SET step = 'configure_gateway', gateway_id = ?,"
				" updated_at = UTC_TIMESTAMP() WHERE account_id = ? AND step = 'no_gateway'",
			     "is", g->id, g->account_id) >= 0 &&
		     audit_event(d, g->account_id, &system_actor, "gateway.connected", "Gateway", id_text,
				 "CloudLink Gateway", NULL) == 0;
	}
	if (ok && reset)
		ok = forget_gateway(d, g) == 0;
	return ok ? 0 : -1;
}

int gateway_status_record(db *d, const struct gateway *g, const struct gateway_report *rep, const char *logs,
			  const char *trace, const char *trace_state, json_t *command_results, json_t *pbx_report)
{
	if (trace_state && !one_of(trace_state, "running", "off"))
		trace_state = NULL;
	char *pbx = pbx_report && json_is_object(pbx_report) ? json_dumps(pbx_report, JSON_COMPACT) : NULL;
	struct status_call k = {d, g, rep, logs, trace, trace_state, pbx, command_results};
	int rc = db_tx(d, status_write, &k);
	free(pbx);
	return rc == 0 ? 0 : -1;
}

static const char *const command_kinds[] = {
	"update_schedule", "update_now", "reboot", "call_trace_start", "call_trace_stop", "factory_reset",
};

long long gateway_command_queue(db *d, const struct actor *who, const char *account_id, const char *kind,
				json_t *payload)
{
	int known = 0;
	for (size_t i = 0; i < sizeof command_kinds / sizeof command_kinds[0]; i++)
		known |= kind && strcmp(kind, command_kinds[i]) == 0;
	long long gw = 0;
	int found = db_int(d, &gw, "SELECT id FROM gateways WHERE account_id = ? FOR UPDATE", "s", account_id);
	if (found < 0)
		return -1;
	if (!known || found == 0)
		return 0;
	json_t *empty = json_object();
	char *text = json_dumps(payload ? payload : empty, JSON_COMPACT);
	json_decref(empty);
	long long rc = text ? db_exec(d, "INSERT INTO gateway_commands (account_id, gateway_id, kind, payload,"
					 " created_by_name, created_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())",
				      "sisss", account_id, gw, kind, text, who && who->name ? who->name : "System")
			    : -1;
	free(text);
	if (rc != 1)
		return -1;
	long long id = (long long)db_insert_id(d);
	/* The schedule is the console's setting too: the support page shows it at once. */
	const char *schedule = json_string_value(json_object_get(payload, "schedule"));
	if (strcmp(kind, "update_schedule") == 0 && schedule && valid_line(schedule, 0) && strlen(schedule) <= 64 &&
	    db_exec(d, "UPDATE gateways SET update_schedule = ? WHERE id = ?", "si", schedule, gw) < 0)
		return -1;
	char gw_text[24], action[48];
	snprintf(gw_text, sizeof gw_text, "%lld", gw);
	snprintf(action, sizeof action, "gateway.%s", kind);
	json_t *details = json_pack("{s:O?}", "payload", payload);
	int ok = audit_event(d, account_id, who, action, "Gateway", gw_text, "CloudLink Gateway", details);
	json_decref(details);
	return ok == 0 ? id : -1;
}

struct command_state {
	char *state, *result;
};

static int command_state_from_row(void *ctx, const struct db_row *row)
{
	struct command_state *c = ctx;
	row_copy(row, "state", c->state, 16);
	row_copy(row, "result", c->result, 513);
	return 0;
}

int gateway_command_state(db *d, const char *account_id, long long id, char state[16], char result[513])
{
	struct command_state c = {state, result};
	return db_one(d, command_state_from_row, &c,
		      "SELECT state, result FROM gateway_commands WHERE id = ? AND account_id = ?", "is", id, account_id);
}

/* ---- onboarding ---- */

int gateway_onboarding_start(db *d, const struct actor *who, const char *account_id)
{
	return db_exec(d, "INSERT IGNORE INTO gateway_onboarding (account_id, step, created_at, updated_at)"
			  " VALUES (?, 'no_gateway', UTC_TIMESTAMP(), UTC_TIMESTAMP())", "s", account_id) < 0 ? -1 : 0;
}

int ipv4_parse(const char *s, unsigned *out)
{
	unsigned v = 0;
	int parts = 0;
	const char *p = s ? s : "";
	while (parts < 4) {
		if (!isdigit((unsigned char)*p))
			return 0;
		unsigned n = 0;
		int digits = 0;
		while (isdigit((unsigned char)*p)) {
			n = n * 10 + (unsigned)(*p++ - '0');
			if (++digits > 3 || n > 255)
				return 0;
		}
		v = (v << 8) | n;
		parts++;
		if (parts < 4 && *p++ != '.')
			return 0;
	}
	if (*p)
		return 0;
	*out = v;
	return 1;
}

static int required_line(const char *s, size_t max, const char *field,
			 void (*bad)(void *ctx, const char *field, const char *reason), void *ctx)
{
	if (!s || is_blank(s)) {
		bad(ctx, field, "required");
		return 1;
	}
	if (!valid_line(s, 0) || utf8_length(s) > max) {
		bad(ctx, field, utf8_length(s) > max ? "too_long" : "invalid");
		return 1;
	}
	return 0;
}

int gateway_site_check(const struct gateway_site *s, const struct gateway_eth *e,
		       void (*bad)(void *ctx, const char *field, const char *reason), void *ctx)
{
	int n = 0;
	n += required_line(s->site_name, 255, "site_name", bad, ctx);
	if (s->address && *s->address && (!valid_line(s->address, 0) || utf8_length(s->address) > 255)) {
		bad(ctx, "address", "invalid");
		n++;
	}
	n += required_line(s->city, 255, "city", bad, ctx);
	n += required_line(s->country, 64, "country", bad, ctx);
	n += required_line(s->province, 255, "province", bad, ctx);
	n += required_line(s->postal_code, 32, "postal_code", bad, ctx);
	if (e->dhcp)
		return n;
	unsigned ip = 0, mask = 0, gw = 0, dns;
	int have_ip = 0, have_mask = 0;
	if (!e->ip_address || !*e->ip_address)
		bad(ctx, "ip_address", "required"), n++;
	else if (!(have_ip = ipv4_parse(e->ip_address, &ip)))
		bad(ctx, "ip_address", "invalid"), n++;
	if (!e->subnet_mask || !*e->subnet_mask)
		bad(ctx, "subnet_mask", "required"), n++;
	/* contiguous: the inverted mask plus one is a power of two; /0 and /32 make no subnet */
	else if (!(have_mask = ipv4_parse(e->subnet_mask, &mask)) || mask == 0 || mask == 0xffffffffu ||
		 ((~mask + 1u) & ~mask) != 0)
		bad(ctx, "subnet_mask", "invalid"), n++, have_mask = 0;
	if (!e->default_gateway || !*e->default_gateway)
		bad(ctx, "default_gateway", "required"), n++;
	else if (!ipv4_parse(e->default_gateway, &gw))
		bad(ctx, "default_gateway", "invalid"), n++;
	else if (have_ip && have_mask &&
		 ((gw & mask) != (ip & mask) || gw == ip || (gw & ~mask) == 0 || (gw & ~mask) == ~mask))
		bad(ctx, "default_gateway", "outside_subnet"), n++;
	if (have_ip && have_mask && ((ip & ~mask) == 0 || (ip & ~mask) == ~mask))
		bad(ctx, "ip_address", "invalid"), n++;
	int servers = 0, dns_bad = 0;
	for (int i = 0; i < 3; i++) {
		if (!e->dns[i] || !*e->dns[i])
			continue;
		servers++;
		dns_bad |= !ipv4_parse(e->dns[i], &dns);
	}
	if (servers == 0)
		bad(ctx, "dns", "required"), n++;
	else if (dns_bad)
		bad(ctx, "dns", "invalid"), n++;
	return n;
}

int gateway_site_save(db *d, const struct actor *who, const char *account_id, const struct gateway_site *s,
		      const struct gateway_eth *e)
{
	struct gateway g;
	int found = gateway_find(d, account_id, &g);
	if (found != 1 || !g.last_seen[0])
		return found < 0 ? -1 : 0;
	json_t *site = json_pack("{s:s,s:s,s:s,s:s,s:s,s:s}", "siteName", s->site_name, "address",
				 s->address ? s->address : "", "city", s->city, "country", s->country, "province",
				 s->province, "postalCode", s->postal_code);
	json_t *eth = e->dhcp ? json_pack("{s:s}", "mode", "dhcp")
			      : json_pack("{s:s,s:s,s:s,s:s,s:[]}", "mode", "static", "ipAddress", e->ip_address,
					  "subnetMask", e->subnet_mask, "defaultGateway", e->default_gateway, "dns");
	for (int i = 0; eth && !e->dhcp && i < 3; i++)
		if (e->dns[i] && *e->dns[i])
			json_array_append_new(json_object_get(eth, "dns"), json_string(e->dns[i]));
	char *site_text = site ? json_dumps(site, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	char *eth_text = eth ? json_dumps(eth, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	const char *next = strcmp(g.platform, "smbc") == 0 ? "sync_pbx" : "add_pbx";
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", g.id);
	json_t *details = json_pack("{s:O,s:O}", "site", site, "ethernet", eth);
	int ok = site_text && eth_text && details &&
		 gateway_onboarding_start(d, who, account_id) == 0 &&
		 db_exec(d, "UPDATE gateway_onboarding SET site = ?, eth = ?, gateway_id = ?,"
			    " step = IF(step IN ('no_gateway', 'configure_gateway'), ?, step), updated_at = UTC_TIMESTAMP()"
			    " WHERE account_id = ?", "ssiss", site_text, eth_text, g.id, next, account_id) >= 0 &&
		 audit_event(d, account_id, who, "gateway.site", "Gateway", id_text, s->site_name, details) == 0;
	json_decref(details);
	json_decref(site);
	json_decref(eth);
	free(site_text);
	free(eth_text);
	return ok ? 1 : -1;
}

int gateway_onboarding_complete(db *d, const struct actor *who, const char *account_id)
{
	char type[17] = "";
	int found = db_str(d, type, sizeof type,
			   "SELECT l.pbx_type FROM gateway_onboarding o JOIN pbx_links l ON l.id = o.pbx_link_id"
			   " WHERE o.account_id = ? AND l.account_id = o.account_id AND l.connected = 1 FOR UPDATE",
			   "s", account_id);
	if (found != 1)
		return found;
	const struct pbx_type *t = pbx_type_find(type);
	json_t *details = json_object();
	audit_change(details, "pbx_type", "", t ? t->label : type);
	/* The account's CloudLink Gateway integration is set up: switched on (guide §3.1). */
	int ok = db_exec(d, "UPDATE gateway_onboarding SET step = 'complete', updated_at = UTC_TIMESTAMP()"
			    " WHERE account_id = ?", "s", account_id) >= 0 &&
		 db_exec(d, "UPDATE accounts SET pbx_type = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?", "ss",
			 t ? t->label : type, account_id) >= 0 &&
		 integration_setup_finished(d, account_id, integration_kind("gateway"), details) >= 0 &&
		 audit_event(d, account_id, who, "gateway.onboarding_complete", "Account", account_id, "", details) == 0;
	json_decref(details);
	return ok ? 1 : -1;
}

struct status_row {
	struct onboarding_status *s;
	long long no_email, dup_email;
};

static int status_from_row(void *ctx, const struct db_row *row)
{
	struct status_row *sr = ctx;
	struct onboarding_status *s = sr->s;
	s->step = (enum onboarding_step)onboarding_step_from_key(row_str(row, "step"));
	s->text = onboarding_step_text(s->step);
	s->pbx_link_id = row_int(row, "pbx_link_id");
	if (!row_null(row, "gateway_id") && !row_int(row, "online"))
		snprintf(s->error, sizeof s->error, "%s", !row_null(row, "last_seen") ? "Gateway unreachable" : "");
	if (!s->error[0] && row_int(row, "failing"))
		snprintf(s->error, sizeof s->error, "PBX sync failing: %s", row_str(row, "link_error"));
	if (!s->error[0] && *row_str(row, "last_error"))
		snprintf(s->error, sizeof s->error, "%s", row_str(row, "last_error"));
	sr->no_email = row_int(row, "no_email_count");
	sr->dup_email = row_int(row, "dup_email_count");
	if (sr->no_email || sr->dup_email)
		snprintf(s->warning, sizeof s->warning, "There are irregularities with email addresses on the PBX");
	const char *version = row_str(row, "version"), *available = row_str(row, "available_version");
	if (*available && strcmp(version, available) != 0)
		snprintf(s->alert, sizeof s->alert, "Software update available");
	return 0;
}

int gateway_onboarding_status(db *d, const char *account_id, struct onboarding_status *out)
{
	memset(out, 0, sizeof *out);
	out->step = STEP_NONE;
	struct status_row sr = {out, 0, 0};
	int rc = db_one(d, status_from_row, &sr,
		"SELECT o.step, o.last_error, COALESCE(o.pbx_link_id, 0) AS pbx_link_id, g.id AS gateway_id,"
		" g.last_seen_at AS last_seen, COALESCE(g.last_seen_at > UTC_TIMESTAMP() - INTERVAL ? SECOND, 0) AS online,"
		" COALESCE(g.version, '') AS version, COALESCE(g.available_version, '') AS available_version,"
		" COALESCE(l.failing, 0) AS failing, COALESCE(l.last_error, '') AS link_error,"
		" COALESCE(l.no_email_count, 0) AS no_email_count, COALESCE(l.dup_email_count, 0) AS dup_email_count"
		" FROM gateway_onboarding o LEFT JOIN gateways g ON g.account_id = o.account_id"
		" LEFT JOIN pbx_links l ON l.id = o.pbx_link_id AND l.account_id = o.account_id WHERE o.account_id = ?",
		"is", (long long)offline_seconds(), account_id);
	return rc < 0 ? -1 : 0;
}

int gateway_integration_remove(db *d, const struct actor *who, const char *account_id)
{
	json_t *details = json_object();
	audit_change(details, "pbx_type", "set", "");
	int ok = gateway_command_queue(d, who, account_id, "factory_reset", NULL) >= 0 &&
		 db_exec(d, "UPDATE users SET pbx_user = 0, updated_at = UTC_TIMESTAMP(), updated_by_name = 'System'"
			    " WHERE account_id = ? AND id IN (SELECT p.user_id FROM pbx_users p"
			    " JOIN pbx_links l ON l.id = p.link_id WHERE l.account_id = ?)", "ss", account_id, account_id) >= 0 &&
		 db_exec(d, "DELETE FROM pbx_links WHERE account_id = ?", "s", account_id) >= 0 &&
		 db_exec(d, "DELETE FROM gateway_onboarding WHERE account_id = ?", "s", account_id) >= 0 &&
		 db_exec(d, "DELETE FROM gateway_claims WHERE account_id = ? AND used_at IS NULL", "s", account_id) >= 0 &&
		 db_exec(d, "UPDATE accounts SET pbx_type = '', updated_at = UTC_TIMESTAMP() WHERE id = ?", "s", account_id) >= 0 &&
		 audit_event(d, account_id, who, "integration.remove", "Account", account_id, "CloudLink Gateway", details) == 0;
	json_decref(details);
	return ok ? 0 : -1;
}

int gateway_integration_add(db *d, const struct actor *who, const char *account_id)
{
	long long added = db_exec(d, "INSERT IGNORE INTO gateway_onboarding (account_id, step, created_at, updated_at)"
				     " VALUES (?, 'no_gateway', UTC_TIMESTAMP(), UTC_TIMESTAMP())", "s", account_id);
	if (added <= 0)
		return added < 0 ? -1 : 0;
	json_t *details = json_object();
	audit_change(details, "integrations.gateway", "", "added");
	int ok = audit_event(d, account_id, who, "integration.add", "Account", account_id, "CloudLink Gateway", details) == 0;
	json_decref(details);
	return ok ? 1 : -1;
}

int gateway_claim_pending(db *d, const char *account_id, char expires[20])
{
	expires[0] = 0;
	return db_str(d, expires, 20,
		      "SELECT DATE_FORMAT(MAX(expires_at), '%Y-%m-%d %H:%i') FROM gateway_claims WHERE account_id = ?"
		      " AND used_at IS NULL AND expires_at > UTC_TIMESTAMP() HAVING COUNT(*) > 0", "s", account_id);
}

static void site_text_copy(json_t *o, const char *key, char *out, size_t size)
{
	snprintf(out, size, "%s", json_string_value(json_object_get(o, key)) ? json_string_value(json_object_get(o, key)) : "");
}

struct site_texts {
	char *site, *eth;
};

static int site_from_row(void *ctx, const struct db_row *row)
{
	struct site_texts *t = ctx;
	t->site = row_null(row, "site") ? NULL : strdup(row_str(row, "site"));
	t->eth = row_null(row, "eth") ? NULL : strdup(row_str(row, "eth"));
	return 0;
}

int gateway_site_load(db *d, const char *account_id, struct gateway_saved_site *out)
{
	memset(out, 0, sizeof *out);
	out->dhcp = 1;
	struct site_texts t = {NULL, NULL};
	int rc = db_one(d, site_from_row, &t, "SELECT site, eth FROM gateway_onboarding WHERE account_id = ?", "s", account_id);
	json_t *site = t.site ? json_loads(t.site, 0, NULL) : NULL;
	json_t *eth = t.eth ? json_loads(t.eth, 0, NULL) : NULL;
	free(t.site);
	free(t.eth);
	if (rc == 1 && json_is_object(site)) {
		site_text_copy(site, "siteName", out->site_name, sizeof out->site_name);
		site_text_copy(site, "address", out->address, sizeof out->address);
		site_text_copy(site, "city", out->city, sizeof out->city);
		site_text_copy(site, "country", out->country, sizeof out->country);
		site_text_copy(site, "province", out->province, sizeof out->province);
		site_text_copy(site, "postalCode", out->postal_code, sizeof out->postal_code);
	}
	if (rc == 1 && json_is_object(eth) && json_string_value(json_object_get(eth, "mode")) &&
	    strcmp(json_string_value(json_object_get(eth, "mode")), "static") == 0) {
		out->dhcp = 0;
		site_text_copy(eth, "ipAddress", out->ip_address, sizeof out->ip_address);
		site_text_copy(eth, "subnetMask", out->subnet_mask, sizeof out->subnet_mask);
		site_text_copy(eth, "defaultGateway", out->default_gateway, sizeof out->default_gateway);
		size_t i;
		json_t *v;
		json_array_foreach(json_object_get(eth, "dns"), i, v)
			if (out->n_dns < 3 && json_is_string(v))
				snprintf(out->dns[out->n_dns++], sizeof out->dns[0], "%s", json_string_value(v));
	}
	int saved = rc == 1 && json_is_object(site);
	json_decref(site);
	json_decref(eth);
	return rc < 0 ? -1 : saved;
}

struct commands_call {
	int (*fn)(void *ctx, const struct gateway_command_row *c);
	void *ctx;
};

static int command_row_from(void *ctx, const struct db_row *row)
{
	struct commands_call *c = ctx;
	struct gateway_command_row g = {row_int(row, "id"), row_str(row, "kind"), row_str(row, "state"),
					row_str(row, "result"), row_str(row, "created_by_name"), row_str(row, "created")};
	return c->fn(c->ctx, &g);
}

int gateway_commands_each(db *d, const char *account_id, int limit,
			  int (*fn)(void *ctx, const struct gateway_command_row *c), void *ctx)
{
	struct commands_call c = {fn, ctx};
	return db_each(d, command_row_from, &c,
		       "SELECT id, kind, state, result, created_by_name, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS created"
		       " FROM gateway_commands WHERE account_id = ? ORDER BY id DESC LIMIT ?", "si", account_id,
		       (long long)limit);
}

/* ---- the status line ---- */

static const char *const step_lang_keys[] = {
	[STEP_NO_GATEWAY] = "pbx.steps.no_gateway", [STEP_CONFIGURE_GATEWAY] = "pbx.steps.configure_gateway",
	[STEP_ADD_PBX] = "pbx.steps.add_pbx", [STEP_SYNC_PBX] = "pbx.steps.sync_pbx",
	[STEP_CONNECT_PBX] = "pbx.steps.connect_pbx", [STEP_DEPLOYMENT] = "pbx.steps.deployment",
	[STEP_COMPLETE] = "pbx.steps.complete",
};
/* Where each step is done in the wizard. */
static const char *const step_tabs[] = {
	[STEP_NO_GATEWAY] = "site", [STEP_CONFIGURE_GATEWAY] = "site", [STEP_ADD_PBX] = "pbx", [STEP_SYNC_PBX] = "pbx",
	[STEP_CONNECT_PBX] = "connect", [STEP_DEPLOYMENT] = "deployment", [STEP_COMPLETE] = "overview",
};

void gateway_status_compose(const struct gateway_facts *f, struct gateway_status_line *out)
{
	memset(out, 0, sizeof *out);
	out->step = f->step;
	out->level = "";
	if (f->step < 0 || f->step >= STEP_COUNT)
		return;
	out->text_key = step_lang_keys[f->step];
	out->tab = step_tabs[f->step];
	const char *problem = NULL;
	if (f->has_gateway && f->seen && !f->online) {
		out->text_key = "gateway.status.unreachable";
		problem = "Gateway unreachable";
		snprintf(out->since, sizeof out->since, "%s", f->last_seen ? f->last_seen : "");
		out->tab = "advanced";
	} else if (f->link_failing) {
		out->text_key = "gateway.status.pbx_failing";
		problem = "PBX sync failing";
		snprintf(out->detail, sizeof out->detail, "%s", f->link_error ? f->link_error : "");
		snprintf(out->detail_key, sizeof out->detail_key, "%s", f->link_error_key ? f->link_error_key : "");
		snprintf(out->detail_args, sizeof out->detail_args, "%s", f->link_error_args ? f->link_error_args : "");
		out->tab = "connect";
	} else if (f->onboarding_error && *f->onboarding_error) {
		out->text_key = "gateway.status.error";
		problem = "Onboarding error";
		snprintf(out->detail, sizeof out->detail, "%s", f->onboarding_error);
	}
	if (f->no_email > 0 || f->dup_email > 0)
		out->warning_key = "gateway.status.email_irregular";
	if (f->available_version && *f->available_version && f->version && strcmp(f->version, f->available_version) != 0)
		out->alert_key = "gateway.status.update_available";
	out->level = problem ? "error" : f->step != STEP_COMPLETE ? "incomplete" : out->warning_key ? "warn" : "ok";
	const char *text = problem ? problem : onboarding_step_text(f->step);
	if (out->since[0])
		snprintf(out->text, sizeof out->text, "%s (no report since %s UTC)", text, out->since);
	else if (out->detail[0])
		snprintf(out->text, sizeof out->text, "%s: %s", text, out->detail);
	else
		snprintf(out->text, sizeof out->text, "%s", text);
}

#define FACTS_COLUMNS \
	" o.step, COALESCE(o.last_error, '') AS onboarding_error, g.id IS NOT NULL AS has_gateway," \
	" COALESCE(g.last_seen_at IS NOT NULL, 0) AS seen," \
	" COALESCE(g.last_seen_at > UTC_TIMESTAMP() - INTERVAL ? SECOND, 0) AS online," \
	" COALESCE(DATE_FORMAT(g.last_seen_at, '%Y-%m-%d %H:%i:%s'), '') AS last_seen," \
	" COALESCE(g.version, '') AS version, COALESCE(g.available_version, '') AS available_version," \
	" COALESCE(l.failing, 0) AS link_failing, COALESCE(l.last_error, '') AS link_error," \
	" COALESCE(l.last_error_key, '') AS link_error_key, COALESCE(l.last_error_args, '') AS link_error_args," \
	" COALESCE(l.no_email_count, 0) AS no_email, COALESCE(l.dup_email_count, 0) AS dup_email"
#define FACTS_JOINS(account) \
	" LEFT JOIN gateways g ON g.account_id = " account \
	" LEFT JOIN pbx_links l ON l.id = o.pbx_link_id AND l.account_id = " account

/* The row's facts; its strings live as long as the row. */
static void facts_from_row(const struct db_row *row, struct gateway_facts *f)
{
	f->step = row_null(row, "step") ? STEP_NONE : (enum onboarding_step)onboarding_step_from_key(row_str(row, "step"));
	f->has_gateway = (int)row_int(row, "has_gateway");
	f->seen = (int)row_int(row, "seen");
	f->online = (int)row_int(row, "online");
	f->last_seen = row_str(row, "last_seen");
	f->link_failing = (int)row_int(row, "link_failing");
	f->link_error = row_str(row, "link_error");
	f->link_error_key = row_str(row, "link_error_key");
	f->link_error_args = row_str(row, "link_error_args");
	f->onboarding_error = row_str(row, "onboarding_error");
	f->no_email = row_int(row, "no_email");
	f->dup_email = row_int(row, "dup_email");
	f->version = row_str(row, "version");
	f->available_version = row_str(row, "available_version");
}

static int line_from_row(void *ctx, const struct db_row *row)
{
	struct gateway_facts f;
	facts_from_row(row, &f);
	gateway_status_compose(&f, ctx);
	return 0;
}

void gateway_status_text(HDF *lang, const char *language, const struct gateway_status_line *l, char *out, size_t size)
{
	const char *text = l->text_key ? hdf_get_value(lang, l->text_key, l->text_key) : "";
	char since[64], detail[640];
	lang_format_datetime(language, l->since, since, sizeof since);
	stored_message_words(lang, "pbx.errors", l->detail_key, l->detail_args, l->detail, detail, sizeof detail);
	if (l->since[0])
		snprintf(out, size, "%s (%s %s UTC)", text, hdf_get_value(lang, "gateway.status.since", "since"), since);
	else if (detail[0])
		snprintf(out, size, "%s: %s", text, detail);
	else
		snprintf(out, size, "%s", text);
}

int gateway_status_line(db *d, const char *account_id, struct gateway_status_line *out)
{
	memset(out, 0, sizeof *out);
	out->step = STEP_NONE;
	out->level = "";
	int rc = db_one(d, line_from_row, out,
			"SELECT" FACTS_COLUMNS " FROM gateway_onboarding o" FACTS_JOINS("o.account_id") " WHERE o.account_id = ?",
			"is", (long long)offline_seconds(), account_id);
	return rc < 0 ? -1 : rc == 1 && out->step != STEP_NONE;
}

/* ---- the partner dashboard ---- */

/* Each filter's condition, taking one parameter (the offline seconds, or
 * a placeholder) so that every statement has the same parameters. */
static const char *const portal_filters[] = {
	[PORTAL_ALL] = " AND ? > 0",
	[PORTAL_COMPLETE] = " AND o.step = 'complete' AND ? > 0",
	[PORTAL_IN_PROGRESS] = " AND o.step <> 'complete' AND ? > 0",
	[PORTAL_ATTENTION] = " AND ((g.last_seen_at IS NOT NULL AND g.last_seen_at <= UTC_TIMESTAMP() - INTERVAL ? SECOND)"
			     " OR l.failing = 1 OR o.last_error <> '')",
	[PORTAL_NOT_STARTED] = " AND o.account_id IS NULL AND ? > 0",
};

struct portal_call {
	int (*fn)(void *ctx, const struct gateway_portal_row *row);
	void *ctx;
};

static int portal_row_from(void *ctx, const struct db_row *row)
{
	struct portal_call *c = ctx;
	struct gateway_portal_row p = {row_str(row, "id"), row_str(row, "name"), row_int(row, "registered"), {0}};
	facts_from_row(row, &p.facts);
	return c->fn(c->ctx, &p);
}

/* text as a LIKE pattern matching what starts with it. */
static void like_start(const char *text, char *out, size_t n)
{
	size_t k = 0;
	for (const char *p = text; *p && k + 3 < n; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			out[k++] = '\\';
		out[k++] = *p;
	}
	out[k++] = '%';
	out[k] = 0;
}

int gateway_portal_each(db *d, const struct gateway_portal_query *q,
			int (*fn)(void *ctx, const struct gateway_portal_row *row), void *ctx)
{
	/* The accounts by name within the partner (ix_accounts_list_name), a
	 * name prefix as a range of it; each account's onboarding, gateway and
	 * link by their keys. STRAIGHT_JOIN keeps that order: the walk stops at
	 * the page whatever the filter, where the optimizer would rather start
	 * from every partner's onboardings of a step and sort them. An account
	 * manager's accounts as the Accounts list takes them (lib/accounts.c). */
	static const char base[] =
		"SELECT STRAIGHT_JOIN a.id, a.name,"
		" (SELECT COALESCE(SUM(n.registered), 0) FROM account_user_counts n WHERE n.account_id = a.id) AS registered,"
		FACTS_COLUMNS " FROM accounts a"
		" LEFT JOIN gateway_onboarding o ON o.account_id = a.id" FACTS_JOINS("a.id")
		" WHERE a.partner_id = ? AND a.kind = 'customer' AND a.status = 'active' AND a.name LIKE ?";
	const char *scope = q->manager_id ? " AND a.id IN (SELECT account_id FROM account_manager_accounts WHERE user_id = ?)"
					  : " AND ? > 0";
	unsigned f = (unsigned)q->filter < sizeof portal_filters / sizeof portal_filters[0] ? (unsigned)q->filter : 0;
	char sql[2048], pattern[1024];
	snprintf(sql, sizeof sql, "%s%s%s ORDER BY a.name, a.id LIMIT ? OFFSET ?", base, scope, portal_filters[f]);
	like_start(q->search ? q->search : "", pattern, sizeof pattern);
	struct portal_call c = {fn, ctx};
	long long offline = offline_seconds();
	return db_each(d, portal_row_from, &c, sql, "issiiii", offline, q->partner_id, pattern,
		       q->manager_id ? q->manager_id : 1LL, offline, (long long)q->limit, (long long)q->offset);
}

/* ---- removing the integration ---- */

int gateway_removal_pending(db *d, const char *account_id, long long *job_id)
{
	*job_id = 0;
	/* Among the jobs running now (ix_jobs_claim), not the account's every job ever. */
	int rc = db_int(d, job_id, "SELECT id FROM jobs FORCE INDEX (ix_jobs_claim) WHERE state IN ('queued', 'running')"
				   " AND account_id = ? AND kind = 'gateway_reset' ORDER BY id DESC LIMIT 1", "s", account_id);
	return rc < 0 ? -1 : rc == 1;
}

long long gateway_removal_start(db *d, const struct actor *who, const char *account_id, const char *return_to)
{
	long long added = 0, running = 0;
	if (db_int(d, &added, "SELECT COUNT(*) FROM gateway_onboarding WHERE account_id = ? FOR UPDATE", "s", account_id) != 1)
		return -1;
	int pending = gateway_removal_pending(d, account_id, &running);
	if (pending < 0)
		return -1;
	if (!added || pending)
		return 0;
	long long id = job_create(d, who, account_id, JOB_GATEWAY_RESET);
	if (id <= 0 ||
	    db_exec(d, "INSERT INTO job_items (job_id, account_id, user_id)"
		       " SELECT ?, account_id, id FROM users WHERE account_id = ? AND pbx_user = 1", "is", id, account_id) < 0 ||
	    job_seal(d, id) != 0 || (return_to && job_return_to(d, id, return_to) != 0) ||
	    db_exec(d, "UPDATE pbx_links SET due_at = NULL, sync_requested = 0 WHERE account_id = ?", "s", account_id) < 0)
		return -1;
	return id;
}
