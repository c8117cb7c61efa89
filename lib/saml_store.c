/* Single sign-on's data (lib/saml_store.h). Times go to and from the
 * database as UTC text, like every UTC_TIMESTAMP() of the schema. */
#include "lib/saml_store.h"
#include "lib/audit.h"
#include "lib/core/validate.h"
#include "lib/lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void utc_text(time_t t, char out[20])
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

static time_t utc_parse(const char *text)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	return text && strptime(text, "%Y-%m-%d %H:%M:%S", &tm) ? timegm(&tm) : 0;
}

/* ---- a customer account's identity provider ---- */

static int config_from_row(void *ctx, const struct db_row *row)
{
	struct sso_config *c = ctx;
	row_copy(row, "account_id", c->account_id, sizeof c->account_id);
	row_copy(row, "idp_name", c->idp_name, sizeof c->idp_name);
	row_copy(row, "idp_entity_id", c->idp_entity_id, sizeof c->idp_entity_id);
	row_copy(row, "sign_in_url", c->sign_in_url, sizeof c->sign_in_url);
	row_copy(row, "certificates", c->certificates, sizeof c->certificates);
	c->cert_expires_at = utc_parse(row_str(row, "expires"));
	c->mitel_credentials = (int)row_int(row, "mitel_credentials");
	row_copy(row, "updated", c->updated, sizeof c->updated);
	row_copy(row, "updated_by_name", c->updated_by_name, sizeof c->updated_by_name);
	return 0;
}

int sso_config_load(db *d, const char *account_id, struct sso_config *out)
{
	memset(out, 0, sizeof *out);
	return db_one(d, config_from_row, out,
		"SELECT account_id, idp_name, idp_entity_id, sign_in_url, certificates, mitel_credentials,"
		" DATE_FORMAT(cert_expires_at, '%Y-%m-%d %H:%i:%s') AS expires,"
		" DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i') AS updated, updated_by_name"
		" FROM sso_configs WHERE account_id = ?",
		"s", account_id);
}

/* The certificates as the history shows them: their fingerprints. */
static void fingerprints(const char *pem, char *out, size_t size)
{
	struct saml_cert_info info[SAML_CERTS_MAX];
	int n = 0;
	out[0] = 0;
	/* Described as they are, expired or not (time 0). */
	saml_certs_check(pem, 0, info, SAML_CERTS_MAX, &n, NULL);
	for (int i = 0; i < n; i++) {
		size_t have = strlen(out);
		snprintf(out + have, size - have, "%s%s", i ? ", " : "", info[i].sha256);
	}
}

int sso_config_save(db *d, const char *account_id, const struct sso_config_fields *f, json_t *changes)
{
	struct sso_config *old = malloc(sizeof *old);
	if (!old)
		return -1;
	int found = sso_config_load(d, account_id, old);
	if (found < 0) {
		free(old);
		return -1;
	}
	char expires[20];
	utc_text(f->cert_expires_at, expires);
	long long rc = db_exec(d,
		"INSERT INTO sso_configs (account_id, idp_name, idp_entity_id, sign_in_url, certificates, cert_expires_at,"
		" mitel_credentials, created_at, updated_at, updated_by_name)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(), ?)"
		" ON DUPLICATE KEY UPDATE idp_name = VALUES(idp_name), idp_entity_id = VALUES(idp_entity_id),"
		" sign_in_url = VALUES(sign_in_url), certificates = VALUES(certificates),"
		" cert_expires_at = VALUES(cert_expires_at), mitel_credentials = VALUES(mitel_credentials),"
		" updated_at = UTC_TIMESTAMP(), updated_by_name = VALUES(updated_by_name)",
		"ssssssis", account_id, f->idp_name, f->idp_entity_id, f->sign_in_url, f->certificates, expires,
		(long long)(f->mitel_credentials != 0), f->by_name ? f->by_name : "System");
	if (rc < 0) {
		free(old);
		return -1;
	}
	if (changes) {
		audit_change(changes, "idp_name", found ? old->idp_name : "", f->idp_name);
		audit_change(changes, "idp_entity_id", found ? old->idp_entity_id : "", f->idp_entity_id);
		audit_change(changes, "sign_in_url", found ? old->sign_in_url : "", f->sign_in_url);
		audit_change(changes, "mitel_credentials", found && old->mitel_credentials ? "on" : "off",
			     f->mitel_credentials ? "on" : "off");
		char before[SAML_CERTS_MAX * 100] = "", after[SAML_CERTS_MAX * 100];
		if (found)
			fingerprints(old->certificates, before, sizeof before);
		fingerprints(f->certificates, after, sizeof after);
		audit_change(changes, "certificates", before, after);
	}
	free(old);
	return found ? 0 : 1;
}

