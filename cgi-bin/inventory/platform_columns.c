/* Show/hide columns of the Platforms list (guide §2.17.1): SWA Status is
 * fixed; the rest may be hidden and reordered, saved for the person, the
 * same at partner level and inside accounts. */
#include "cgi-bin/events/columns_form.h"
#include "cgi-bin/inventory/inventory_parts.h"

#include <stdio.h>

static struct columns_def def(void)
{
	return (struct columns_def){PLATFORM_COLUMNS_KEY, platform_columns, platform_columns_count, "inventory.cols"};
}

int platform_columns_get(struct req *r)
{
	struct columns_def d = def();
	inventory_scope_of(r);
	char list[128];
	snprintf(list, sizeof list, "%s/platforms", hdf_get_value(r->hdf, "Inventory.Base", ""));
	return columns_form_get(r, &d, list);
}

int platform_columns_post(struct req *r)
{
	struct columns_def d = def();
	inventory_scope_of(r);
	char list[128], form_path[128];
	const char *base = hdf_get_value(r->hdf, "Inventory.Base", "");
	snprintf(list, sizeof list, "%s/platforms", base);
	snprintf(form_path, sizeof form_path, "%s/columns", base);
	return columns_form_post(r, &d, list, form_path);
}
