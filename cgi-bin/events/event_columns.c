/* Show/hide columns of the Event History (guide §2.16): any field can be
 * a column, in any order, saved for the person. */
#include "cgi-bin/events/columns_form.h"
#include "cgi-bin/events/event_parts.h"

#include <stdio.h>

static struct columns_def def(void)
{
	return (struct columns_def){EVENT_COLUMNS_KEY, event_columns, event_columns_count, "events.cols"};
}

int event_columns_get(struct req *r)
{
	struct columns_def d = def();
	char base[128];
	event_base(r, base, sizeof base);
	return columns_form_get(r, &d, base);
}

int event_columns_post(struct req *r)
{
	struct columns_def d = def();
	char base[128], form_path[160];
	event_base(r, base, sizeof base);
	snprintf(form_path, sizeof form_path, "%s/columns", base);
	return columns_form_post(r, &d, base, form_path);
}