int sso_config_remove(db *d, const char *account_id)
{
	long long n = db_exec(d, "DELETE FROM sso_configs WHERE account_id = ?", "s", account_id);
	return n < 0 ? -1 : n > 0;
}

/* ---- the status line ---- */

void sso_status_of(const struct sso_config *c, time_t now, struct sso_status *out)
{
	memset(out, 0, sizeof *out);
	if (!c) {
		out->level = "incomplete";
		out->text_key = "sso.status.incomplete";
		return;
	}
	struct tm tm;
	gmtime_r(&c->cert_expires_at, &tm);
	strftime(out->date, sizeof out->date, "%Y-%m-%d", &tm);
	double left = difftime(c->cert_expires_at, now);
	if (left <= 0) {
		out->level = "error";
		out->text_key = "sso.status.expired";
		return;
	}
	out->days = (long)((left + 86399) / 86400);
	if (left < SSO_EXPIRY_WARNING_DAYS * 86400.0) {
		out->level = "warn";
		out->text_key = out->days == 1 ? "sso.status.expiring_one" : "sso.status.expiring";
	} else {
		out->level = "ok";
		out->text_key = "sso.status.ok";
	}
}

static int expiry_from_row(void *ctx, const struct db_row *row)
{
	((struct sso_config *)ctx)->cert_expires_at = utc_parse(row_str(row, "expires"));
	return 0;
}

int sso_status_line(db *d, const char *account_id, time_t now, struct sso_status *out)
{
	struct sso_config c;
	memset(&c, 0, sizeof c);
	int found = db_one(d, expiry_from_row, &c,
		"SELECT DATE_FORMAT(cert_expires_at, '%Y-%m-%d %H:%i:%s') AS expires FROM sso_configs WHERE account_id = ?",
		"s", account_id);
	if (found < 0)
		return -1;
	sso_status_of(found ? &c : NULL, now, out);
	return 0;
}

/* text with every "{name}" replaced by value, into out. */
static void fill(const char *text, const char *name, const char *value, char *out, size_t size)
{
	size_t k = 0, nl = strlen(name);
	for (const char *p = text; *p && k + 1 < size;) {
		if (strncmp(p, name, nl) == 0) {
			for (const char *v = value; *v && k + 1 < size; v++)
				out[k++] = *v;
			p += nl;
		} else {
			out[k++] = *p++;
		}
	}
	out[k] = 0;
}

void sso_status_text(HDF *lang, const char *language, const struct sso_status *s, char *out, size_t size)
{
	const char *text = lang ? hdf_get_value(lang, s->text_key, NULL) : NULL;
	char days[24], once[1024], date[64];
	snprintf(days, sizeof days, "%ld", s->days);
	lang_format_datetime(language, s->date, date, sizeof date);
	fill(text ? text : s->text_key, "{n}", days, once, sizeof once);
	fill(once, "{date}", date, out, size);
}

/* ---- who signs in, and how ---- */

enum sso_way sso_way_of(int has_sso, int mitel_credentials, const char *role)
{
	if (!has_sso)
		return SSO_WAY_PASSWORD;
	if (mitel_credentials || strcmp(role, "account_admin") == 0)
		return SSO_WAY_CHOICE;
	return SSO_WAY_IDP;
}

struct candidates {
	struct sso_candidate *out;
	int n, max;
};

