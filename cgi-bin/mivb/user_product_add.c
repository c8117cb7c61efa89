/* + Add Product → MiVoice Business Service (guide §3.1.2.1) for a console
 * user the MiVoice Business does not have yet: the PBX creates the user
 * with the next free directory number of the account's user extension
 * ranges (guide §3.1.2 Numbers; docs/pbx-link-protocol.md §8.4, §8.6.1);
 * once it did, the console links its user to the new PBX user with the
 * MiVB event in one transaction, and Complete setup follows (choose the
 * service category). Anything the PBX refuses, or a PBX that does not
 * answer, leaves both sides as they were, with the reason next to the
 * product. */
#include "cgi-bin/mivb/user_product.h"
#include "cgi-bin/mivb/mivb.h"
#include "lib/mivb/pbx_user.h"
#include "lib/mivb/services.h"

#include <stdio.h>

int mivb_product_offered(const struct req *r)
{
	return r->acct.mivb && can(r, FEAT_MIVB, VERB_VIEW);
}

int mivb_product_publish(struct req *r)
{
	if (!mivb_product_offered(r))
		return 0;
	char pbx_id[65];
	int linked = mivb_user_pbx_id(r->db, r->acct.id, r->obj.user.id, pbx_id);
	if (linked < 0)
		return -1;
	hdf_set_value(r->hdf, "Products.Mivb.name", MIVB_SERVICE_PRODUCT);
	hdf_set_int_value(r->hdf, "Products.Mivb.added", linked);
	return 0;
}

struct link {
	long long link_id;
	const char *pbx_id;
	const struct mivb_new_user *u;
};

static int write_link(struct req *r, void *arg)
{
	const struct link *l = arg;
	return mivb_user_link(r->db, l->link_id, r->acct.id, r->obj.user.id, l->pbx_id, l->u);
}

/* The PBX's part: the next free DN, then the user. 0 created (pbx_id),
 * 1 refused or unanswered (the message set next to "product"). */
static int create(struct req *r, struct pbx_admin *a, const struct mivb_new_user *u, char dn[MIVB_DN_MAX + 1],
		  char pbx_id[65])
{
	char ranges[1024];
	if (mivb_ranges_query(r->db, r->acct.id, ranges, sizeof ranges) < 0)
		return -1;
	struct pbx_reply rep = {0};
	int rc = *ranges ? mivb_next_dn(a, ranges, dn, &rep) : 0;
	if (rc == 0 && !*dn) {
		field_error(r, "product", "mivb.user_product.no_dn");
		rc = 1;
	} else if (rc == 0) {
		pbx_reply_clear(&rep);
		rc = mivb_user_create(a, u, pbx_id, &rep);
		if (rc != 0)
			mivb_refused(r, &rep, NULL, "product");
	} else {
		mivb_refused(r, &rep, NULL, "product");
	}
	pbx_reply_clear(&rep);
	return rc == 0 ? 0 : 1;
}

int mivb_product_add(struct req *r)
{
	if (!mivb_product_offered(r))
		return NOT_FOUND;
	const struct user *user = &r->obj.user;
	char pbx_id[65];
	int linked = mivb_user_pbx_id(r->db, r->acct.id, user->id, pbx_id);
	if (linked < 0)
		return SERVER_ERROR;
	if (linked) {
		field_error(r, "product", "users.user_products.errors.held");
		return invalid(r);
	}
	struct pbx_admin a;
	int refused;
	if (!mivb_open_write(r, &a, &refused))
		return refused;
	char dn[MIVB_DN_MAX + 1] = "";
	struct mivb_new_user u = {user->first_name, user->last_name, user->email, dn};
	int rc = create(r, &a, &u, dn, pbx_id);
	long long link_id = a.t.id;
	pbx_admin_close(&a);
	if (rc != 0)
		return rc < 0 ? SERVER_ERROR : invalid(r);
	json_t *details = json_pack("{s:{s:s,s:s},s:{s:s,s:s}}", "user", "from", "", "to", user->display_name,
				    "extensions", "from", "", "to", dn);
	struct link l = {link_id, pbx_id, &u};
	rc = details ? mivb_record(r, &(struct mivb_change){"pbx_user.create", "pbx_user_profile", pbx_id, user->email,
							 details, write_link, &l})
		     : -1;
	json_decref(details);
	if (rc != 0)
		return mivb_unrecorded(r);
	return done(r, "flash.mivb_product_added", "/a/%s/users/%lld/mivb/service", r->acct.id, user->id);
}
