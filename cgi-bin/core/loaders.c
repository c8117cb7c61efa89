#include "cgi-bin/core/loaders.h"

int load_user(struct req *r)
{
	return users_find(r->db, r->acct.id, r->id, 0, &r->obj.user);
}

int load_integrations_signing_in(struct req *r, const char *token, struct account_ref *reached)
{
	return account_integrations_load_signing_in(r->db, token, r->acct.id, &r->machine, reached, &r->obj.integrations);
}

struct role_reach role_reach_of(const struct req *r)
{
	struct role_reach reach = {"", "", 0};
	if (role_is_partner(r->me.role)) {
		reach.partner_id = r->me.partner_id;
		reach.manager_id = r->me.restricted ? r->me.id : 0;
	} else {
		reach.account_id = r->me.account_id;
	}
	return reach;
}

int load_role(struct req *r)
{
	struct role_reach reach = role_reach_of(r);
	return roles_find(r->db, &reach, r->id, 0, &r->obj.role);
}

int load_import_batch(struct req *r)
{
	return import_batch_find(r->db, r->acct.id, r->id, &r->obj.batch);
}

int load_job(struct req *r)
{
	return jobs_find(r->db, r->acct.id, r->id, &r->obj.job);
}

int load_notification(struct req *r)
{
	return notification_find(r->db, r->me.id, r->id, &r->obj.notification);
}

int load_support_log(struct req *r)
{
	return support_log_find(r->db, r->acct.id, r->id, 0, &r->obj.support_log);
}

int load_platform(struct req *r)
{
	return inventory_platform_find(r->db, r->acct.id, r->id, &r->obj.platform);
}

int load_daemon(struct req *r)
{
	return inventory_daemon_find(r->db, r->acct.id, r->id, &r->obj.daemon);
}

int load_application(struct req *r)
{
	return application_find(r->db, r->me.partner_id, r->id, &r->obj.application);
}

int load_scim_source(struct req *r)
{
	return scim_source_find(r->db, r->acct.id, r->id, &r->obj.scim_source);
}

int load_mivb_range(struct req *r)
{
	return mivb_range_find(r->db, r->acct.id, r->id, &r->obj.mivb_range);
}

int load_user_template(struct req *r)
{
	return user_template_find(r->db, r->acct.id, r->id, &r->obj.user_template);
}
