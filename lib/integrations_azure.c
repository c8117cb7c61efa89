/* The Azure AD Sync integration's driver (guide §3.2.6; ch3 §8.1): its
 * setup is the Secret Token (lib/azure_ad_sync.h), removing the
 * integration revokes it, and its status line says whether Microsoft Entra
 * ID has called since. Its kind's row in integrations.c names this driver. */
#include "lib/azure_ad_sync.h"
#include "lib/integrations.h"

#include <string.h>

static int azure_removed(db *d, const struct actor *who, const char *account_id)
{
	(void)who;
	return azure_ad_sync_remove(d, account_id) < 0 ? -1 : 0;
}

static int azure_status(db *d, HDF *lang, const char *language, const char *account_id, struct integration_status *out)
{
	(void)lang;   /* its texts are keys of the lang file */
	struct azure_ad_sync s;
	int found = azure_ad_sync_find(d, account_id, &s);
	if (found <= 0)
		return found;   /* no keys yet: the row's own "not finished" line */
	memset(out, 0, sizeof *out);
	out->finished = 1;
	out->level = LEVEL_OK;
	out->text_key = s.last_request[0] ? "azure_ad_sync_provisioning" : "azure_ad_sync_waiting";
	return 1;
}

const struct integration_driver integration_azure_driver = {
	.removed = azure_removed,
	.status = azure_status,
};
