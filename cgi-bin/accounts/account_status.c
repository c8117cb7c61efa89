/* Deactivate, reactivate and delete a customer account (guide §2.2), each
 * confirmed by typing its word. The partner account itself has none of
 * these. Deactivating ends its users' sessions at once; deleting removes
 * the account with its users, sessions and contacts (foreign keys cascade). */
#include "cgi-bin/core/request.h"
#include "cgi-bin/core/routes.h"
#include "cgi-bin/core/session.h"
#include "lib/sessions.h"

#include <stdio.h>
#include <string.h>

enum change { DEACTIVATE, REACTIVATE, DELETE };

static const struct {
	const char *pattern;
	const char *word;         /* typed to confirm; also the path's last segment */
	const char *title, *body, *button;   /* lang keys */
} changes[] = {
	[DEACTIVATE] = {"/a/:acct/deactivate", "deactivate", "account.status.deactivate_title",
			"account.status.deactivate_body", "account.deactivate"},
	[REACTIVATE] = {"/a/:acct/reactivate", "reactivate", "account.status.reactivate_title",
			"account.status.reactivate_body", "account.reactivate"},
	[DELETE] = {"/a/:acct/delete", "delete", "account.status.delete_title", "account.status.delete_body",
		    "account.delete"},
};

/* Which change the route names, and whether it applies to this account:
 * returns DONE to go on, NOT_FOUND, or DONE with a redirect already set. */
static int decide(struct req *r, enum change *c)
{
	if (strcmp(r->route->pattern, changes[REACTIVATE].pattern) == 0)
		*c = REACTIVATE;
	else if (strcmp(r->route->pattern, changes[DELETE].pattern) == 0)
		*c = DELETE;
	else if (strcmp(r->route->pattern, changes[DEACTIVATE].pattern) == 0)
		*c = DEACTIVATE;
	else
		return NOT_FOUND;
	if (r->acct.is_partner)
		return NOT_FOUND;
	/* Deactivate and delete need an active account (a deactivated one must be
	 * reactivated first); reactivate a deactivated one. */
	if (*c == REACTIVATE && r->acct.active)
		redirect(r, "/a/%s/info", r->acct.id);
	else if (*c != REACTIVATE && !r->acct.active)
		redirect(r, "/a/%s/reactivate", r->acct.id);
	return DONE;
}

static void publish(struct req *r, enum change c)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, changes[c].title));
	hdf_set_value(r->hdf, "Status.Word", changes[c].word);
	hdf_set_value(r->hdf, "Status.Title", lang(r, changes[c].title));
	hdf_set_value(r->hdf, "Status.Body", lang(r, changes[c].body));
	hdf_set_value(r->hdf, "Status.Button", lang(r, changes[c].button));
	char path[128];
	snprintf(path, sizeof path, "/a/%s/%s", r->acct.id, changes[c].word);
	hdf_set_value(r->hdf, "Status.Action", path);
	/* Cancel returns where the person came from: the list of deactivated
	 * accounts, or the account's information. */
	snprintf(path, sizeof path, "/a/%s/info", r->acct.id);
	hdf_set_value(r->hdf, "Status.Cancel", c == REACTIVATE ? "/accounts?status=deactivated" : path);
}

int account_status_get(struct req *r)
{
	enum change c;
	int rc = decide(r, &c);
	if (rc != DONE || r->location[0])
		return rc;
	publish(r, c);
	return DONE;
}

/* The status change and its event, in the caller's transaction: 1 done,
 * 0 the account was no longer in the expected state, -1 error. */
static int set_status(struct req *r, const char *from, const char *to, const char *action)
{
	long long n = db_exec(r->db,
		"UPDATE accounts SET status = ?, updated_at = UTC_TIMESTAMP()"
		" WHERE id = ? AND kind = 'customer' AND status = ?",
		"sss", to, r->acct.id, from);
	if (n <= 0)
		return (int)n;
	struct actor me = me_actor(r);
	json_t *details = json_object();
	audit_change(details, "status", from, to);
	int rc = audit_event(r->db, r->acct.id, &me, action, "account", r->acct.id, r->acct.name, details);
	json_decref(details);
	return rc == 0 ? 1 : -1;
}

/* Deletion's event goes to the partner's history: the account's own goes with it. */
static int delete_account(struct req *r)
{
	struct actor me = me_actor(r);
	json_t *details = json_pack("{s:s,s:s}", "name", r->acct.name, "kind", "customer");
	int rc = audit_event(r->db, r->me.partner_id, &me, "account.delete", "account", r->acct.id, r->acct.name,
			     details);
	json_decref(details);
	if (rc != 0)
		return -1;
	long long n = db_exec(r->db, "DELETE FROM accounts WHERE id = ? AND kind = 'customer' AND partner_id = ?",
			      "ss", r->acct.id, r->me.partner_id);
	return n < 0 ? -1 : n > 0;
}

int account_status_post(struct req *r)
{
	enum change c;
	int rc = decide(r, &c);
	if (rc != DONE || r->location[0])
		return rc;
	if (strcmp(form(r, "confirm"), changes[c].word) != 0) {
		field_error(r, "confirm", "errors.typed_word");
		publish(r, c);
		r->status = 422;
		return DONE;
	}
	if (db_begin(r->db) != 0)
		return SERVER_ERROR;
	int done;
	switch (c) {
	case DEACTIVATE:
		done = set_status(r, "active", "deactivated", "account.deactivate");
		/* Its users are signed out now, not at their next idle timeout. */
		if (done == 1 && sessions_end_account(r->db, r->acct.id) != 0)
			done = -1;
		break;
	case REACTIVATE:
		done = set_status(r, "deactivated", "active", "account.reactivate");
		break;
	default:
		done = delete_account(r);
		break;
	}
	if (done < 0 || (done == 1 && db_commit(r->db) != 0)) {
		db_rollback(r->db);
		return SERVER_ERROR;
	}
	if (done == 0) {
		/* Someone else changed it meanwhile: show where it stands now. */
		db_rollback(r->db);
		if (c == DELETE)
			redirect(r, "/accounts");
		else
			redirect(r, "/a/%s/info", r->acct.id);
		return DONE;
	}
	switch (c) {
	case DEACTIVATE:
		flash(r, "flash.account_deactivated");
		redirect(r, "/accounts?status=deactivated");
		break;
	case REACTIVATE:
		flash(r, "flash.account_reactivated");
		redirect(r, "/a/%s/info", r->acct.id);
		break;
	default:
		flash(r, "flash.account_deleted");
		redirect(r, "/accounts");
		break;
	}
	return DONE;
}
