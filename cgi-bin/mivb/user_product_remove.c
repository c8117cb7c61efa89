/* Remove MiVoice Business Service (guide §3.1.2.1; the tenant change's
 * case B, §3.2.1.7, where removing it removes the user's MiVoice Business
 * services): confirmed, the PBX deletes the user's services - the service
 * category and the phones with their directory numbers - and keeps the
 * user (docs/pbx-link-protocol.md §8.6.1). Once it did, the console's copy
 * of the user and the MiVB event are one transaction; the user then reads
 * MiVoice Business (no service assigned) again. */
#include "cgi-bin/mivb/mivb.h"
#include "cgi-bin/mivb/user_config_form.h"
#include "cgi-bin/mivb/user_product.h"

#include <stdio.h>

/* The user's PBX id; NOT_FOUND for a user the PBX does not have, or for
 * whoever may not see MiVoice Business (guide §2.14.9). */
static int pbx_user(struct req *r, char pbx_id[65])
{
	if (!mivb_product_offered(r))
		return NOT_FOUND;
	char category[65];
	int rc = mivb_user_service(r->db, r->acct.id, r->obj.user.id, pbx_id, category);
	if (rc < 0)
		return SERVER_ERROR;
	if (rc == 0)
		return NOT_FOUND;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "mivb.user_product.remove_title"));
	hdf_set_valuef(r->hdf, "User.id=%lld", r->obj.user.id);
	hdf_set_value(r->hdf, "User.display_name", r->obj.user.display_name);
	return DONE;
}

int user_product_remove_get(struct req *r)
{
	char pbx_id[65];
	return pbx_user(r, pbx_id);
}

int user_product_remove_post(struct req *r)
{
	char pbx_id[65];
	int rc = pbx_user(r, pbx_id);
	if (rc != DONE)
		return rc;
	struct pbx_admin a;
	int refused;
	if (!mivb_open_write(r, &a, &refused))
		return refused;
	struct mivb_services before, stored;
	struct pbx_reply rep = {0};
	rc = mivb_services_get(&a, pbx_id, &before, &rep);
	if (rc == 0) {
		pbx_reply_clear(&rep);
		rc = mivb_services_delete(&a, pbx_id, &stored, &rep);
	}
	if (rc != 0)
		mivb_refused(r, &rep, NULL, "pbx");
	pbx_reply_clear(&rep);
	pbx_admin_close(&a);
	if (rc != 0)
		return invalid(r);
	if (mivb_user_saved(r, pbx_id, &before, &stored) != 0)
		return mivb_unrecorded(r);
	return done(r, "flash.mivb_product_removed", "/a/%s/users/%lld", r->acct.id, r->obj.user.id);
}
