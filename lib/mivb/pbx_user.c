/* A console user created on the MiVoice Business (guide §3.1.2.1). */
#include "lib/mivb/pbx_user.h"
#include "lib/pbx_diff.h"

#include <stdio.h>

int mivb_user_create(struct pbx_admin *a, const struct mivb_new_user *u, char pbx_id[65], struct pbx_reply *rep)
{
	pbx_id[0] = 0;
	json_t *body = json_pack("{s:s,s:s,s:s,s:s}", "firstName", u->first_name, "lastName", u->last_name, "email",
				 u->email, "dn", u->dn);
	int rc = !body ? -1 : pbx_admin_call(a, "POST", "/v1/users", body, rep) != 0 ? -1 : pbx_reply_ok(rep) ? 0 : 1;
	json_decref(body);
	const char *id = rc == 0 ? json_string_value(json_object_get(rep->doc, "id")) : NULL;
	if (rc == 0 && (!id || !*id)) {
		snprintf(rep->message, sizeof rep->message, "the PBX answered without the new user's id");
		rep->status = 0;
		return -1;
	}
	if (id)
		snprintf(pbx_id, 65, "%s", id);
	return rc;
}

int mivb_user_link(db *d, long long link_id, const char *account_id, long long user_id, const char *pbx_id,
		   const struct mivb_new_user *u)
{
	/* what the sync lists for it (§4.3): one DN, no department or location yet */
	struct pbx_user p = {pbx_id, u->first_name, u->last_name, u->email, u->dn, "", ""};
	char fingerprint[PBX_FP_LEN];
	pbx_fingerprint(&p, fingerprint);
	long long rc = db_exec(d, "INSERT INTO pbx_users (link_id, pbx_id, account_id, user_id, first_name, last_name, email,"
				  " extensions, email_state, fingerprint, updated_at)"
				  " VALUES (?, ?, ?, ?, LEFT(?, 100), LEFT(?, 100), ?, ?, ?, ?, UTC_TIMESTAMP())",
			       "ississssss", link_id, pbx_id, account_id, user_id, u->first_name, u->last_name, u->email,
			       u->dn, pbx_email_state_key(*u->email ? PBX_EMAIL_OK : PBX_EMAIL_MISSING), fingerprint);
	if (rc < 0)
		return -1;
	/* now a user the PBX has (guide §2.4 notes): the fields it owns follow
	 * it, and the console's extension is its first DN, as the sync keeps them */
	rc = db_exec(d, "UPDATE users SET pbx_user = 1, extension = ?, updated_at = UTC_TIMESTAMP() WHERE id = ? AND account_id = ?",
		     "sis", u->dn, user_id, account_id);
	return rc == 1 ? 0 : -1;
}
