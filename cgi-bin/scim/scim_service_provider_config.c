/* GET /scim/v2/<acct>/ServiceProviderConfig (RFC 7643 §5): what the
 * service supports, which a client reads before it sends anything. */
#include "cgi-bin/scim/scim_reply.h"
#include "lib/scim/patch.h"

int scim_service_provider_config_get(struct req *r)
{
	char base[1200];
	scim_base(r, base, sizeof base);
	char location[1300];
	snprintf(location, sizeof location, "%s/ServiceProviderConfig", base);
	json_t *doc = json_pack(
		"{s:[s],s:s,s:{s:b},s:{s:b,s:i,s:i},s:{s:b,s:i},s:{s:b},s:{s:b},s:{s:b},"
		"s:[{s:s,s:s,s:s,s:b}],s:{s:s,s:s}}",
		"schemas", SCIM_URN_SPC,
		"documentationUri", "https://datatracker.ietf.org/doc/html/rfc7644",
		"patch", "supported", 1,
		"bulk", "supported", 0, "maxOperations", 0, "maxPayloadSize", 0,
		"filter", "supported", 1, "maxResults", SCIM_PAGE_MAX,
		"changePassword", "supported", 0,
		"sort", "supported", 1,
		"etag", "supported", 1,
		"authenticationSchemes", "type", "oauthbearertoken", "name", "Bearer token",
		"description", "The Secret Token of the account's Azure AD Sync integration", "primary", 1,
		"meta", "resourceType", "ServiceProviderConfig", "location", location);
	return api_json(r, 200, doc);
}
