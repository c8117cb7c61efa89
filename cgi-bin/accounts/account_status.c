/* Deactivate, reactivate and delete a customer account (guide §2.2), each
 * confirmed by typing its word: the route's row names the word, and with it
 * the change. The front line has made sure the account is a customer
 * account (R_CUSTOMER), deactivated for Reactivate and active otherwise
 * (R_DEACTIVATED), and that the word was typed right. Deactivating ends its
 * users' sessions at once; deleting removes the account with its users,
 * sessions and contacts (foreign keys cascade). */
#include "cgi-bin/core/request.h"
#include "cgi-bin/core/routes.h"
#include "lib/accounts.h"
#include "lib/sessions.h"

#include <stdio.h>
#include <string.h>

static const struct change {
	const char *word;                      /* the route's .confirm, also the path's last segment */
	const char *title, *body, *button;     /* lang keys */
	const char *flash;
} changes[] = {
	{"deactivate", "accounts.account_status.deactivate_title", "accounts.account_status.deactivate_body",
	 "accounts.account_status.deactivate", "flash.account_deactivated"},
	{"reactivate", "accounts.account_status.reactivate_title", "accounts.account_status.reactivate_body",
	 "accounts.account_status.reactivate", "flash.account_reactivated"},
	{"delete", "accounts.account_status.delete_title", "accounts.account_status.delete_body",
	 "accounts.account_status.delete", "flash.account_deleted"},
};

static const struct change *change_of(struct req *r)
{
	for (size_t i = 0; i < sizeof changes / sizeof changes[0]; i++)
		if (r->route->confirm && strcmp(r->route->confirm, changes[i].word) == 0)
			return &changes[i];
	return NULL;
}

static int is(const struct change *c, const char *word) { return strcmp(c->word, word) == 0; }

int account_status_get(struct req *r)
{
	const struct change *c = change_of(r);
	if (!c)
		return NOT_FOUND;
	hdf_set_value(r->hdf, "Page.Title", lang(r, c->title));
	hdf_set_value(r->hdf, "Status.Word", c->word);
	hdf_set_value(r->hdf, "Status.Title", lang(r, c->title));
	hdf_set_value(r->hdf, "Status.Body", lang(r, c->body));
	hdf_set_value(r->hdf, "Status.Button", lang(r, c->button));
	char path[128];
	snprintf(path, sizeof path, "/a/%s/%s", r->acct.id, c->word);
	hdf_set_value(r->hdf, "Status.Action", path);
	/* Cancel returns where the person came from: the list of deactivated
	 * accounts, or the account's information. */
	snprintf(path, sizeof path, "/a/%s/info", r->acct.id);
	hdf_set_value(r->hdf, "Status.Cancel", is(c, "reactivate") ? "/accounts?status=deactivated" : path);
	return DONE;
}

/* A change of status and its event: 0 done, 1 the account was no longer
 * in the state to change from, -1 error. */
static int set_status(struct req *r, int active)
{
	int changed = account_set_status(r->db, r->me.partner_id, r->acct.id, active);
	if (changed <= 0)
		return changed < 0 ? -1 : 1;
	json_t *details = json_object();
	audit_change(details, "status", active ? "deactivated" : "active", active ? "active" : "deactivated");
	int rc = event(r, r->acct.id, active ? "account.reactivate" : "account.deactivate", "account", r->acct.id,
		       r->acct.name, details);
	json_decref(details);
	/* Its users are signed out now, not at their next idle timeout. */
	if (rc == 0 && !active)
		rc = sessions_end_account(r->db, r->acct.id);
	return rc == 0 ? 0 : -1;
}

/* Deletion's event goes to the partner's history: the account's own goes with it. */
static int delete_account(struct req *r)
{
	json_t *details = json_pack("{s:s,s:s}", "name", r->acct.name, "kind", "customer");
	int rc = event(r, r->me.partner_id, "account.delete", "account", r->acct.id, r->acct.name, details);
	json_decref(details);
	if (rc != 0)
		return -1;
	int deleted = account_delete(r->db, r->me.partner_id, r->acct.id);
	return deleted < 0 ? -1 : !deleted;
}

static int apply(struct req *r, void *arg)
{
	const struct change *c = arg;
	if (is(c, "delete"))
		return delete_account(r);
	return set_status(r, is(c, "reactivate"));
}

int account_status_post(struct req *r)
{
	const struct change *c = change_of(r);
	if (!c)
		return NOT_FOUND;
	int rc = tx(r, apply, (void *)c);
	if (rc < 0)
		return SERVER_ERROR;
	if (rc > 0) /* someone else changed it meanwhile: show where it stands now */
		return is(c, "delete") ? done(r, NULL, "/accounts") : done(r, NULL, "/a/%s/info", r->acct.id);
	if (is(c, "deactivate"))
		return done(r, c->flash, "/accounts?status=deactivated");
	if (is(c, "reactivate"))
		return done(r, c->flash, "/a/%s/info", r->acct.id);
	return done(r, c->flash, "/accounts");
}
