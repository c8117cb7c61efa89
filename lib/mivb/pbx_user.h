#ifndef SB_MIVB_PBX_USER_H
#define SB_MIVB_PBX_USER_H
/* A console user the MiVoice Business does not have yet, given the
 * MiVoice Business Service (guide §3.1.2.1 + Add Product): the user is
 * created on the PBX with one directory number (docs/pbx-link-protocol.md
 * §8.6.1), then the console links its user to it (pbx_users), as the next
 * sync would find it. */
#include "lib/core/db.h"
#include "lib/mivb/pbx_admin.h"

struct mivb_new_user {
	const char *first_name, *last_name, *email, *dn;
};

/* Creates the user on the PBX; its id into pbx_id. 0 taken, 1 refused
 * (rep: code, field "firstName", "lastName" or "dn", message), -1 no answer. */
int mivb_user_create(struct pbx_admin *a, const struct mivb_new_user *u, char pbx_id[65], struct pbx_reply *rep);

/* Inside the caller's transaction, once the PBX created it: the console's
 * copy of the PBX user, linked to user_id, on the account's MiVoice
 * Business link; user_id becomes a user the PBX has, its extension the DN.
 * 0, or -1. */
int mivb_user_link(db *d, long long link_id, const char *account_id, long long user_id, const char *pbx_id,
		   const struct mivb_new_user *u);
#endif
