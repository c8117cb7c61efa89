/* Account Information (guide §2.3): the customer information of one
 * account, editable by its partner and its Account Admins, with the Account
 * ID, Cloud location, SAP Customer Number and PBX Type shown read-only. */
#include "cgi-bin/core/request.h"
#include "cgi-bin/accounts/account_form.h"
#include "cgi-bin/integrations/panel.h"
#include "cgi-bin/subscriptions/panel.h"

#include <string.h>

int account_info_get(struct req *r)
{
	struct account a;
	int found = account_load(r->db, r->acct.id, 0, &a);
	if (found != 1)
		return found < 0 ? SERVER_ERROR : NOT_FOUND;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "accounts.account_info.title"));
	account_form_publish(r, &a);
	account_form_defaults(r, &a);
	account_form_options(r);
	int rc = integrations_panel_publish(r, "info");
	return rc == DONE && !r->acct.is_partner ? subscriptions_panel_publish(r) : rc;
}

/* The changed properties, before and after; NULL on a failure to allocate. */
static json_t *changes(const struct account *before, const struct account_form *a)
{
	json_t *c = json_object();
	if (!c)
		return NULL;
	audit_change(c, "name", before->name, a->f.name);
	audit_change(c, "country", before->country, a->f.country);
	audit_change(c, "province", before->province, a->f.province);
	audit_change(c, "address", before->address, a->f.address);
	audit_change(c, "city", before->city, a->f.city);
	audit_change(c, "postal_code", before->postal_code, a->f.postal_code);
	audit_change(c, "default_language", before->default_language, a->f.default_language);
	audit_change(c, "business_type", before->business_type, a->f.business_type);
	audit_change(c, "support_contacts", before->contacts, a->contacts_text);
	return c;
}

/* The update and its one event, when anything changed. The before values
 * are read locked, so the event records exactly what this save replaced. */
static int save(struct req *r, void *arg)
{
	struct account_form *a = arg;
	struct account before;
	if (account_load(r->db, r->acct.id, 1, &before) != 1)
		return -1;
	json_t *c = changes(&before, a);
	if (!c)
		return -1;
	int rc = 0;
	if (json_object_size(c) > 0 &&
	    (account_update(r->db, r->acct.id, &a->f) != 0 ||
	     (json_object_get(c, "support_contacts") &&
	      account_set_contacts(r->db, r->acct.id, a->contacts, a->n_contacts) != 0) ||
	     event(r, r->acct.id, "account.update", "account", r->acct.id, a->f.name, c) != 0))
		rc = -1;
	json_decref(c);
	return rc;
}

int account_info_post(struct req *r)
{
	struct account_form a;
	if (!account_form_read(r, &a))
		return invalid(r);
	if (tx(r, save, &a) != 0)
		return SERVER_ERROR;
	return done(r, "flash.account_saved", "/a/%s/info", r->acct.id);
}
