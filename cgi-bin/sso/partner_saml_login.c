/* GET /saml2/partner/login - the sign-in page's partner button (guide
 * §1.2: MiAccess): to the partner identity provider with an AuthnRequest. */
#include "cgi-bin/sso/saml_common.h"

#include <stdlib.h>

int partner_saml_login_get(struct req *r)
{
	struct saml_partner_idp *p = malloc(sizeof *p);
	if (!p)
		return SERVER_ERROR;
	int configured = saml_partner_idp(p);
	struct saml_idp idp = {p->fields.entity_id, p->fields.sign_in_url, p->fields.certificates};
	int rc = configured < 0 ? SERVER_ERROR : !configured ? NOT_FOUND : saml_send_request(r, "partner", &idp);
	free(p);
	return rc;
}
