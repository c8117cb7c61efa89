/* GET /saml2/:acct - our entity id for a customer account serves our
 * metadata (ch3 §6.1, "Download SP metadata"), for any active customer
 * account: its administrator may give it to the identity provider before
 * the dialog is saved. */
#include "cgi-bin/sso/saml_common.h"
#include "lib/accounts.h"

int saml_metadata_get(struct req *r)
{
	/* Found as if the account asked for itself: no session is in play. */
	struct account_reach itself = {.own_account_id = r->acct.id, .partner_id = ""};
	struct account_ref a;
	int found = account_find_in_reach(r->db, &itself, r->acct.id, &a);
	if (found < 0)
		return SERVER_ERROR;
	if (!found || a.is_partner || !a.active)
		return NOT_FOUND;
	return saml_metadata_reply(r, r->acct.id);
}
