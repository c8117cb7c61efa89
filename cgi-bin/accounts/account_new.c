/* Add Account (guide §2.2): a partner creates a customer account with its
 * customer information and support contacts, in one transaction. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/accounts/account_form.h"

static void prepare(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "account.new_title"));
	account_form_options(r);
}

int account_new_get(struct req *r)
{
	prepare(r);
	hdf_set_value(r->hdf, "Form.Values.default_language", "en");
	return DONE;
}

/* An account manager manages the accounts they create: otherwise the new
 * account would vanish from their view the moment it exists. */
static int assign_to_creator(struct req *r, const char *id)
{
	if (!r->me.restricted)
		return 0;
	return db_exec(r->db, "INSERT INTO account_manager_accounts (user_id, account_id) VALUES (?, ?)", "is",
		       r->me.id, id) == 1 ? 0 : -1;
}

int account_new_post(struct req *r)
{
	struct account_form a;
	prepare(r);
	if (!account_form_read(r, &a)) {
		r->status = 422;
		return DONE;
	}
	struct actor me = me_actor(r);
	char id[UUID_LEN];
	if (db_begin(r->db) != 0)
		return SERVER_ERROR;
	if (account_insert(r->db, &me, r->me.partner_id, &a.f, id) != 0 ||
	    account_set_contacts(r->db, id, a.contacts, a.n_contacts) != 0 || assign_to_creator(r, id) != 0 ||
	    db_commit(r->db) != 0) {
		db_rollback(r->db);
		return SERVER_ERROR;
	}
	flash(r, "flash.account_created");
	redirect(r, "/a/%s/info", id);
	return DONE;
}
