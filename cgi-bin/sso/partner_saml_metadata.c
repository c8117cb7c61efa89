/* GET /saml2/partner - our metadata for the partner identity provider
 * (guide §1.2), while one is configured. */
#include "cgi-bin/sso/saml_common.h"

#include <stdlib.h>

int partner_saml_metadata_get(struct req *r)
{
	struct saml_partner_idp *p = malloc(sizeof *p);
	if (!p)
		return SERVER_ERROR;
	int configured = saml_partner_idp(p);
	free(p);
	return configured == 1 ? saml_metadata_reply(r, "partner") : NOT_FOUND;
}