static int candidate_from_row(void *ctx, const struct db_row *row)
{
	struct candidates *c = ctx;
	if (c->n >= c->max)
		return 0;
	struct sso_candidate *k = &c->out[c->n++];
	memset(k, 0, sizeof *k);
	k->user_id = row_int(row, "id");
	row_copy(row, "account_id", k->account_id, sizeof k->account_id);
	row_copy(row, "idp_name", k->idp_name, sizeof k->idp_name);
	k->way = sso_way_of(!row_null(row, "sso_account"), (int)row_int(row, "mitel_credentials"), row_str(row, "role"));
	return 0;
}

#define CANDIDATES_SELECT \
	"SELECT u.id, u.account_id, u.role, c.account_id AS sso_account, c.mitel_credentials, c.idp_name" \
	" FROM users u JOIN accounts a ON a.id = u.account_id LEFT JOIN sso_configs c ON c.account_id = u.account_id" \
	" WHERE u.email = ? AND a.status = 'active'"

int sso_candidates(db *d, const char *email, const char *account_id, struct sso_candidate *out, int max)
{
	struct candidates c = {out, 0, max};
	int rc = account_id
		? db_each(d, candidate_from_row, &c, CANDIDATES_SELECT " AND u.account_id = ? ORDER BY u.id LIMIT 5",
			  "ss", email, account_id)
		: db_each(d, candidate_from_row, &c, CANDIDATES_SELECT " ORDER BY u.id LIMIT 5", "s", email);
	return rc < 0 ? -1 : c.n;
}

int sso_user_of(db *d, const char *account_id, const char *name_id, const char *email, long long *user_id)
{
	const char *tries[2] = {name_id, email};
	for (int i = 0; i < 2; i++) {
		if (!tries[i] || !valid_email(tries[i]))
			continue;
		int found = db_int(d, user_id,
			"SELECT id FROM users WHERE account_id = ? AND email = ? AND active = 1",
			"ss", account_id, tries[i]);
		if (found != 0)
			return found;
	}
	return 0;
}

/* ---- requests sent, assertions taken ---- */

int saml_request_remember(db *d, const char *provider, const char *request_id, int minutes)
{
	char hash[TOKEN_HEX];
	sha256_hex(request_id, hash);
	/* Housekeeping: requests nobody answered in time. */
	db_exec(d, "DELETE FROM saml_requests WHERE expires_at < UTC_TIMESTAMP() LIMIT 50", "");
	return db_exec(d,
		"INSERT INTO saml_requests (id_hash, provider, expires_at) VALUES (?, ?, UTC_TIMESTAMP() + INTERVAL ? MINUTE)",
		"ssi", hash, provider, (long long)minutes) == 1 ? 0 : -1;
}

int saml_request_take(db *d, const char *provider, const char *request_id)
{
	char hash[TOKEN_HEX];
	sha256_hex(request_id, hash);
	/* One statement: of two workers given the same answer, one deletes it. */
	long long n = db_exec(d,
		"DELETE FROM saml_requests WHERE id_hash = ? AND provider = ? AND expires_at > UTC_TIMESTAMP()",
		"ss", hash, provider);
	return n < 0 ? -1 : n > 0;
}

int saml_assertion_first_use(db *d, const char *issuer, const char *assertion_id, time_t expires)
{
	size_t len = strlen(issuer) + strlen(assertion_id) + 2;
	char *key = malloc(len), hash[TOKEN_HEX], until[20];
	if (!key)
		return -1;
	snprintf(key, len, "%s\n%s", issuer, assertion_id);
	sha256_hex(key, hash);
	free(key);
	utc_text(expires, until);
	db_exec(d, "DELETE FROM saml_assertions WHERE expires_at < UTC_TIMESTAMP() LIMIT 50", "");
	/* The primary key decides, whichever worker comes first. */
	if (db_exec(d, "INSERT INTO saml_assertions (id_hash, expires_at) VALUES (?, ?)", "ss", hash, until) == 1)
		return 1;
	return db_errno(d) == 1062 ? 0 : -1;
}
