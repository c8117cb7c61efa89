/* POST /api/v1/oauth/token: the OAuth 2.0 client credentials grant (RFC
 * 6749 §4.4) for applications registered on the Developer page (guide
 * §2.14.11). The application authenticates with its client id and secret,
 * in HTTP Basic (§2.3.1) or as client_id and client_secret in the body,
 * never both; the body is application/x-www-form-urlencoded with
 * grant_type=client_credentials and scope=account:<account id>, the one
 * customer account the token is for, which must be assigned to it. The
 * answer is a short-lived bearer token (OAuth.TokenSeconds, an hour by
 * default) that reaches that account only (kind oauth-access); errors are
 * RFC 6749 §5.2's JSON: invalid_request, invalid_client (401),
 * unsupported_grant_type, invalid_scope. */
#include "cgi-bin/core/request.h"
#include "lib/applications.h"
#include "lib/core/config.h"
#include "lib/core/validate.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static int oauth_error(struct req *r, int status, const char *error, const char *description)
{
	return api_json(r, status, json_pack("{s:s,s:s}", "error", error, "error_description", description));
}

/* The client id and secret of an Authorization: Basic header: 1 read, 0
 * none sent, -1 malformed. */
static int basic_credentials(const char *header, char id[128], char secret[128])
{
	if (!header || strncasecmp(header, "Basic ", 6) != 0)
		return 0;
	const char *b64 = header + 6;
	size_t len = strlen(b64);
	unsigned char plain[192];
	if (len == 0 || len % 4 != 0 || len > 4 * (sizeof plain - 1) / 3)
		return -1;
	int n = EVP_DecodeBlock(plain, (const unsigned char *)b64, (int)len);
	if (n < 0)
		return -1;
	n -= (int)(len - strcspn(b64, "=")) ; /* padding decodes to zero bytes */
	plain[n] = 0;
	if (strlen((char *)plain) != (size_t)n)
		return -1;
	char *colon = strchr((char *)plain, ':');
	if (!colon || (size_t)(colon - (char *)plain) >= 128 || strlen(colon + 1) >= 128)
		return -1;
	snprintf(id, 128, "%.*s", (int)(colon - (char *)plain), (char *)plain);
	snprintf(secret, 128, "%s", colon + 1);
	return 1;
}

/* The one account a scope names: "account:<id>". */
static int scope_account(const char *scope, char account[UUID_LEN])
{
	if (strncmp(scope, "account:", 8) != 0 || !valid_uuid(scope + 8))
		return 0;
	snprintf(account, UUID_LEN, "%s", scope + 8);
	return 1;
}

int oauth_token_post(struct req *r)
{
	const char *qs = hdf_get_value(r->hdf, "CGI.QueryString", "");
	if (*qs)
		return oauth_error(r, 400, "invalid_request", "parameters go in the request body, not the URI");
	char id[128] = "", secret[128] = "";
	int basic = basic_credentials(r->authorization, id, secret);
	const char *body_id = form(r, "client_id"), *body_secret = form(r, "client_secret");
	if (basic < 0)
		return oauth_error(r, 400, "invalid_request", "malformed Basic credentials");
	if (basic && (*body_id || *body_secret))
		return oauth_error(r, 400, "invalid_request", "use one client authentication method");
	if (!basic) {
		snprintf(id, sizeof id, "%s", body_id);
		snprintf(secret, sizeof secret, "%s", body_secret);
	}
	const char *grant = form(r, "grant_type");
	if (!*grant)
		return oauth_error(r, 400, "invalid_request", "grant_type is required");
	if (!*id)
		return oauth_error(r, 401, "invalid_client", "client authentication is required");

	long long app_id;
	char partner[UUID_LEN], name[404];
	int ok = application_authenticate(r->db, id, secret, &app_id, partner, name);
	if (ok < 0)
		return SERVER_ERROR;
	if (!ok) {
		/* RFC 6749 §5.2: 401 with the scheme the client used. */
		if (basic)
			r->challenge = "Basic realm=\"switchboard\"";
		return oauth_error(r, basic ? 401 : 400, "invalid_client", "unknown client or wrong secret");
	}
	if (strcmp(grant, "client_credentials") != 0)
		return oauth_error(r, 400, "unsupported_grant_type", "only client_credentials is supported");

	const char *scope = form(r, "scope");
	char account[UUID_LEN];
	if (!scope_account(scope, account))
		return oauth_error(r, 400, "invalid_scope", "the scope names one account: account:<account id>");
	int assigned = application_assigned(r->db, partner, app_id, account);
	if (assigned < 0)
		return SERVER_ERROR;
	if (!assigned)
		return oauth_error(r, 400, "invalid_scope", "the application is not assigned to that account");

	long lifetime = cfg_int("OAuth.TokenSeconds", 3600);
	char token[TOKEN_HEX];
	if (credential_purge_expired(r->db, app_id, account) != 0 ||
	    credential_issue(r->db, CRED_OAUTH, partner, account, app_id, name, "OAuth client credentials", lifetime,
			     token) < 0)
		return SERVER_ERROR;
	return api_json(r, 200, json_pack("{s:s,s:s,s:i,s:s}", "access_token", token, "token_type", "Bearer",
					  "expires_in", (int)lifetime, "scope", scope));
}
