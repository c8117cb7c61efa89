/* Add Account (guide §2.2): a partner creates a customer account with its
 * customer information and support contacts, in one transaction. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/accounts/account_form.h"

int account_new_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "accounts.account_new.title"));
	form_default(r, "default_language", "en");
	account_form_options(r);
	return DONE;
}

struct new_account {
	struct account_form form;
	char id[UUID_LEN];
};

static int create(struct req *r, void *arg)
{
	struct new_account *n = arg;
	struct actor me = me_actor(r);
	if (account_insert(r->db, &me, r->me.partner_id, &n->form.f, n->id) != 0 ||
	    account_set_contacts(r->db, n->id, n->form.contacts, n->form.n_contacts) != 0)
		return -1;
	/* An account manager manages the accounts they create: otherwise the
	 * new account would vanish from their view the moment it exists. */
	return r->me.restricted ? account_assign_manager(r->db, r->me.id, n->id) : 0;
}

int account_new_post(struct req *r)
{
	struct new_account n;
	if (!account_form_read(r, &n.form))
		return invalid(r);
	if (tx(r, create, &n) != 0)
		return SERVER_ERROR;
	return done(r, "flash.account_created", "/a/%s/info", n.id);
}
