/* Account Information (guide §2.3): the customer information of one
 * account, editable by its partner and its Account Admins, with the Account
 * ID, Cloud location, SAP Customer Number and PBX Type shown read-only. */
#include "cgi-bin/core/request.h"
#include "lib/core/db_hdf.h"
#include "cgi-bin/accounts/account_form.h"

#include <string.h>

/* The account as stored, under prefix; 1 found, 0 gone, -1 error. */
#define ACCOUNT_COLUMNS \
	"SELECT id, kind, name, country, province, address, city, postal_code, default_language, business_type," \
	" sap_customer_number, pbx_type," \
	" (SELECT COALESCE(GROUP_CONCAT(email ORDER BY position SEPARATOR ', '), '')" \
	"  FROM account_support_contacts WHERE account_id = accounts.id) AS contacts" \
	" FROM accounts WHERE id = ?"

static int prepare(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "account.info_title"));
	int found = db_row(r->db, r->hdf, "Info", ACCOUNT_COLUMNS, "s", r->acct.id);
	if (found != 1)
		return found < 0 ? SERVER_ERROR : NOT_FOUND;
	account_form_labels(r, "Info");
	account_form_options(r);
	return DONE;
}

int account_info_get(struct req *r)
{
	int rc = prepare(r);
	if (rc != DONE)
		return rc;
	hdf_copy(r->hdf, "Form.Values", hdf_get_obj(r->hdf, "Info"));
	return DONE;
}

/* The changed properties, before and after; NULL on a failure to allocate. */
static json_t *changes(struct req *r, const struct account_form *a)
{
	json_t *c = json_object();
	if (!c)
		return NULL;
	static const char *const fields[] = {"name", "country", "province", "address", "city", "postal_code",
					     "default_language", "business_type"};
	const char *after[] = {a->f.name, a->f.country, a->f.province, a->f.address, a->f.city, a->f.postal_code,
			       a->f.default_language, a->f.business_type};
	char key[64];
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		snprintf(key, sizeof key, "Before.%s", fields[i]);
		audit_change(c, fields[i], hdf_get_value(r->hdf, key, ""), after[i]);
	}
	audit_change(c, "support_contacts", hdf_get_value(r->hdf, "Before.contacts", ""), a->contacts_text);
	return c;
}

/* Inside the transaction: the update and its one event, when anything changed. */
static int save(struct req *r, struct account_form *a)
{
	/* The before values, locked, so the event records exactly what this save replaced. */
	if (db_row(r->db, r->hdf, "Before", ACCOUNT_COLUMNS " FOR UPDATE", "s", r->acct.id) != 1)
		return -1;
	json_t *c = changes(r, a);
	if (!c)
		return -1;
	int rc = 0;
	if (json_object_size(c) > 0) {
		struct actor me = me_actor(r);
		if (db_exec(r->db,
			    "UPDATE accounts SET name = ?, country = ?, province = ?, address = ?, city = ?,"
			    " postal_code = ?, default_language = ?, business_type = ?, updated_at = UTC_TIMESTAMP()"
			    " WHERE id = ?",
			    "sssssssss", a->f.name, a->f.country, a->f.province, a->f.address, a->f.city,
			    a->f.postal_code, a->f.default_language, a->f.business_type, r->acct.id) < 0 ||
		    (json_object_get(c, "support_contacts") &&
		     account_set_contacts(r->db, r->acct.id, a->contacts, a->n_contacts) != 0) ||
		    audit_event(r->db, r->acct.id, &me, "account.update", "account", r->acct.id, a->f.name, c) != 0)
			rc = -1;
	}
	json_decref(c);
	return rc;
}

int account_info_post(struct req *r)
{
	int rc = prepare(r);
	if (rc != DONE)
		return rc;
	struct account_form a;
	if (!account_form_read(r, &a)) {
		r->status = 422;
		return DONE;
	}
	if (db_begin(r->db) != 0)
		return SERVER_ERROR;
	if (save(r, &a) != 0 || db_commit(r->db) != 0) {
		db_rollback(r->db);
		return SERVER_ERROR;
	}
	flash(r, "flash.account_saved");
	redirect(r, "/a/%s/info", r->acct.id);
	return DONE;
}
