#ifndef SB_LOADERS_H
#define SB_LOADERS_H
/* The route table's LOAD column: each loads the object named by :id into
 * r->obj, under the request's scope — the :acct account (already checked
 * against the signed-in user), or the signed-in user themselves — so an
 * object of another tenant is never loaded and the front line answers 404.
 * 1 found, 0 not, -1 error. */
#include "cgi-bin/core/request.h"

int load_user(struct req *r);             /* a user of the :acct account */
int load_role(struct req *r);             /* a custom role within the user's reach (lib/roles.h) */
int load_import_batch(struct req *r);     /* an import batch of the :acct account */
int load_job(struct req *r);              /* a job of the :acct account */
int load_notification(struct req *r);     /* one of the signed-in user's notifications */
int load_support_log(struct req *r);      /* a support log of the :acct account */
int load_platform(struct req *r);         /* a platform of the :acct account (System Inventory) */
int load_daemon(struct req *r);           /* a CloudLink Daemon of the :acct account */
int load_application(struct req *r);      /* a registered application of the user's partner (Developer) */
int load_scim_source(struct req *r);      /* a SCIM source of the :acct account */
int load_mivb_range(struct req *r);
int load_user_template(struct req *r);    /* a user template of the :acct account */       /* a MiVoice Business extension range of the :acct account */

/* The route table's signing_in column (routes.h): the :acct account's
 * integrations, privileges and policy into r->obj.integrations, read in
 * the lookup of the bearer credential token. */
int load_integrations_signing_in(struct req *r, const char *token, struct account_ref *reached);

/* The roles the signed-in user reaches (lib/roles.h): load_role's scope,
 * which the Roles list and a role's Accounts tab apply too. */
struct role_reach role_reach_of(const struct req *r);
#endif
