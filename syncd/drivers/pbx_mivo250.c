/* MiVoice Office 250: the smallest system. A user's name is one field,
 * "Last, First"; one extension; no locations; and no change token, so every
 * sync reads it whole and compares (an unchanged one still writes nothing). */
#include "syncd/drivers/pbx_driver.h"

#include <stdio.h>
#include <string.h>

static int map_user(json_t *item, struct pbx_user *u, struct pbx_map_buf *buf)
{
	u->pbx_id = pbx_json_id(item, "id", buf->id, sizeof buf->id);
	const char *name = pbx_json_str(item, "name");
	const char *comma = strchr(name, ',');
	if (comma) {
		snprintf(buf->last, sizeof buf->last, "%.*s", (int)(comma - name), name);
		const char *first = comma + 1;
		while (*first == ' ')
			first++;
		snprintf(buf->first, sizeof buf->first, "%s", first);
	} else {
		snprintf(buf->first, sizeof buf->first, "%s", name);
		buf->last[0] = 0;
	}
	u->first_name = buf->first;
	u->last_name = buf->last;
	u->email = pbx_json_str(item, "email");
	u->extensions = pbx_json_str(item, "extension");
	u->department = pbx_json_str(item, "department");
	u->location = "";
	return json_is_object(item) ? 0 : -1;
}

const struct pbx_driver pbx_driver_mivo250 = {"mivo250", map_user, pbx_map_did_common};
