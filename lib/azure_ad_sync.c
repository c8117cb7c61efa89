#include "lib/azure_ad_sync.h"
#include "lib/credentials.h"
#include "lib/integrations.h"

#include <stdio.h>
#include <string.h>

static int setup_row(void *ctx, const struct db_row *row)
{
	struct azure_ad_sync *s = ctx;
	row_copy(row, "generated_at", s->generated_at, sizeof s->generated_at);
	row_copy(row, "generated_by_name", s->generated_by, sizeof s->generated_by);
	row_copy(row, "last_request", s->last_request, sizeof s->last_request);
	return 0;
}

int azure_ad_sync_find(db *d, const char *account_id, struct azure_ad_sync *out)
{
	memset(out, 0, sizeof *out);
	return db_one(d, setup_row, out,
		      "SELECT DATE_FORMAT(a.generated_at, '%Y-%m-%d %H:%i') AS generated_at, a.generated_by_name,"
		      " DATE_FORMAT(c.last_used_at, '%Y-%m-%d %H:%i') AS last_request"
		      " FROM azure_ad_sync a LEFT JOIN machine_credentials c ON c.id = a.credential_id AND c.revoked_at IS NULL"
		      " WHERE a.account_id = ? AND a.credential_id IS NOT NULL",
		      "s", account_id);
}

/* Revokes the account's live SCIM token, if any. 0 or -1. */
static int revoke(db *d, const char *account_id)
{
	return db_exec(d,
		       "UPDATE machine_credentials c JOIN azure_ad_sync a ON a.credential_id = c.id"
		       " SET c.revoked_at = UTC_TIMESTAMP() WHERE a.account_id = ? AND c.revoked_at IS NULL",
		       "s", account_id) < 0 ? -1 : 0;
}

int azure_ad_sync_generate(db *d, const char *account_id, const struct actor *by, char token[TOKEN_HEX])
{
	char partner[UUID_LEN] = "";
	if (db_str(d, partner, sizeof partner, "SELECT partner_id FROM accounts WHERE id = ? AND kind = 'customer' FOR UPDATE",
		   "s", account_id) != 1 || revoke(d, account_id) != 0)
		return -1;
	long long id = credential_issue(d, CRED_SCIM, partner, account_id, 0, "Azure AD Sync", by->name, 0, token);
	if (id < 0 ||
	    db_exec(d,
		    "INSERT INTO azure_ad_sync (account_id, credential_id, generated_at, generated_by_name, created_at)"
		    " VALUES (?, ?, UTC_TIMESTAMP(), ?, UTC_TIMESTAMP())"
		    " ON DUPLICATE KEY UPDATE credential_id = VALUES(credential_id), generated_at = VALUES(generated_at),"
		    " generated_by_name = VALUES(generated_by_name)",
		    "sis", account_id, id, by->name) < 0)
		return -1;
	json_t *details = json_pack("{s:s}", "integration", "azure-ad-sync");
	int rc = !details || integration_set_up(d, by, account_id, integration_kind("azure_ad_sync"), details) != 0
		? -1 : audit_event(d, account_id, by, "integration.generate_keys", "account", account_id, "Azure AD Sync", details);
	json_decref(details);
	return rc;
}

int azure_ad_sync_remove(db *d, const char *account_id)
{
	if (revoke(d, account_id) != 0)
		return -1;
	long long n = db_exec(d, "DELETE FROM azure_ad_sync WHERE account_id = ?", "s", account_id);
	return n < 0 ? -1 : n > 0;
}

/* ---- activity ---- */

/* One more of the hour's count of column (a name given here, never input). */
#define ONE_MORE_THIS_HOUR(column) \
	"INSERT INTO scim_activity (account_id, hour, " column ") VALUES (?, DATE_FORMAT(UTC_TIMESTAMP()," \
	" '%Y-%m-%d %H:00:00'), 1) ON DUPLICATE KEY UPDATE " column " = " column " + 1"

int scim_activity_count(db *d, const char *account_id, enum scim_change change)
{
	const char *sql;
	switch (change) {
	case SCIM_CREATED:
	case SCIM_ADOPTED:
		sql = ONE_MORE_THIS_HOUR("created");
		break;
	case SCIM_UPDATED:
		sql = ONE_MORE_THIS_HOUR("updated");
		break;
	case SCIM_DEACTIVATED:
		sql = ONE_MORE_THIS_HOUR("deactivated");
		break;
	case SCIM_DELETED:
		sql = ONE_MORE_THIS_HOUR("deleted");
		break;
	default:
		return 0;
	}
	return db_exec(d, sql, "s", account_id) < 0 ? -1 : 0;
}

int scim_activity_failure(db *d, const char *account_id, const char *method, const char *path, int status,
			  const char *scim_type, const char *detail)
{
	if (db_exec(d, ONE_MORE_THIS_HOUR("failed"), "s", account_id) < 0 ||
	    db_exec(d,
		    "INSERT INTO scim_errors (account_id, at, method, path, status, scim_type, detail)"
		    " VALUES (?, UTC_TIMESTAMP(), ?, LEFT(?, 255), ?, ?, LEFT(?, 512))",
		    "sssiss", account_id, method, path, (long long)status, scim_type, detail) != 1)
		return -1;
	/* only the latest are kept: drop what fell off the end */
	long long oldest = 0;
	if (db_int(d, &oldest,
		   "SELECT id FROM scim_errors WHERE account_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?", "si", account_id,
		   (long long)SCIM_ERRORS_KEPT) == 1 &&
	    db_exec(d, "DELETE FROM scim_errors WHERE account_id = ? AND id <= ?", "si", account_id, oldest) < 0)
		return -1;
	return 0;
}

static int activity_row(void *ctx, const struct db_row *row)
{
	struct scim_activity *a = ctx;
	a->created = row_int(row, "created");
	a->updated = row_int(row, "updated");
	a->deactivated = row_int(row, "deactivated");
	a->deleted = row_int(row, "deleted");
	a->failed = row_int(row, "failed");
	return 0;
}

int scim_activity_read(db *d, const char *account_id, struct scim_activity *out)
{
	memset(out, 0, sizeof *out);
	return db_one(d, activity_row, out,
		      "SELECT COALESCE(SUM(created), 0) AS created, COALESCE(SUM(updated), 0) AS updated,"
		      " COALESCE(SUM(deactivated), 0) AS deactivated, COALESCE(SUM(deleted), 0) AS deleted,"
		      " COALESCE(SUM(failed), 0) AS failed FROM scim_activity"
		      " WHERE account_id = ? AND hour > UTC_TIMESTAMP() - INTERVAL 24 HOUR",
		      "s", account_id) < 0 ? -1 : 0;
}

struct each_error {
	scim_error_fn fn;
	void *ctx;
};

static int error_row(void *ctx, const struct db_row *row)
{
	struct each_error *e = ctx;
	struct scim_error_row r = {
		.at = row_str(row, "at"),
		.method = row_str(row, "method"),
		.path = row_str(row, "path"),
		.scim_type = row_str(row, "scim_type"),
		.detail = row_str(row, "detail"),
		.status = (int)row_int(row, "status"),
	};
	return e->fn(e->ctx, &r);
}

int scim_errors_each(db *d, const char *account_id, scim_error_fn fn, void *ctx)
{
	struct each_error e = {fn, ctx};
	return db_each(d, error_row, &e,
		       "SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s') AS at, method, path, status, scim_type, detail"
		       " FROM scim_errors WHERE account_id = ? ORDER BY id DESC LIMIT ?",
		       "si", account_id, (long long)SCIM_ERRORS_KEPT);
}
