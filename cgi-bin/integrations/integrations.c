/* Integrations & Apps (guide §3.1): the account's Integrations panel with
 * its Privileges, as on Account Information. */
#include "cgi-bin/integrations/panel.h"

int integrations_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "integrations.integrations.title"));
	return integrations_panel_publish(r, "integrations");
}
