/* GET /saml2/:acct/login - a customer account's users go to its identity
 * provider with an AuthnRequest (SP-initiated, ch3 §6.3): the sign-in
 * page sends them here. */
#include "cgi-bin/sso/saml_common.h"

#include <stdlib.h>

int saml_login_get(struct req *r)
{
	struct sso_config *cfg = malloc(sizeof *cfg);
	if (!cfg)
		return SERVER_ERROR;
	struct saml_idp idp;
	int found = saml_account_idp(r, cfg, &idp);
	int rc = found < 0 ? SERVER_ERROR : !found ? NOT_FOUND : saml_send_request(r, r->acct.id, &idp);
	free(cfg);
	return rc;
}
