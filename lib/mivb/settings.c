/* The MiVoice Business integration's settings (guide §3.1.2). */
#include "lib/mivb/settings.h"

#include <string.h>
#include "lib/gateways.h"
#include "lib/inventory.h"
#include "lib/pbx_links.h"

int mivb_admin_portal(db *d, const char *account_id)
{
	long long on = 0;
	int rc = db_int(d, &on,
			"SELECT COALESCE(JSON_VALUE(config, '$.admin_portal') = 1, 0) FROM account_integrations"
			" WHERE account_id = ? AND kind = 'mivb'", "s", account_id);
	return rc < 0 ? -1 : rc == 1 && on;
}

int mivb_set_admin_portal(db *d, const char *account_id, int on, json_t *changes)
{
	long long was = 0;
	int rc = db_int(d, &was,
			"SELECT COALESCE(JSON_VALUE(config, '$.admin_portal') = 1, 0) FROM account_integrations"
			" WHERE account_id = ? AND kind = 'mivb' FOR UPDATE", "s", account_id);
	if (rc <= 0)
		return rc;
	if ((was != 0) == (on != 0))
		return 0;
	if (db_exec(d, "UPDATE account_integrations SET config = JSON_SET(COALESCE(config, '{}'), '$.admin_portal', ?),"
		       " updated_at = UTC_TIMESTAMP() WHERE account_id = ? AND kind = 'mivb'", "is", (long long)(on != 0),
		    account_id) < 0)
		return -1;
	json_object_set_new(changes, "customer_admin_portal",
			    json_pack("{s:b,s:b}", "from", was != 0, "to", on != 0));
	return 1;
}

int mivb_linked(db *d, const char *account_id)
{
	struct pbx_link link;
	int rc = pbx_link_find(d, account_id, 0, &link);
	return rc <= 0 ? rc : strcmp(link.pbx_type, "mivb") == 0;
}

static int count_reporting(void *ctx, const struct daemon *dm)
{
	int *n = ctx;
	*n += !dm->unlinked && dm->last_report[0];
	return 0;
}

int mivb_default_mbg_possible(db *d, const char *account_id)
{
	struct onboarding_status st;
	if (gateway_onboarding_status(d, account_id, &st) != 0)
		return -1;
	if (st.step != STEP_COMPLETE)
		return 0;
	int n = 0;
	if (inventory_daemons_each(d, account_id, count_reporting, &n) < 0)
		return -1;
	return n > 0;
}
