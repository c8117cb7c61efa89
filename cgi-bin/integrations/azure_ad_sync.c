/* The Azure AD Sync dialog (guide §3.2.6; ch3 §8.1): Generate keys gives
 * the Tenant URL and a Secret Token to paste into the Entra application's
 * provisioning (the token once: only its hash is kept); the dialog shows
 * when keys were made, and — beyond the guide — the Provisioning activity:
 * the last request, the changes and failures of the last 24 hours and the
 * last errors, so a provisioning that silently stopped working shows. */
#include "cgi-bin/integrations/azure_ad_sync_page.h"
#include "lib/azure_ad_sync.h"
#include "lib/scim_users.h"

#include <stdio.h>

static int publish_error(void *ctx, const struct scim_error_row *e)
{
	struct req *r = ctx;
	char key[40];
	int n = hdf_get_int_value(r->hdf, "Activity.ErrorCount", 0);
	snprintf(key, sizeof key, "Activity.Errors.%d", n);
	HDF *row;
	if (hdf_get_node(r->hdf, key, &row) != STATUS_OK)
		return -1;
	hdf_set_value(row, "at", e->at);
	hdf_set_value(row, "method", e->method);
	hdf_set_value(row, "path", e->path);
	hdf_set_int_value(row, "status", e->status);
	hdf_set_value(row, "scim_type", e->scim_type);
	hdf_set_value(row, "detail", e->detail);
	hdf_set_int_value(r->hdf, "Activity.ErrorCount", n + 1);
	return 0;
}

int azure_ad_sync_page(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "integrations.azure_ad_sync.title"));
	char url[1200];
	scim_base_url(r->acct.id, url, sizeof url);
	hdf_set_value(r->hdf, "Sync.TenantURL", url);
	struct azure_ad_sync s;
	int rc = azure_ad_sync_find(r->db, r->acct.id, &s);
	if (rc < 0)
		return SERVER_ERROR;
	hdf_set_int_value(r->hdf, "Sync.SetUp", rc);
	hdf_set_value(r->hdf, "Sync.GeneratedAt", s.generated_at);
	hdf_set_value(r->hdf, "Sync.GeneratedBy", s.generated_by);
	hdf_set_value(r->hdf, "Sync.LastRequest", s.last_request);
	struct scim_activity a;
	if (scim_activity_read(r->db, r->acct.id, &a) != 0 || scim_errors_each(r->db, r->acct.id, publish_error, r) < 0)
		return SERVER_ERROR;
	hdf_set_int_value(r->hdf, "Activity.Created", (int)a.created);
	hdf_set_int_value(r->hdf, "Activity.Updated", (int)a.updated);
	hdf_set_int_value(r->hdf, "Activity.Deactivated", (int)a.deactivated);
	hdf_set_int_value(r->hdf, "Activity.Deleted", (int)a.deleted);
	hdf_set_int_value(r->hdf, "Activity.Failed", (int)a.failed);
	hdf_set_int_value(r->hdf, "Sync.CanEdit", can(r, FEAT_INTEGRATIONS, VERB_EDIT));
	hdf_set_int_value(r->hdf, "Sync.CanDelete", can(r, FEAT_INTEGRATIONS, VERB_DELETE));
	return DONE;
}

int azure_ad_sync_get(struct req *r)
{
	return azure_ad_sync_page(r);
}
