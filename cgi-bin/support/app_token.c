/* POST /api/v1/app-token (spec ch2 §5.6): a CloudLink app signs in as its
 * user, the way the app's own sign-in does — {"email", "password"} of a
 * registered user of an active customer account, throttled per email and
 * per client address like the console's sign-in (lib/throttle.c), one
 * answer for any wrong email or password — and gets a short-lived bearer
 * token (SupportLogs.AppTokenMinutes, 60 by default) of kind app-report,
 * bound to that user's account and acting as that user. */
#include "cgi-bin/core/request.h"
#include "lib/core/config.h"
#include "lib/core/validate.h"
#include "lib/throttle.h"

#include <stdio.h>
#include <string.h>

static const char *string_of(json_t *doc, const char *name)
{
	json_t *v = json_object_get(doc, name);
	return json_is_string(v) && json_string_length(v) == strlen(json_string_value(v)) ? json_string_value(v) : NULL;
}

int app_token_post(struct req *r)
{
	const char *email = string_of(r->json, "email"), *password = string_of(r->json, "password");
	json_t *fields = json_object();
	if (!email || !valid_email(email))
		json_object_set_new(fields, "email", json_string("must be the email address the user signs in with"));
	if (!password || !*password || strlen(password) > 1024)
		json_object_set_new(fields, "password", json_string("is required"));
	if (json_object_size(fields))
		return api_error(r, 422, "credentials_body", fields);
	json_decref(fields);

	const char *addr = hdf_get_value(r->hdf, "CGI.RemoteAddress", "");
	long wait = throttle_wait(r->db, email, addr);
	if (wait < 0)
		return SERVER_ERROR;
	if (wait > 0) {
		char text[256];
		lang_number(r, "api.errors.too_many_sign_ins", wait, text, sizeof text);
		return api_json(r, 429, json_pack("{s:i,s:s,s:s,s:I}", "status", 429, "code", "too_many_sign_ins", "error", text,
						  "retryAfterSeconds", (json_int_t)wait));
	}
	struct support_reporter who;
	int found = support_app_user_find(r->db, email, password, &who);
	if (found < 0)
		return SERVER_ERROR;
	if (found == 0) {
		if (throttle_fail(r->db, email, addr) != 0)
			return SERVER_ERROR;
		return api_error(r, 401, "sign_in_failed", NULL);
	}
	if (throttle_clear(r->db, email, addr) != 0)
		return SERVER_ERROR;
	if (!who.customer)
		return api_error(r, 403, "app_tokens_customers", NULL);

	long minutes = cfg_int("SupportLogs.AppTokenMinutes", 60);
	char token[TOKEN_HEX], label[300];
	snprintf(label, sizeof label, "App sign-in of %s", who.email);
	if (credential_issue_for_user(r->db, CRED_APP_REPORT, who.partner_id, who.account_id, who.user_id, label,
				      minutes * 60, token) < 0)
		return SERVER_ERROR;
	return api_json(r, 200, json_pack("{s:s,s:s,s:I,s:s,s:I,s:s}", "token", token, "tokenType", "Bearer", "expiresIn",
					  (json_int_t)minutes * 60, "accountId", who.account_id, "userId",
					  (json_int_t)who.user_id, "email", who.email));
}
