/* MiVoice Business (ch3 §10.2): users carry their directory numbers as
 * "dns"; its system also lists locations, groups, phones, MBGs and
 * templates (the MiVoice Business administration reads those). */
#include "syncd/drivers/pbx_driver.h"

static int map_user(json_t *item, struct pbx_user *u, struct pbx_map_buf *buf)
{
	u->pbx_id = pbx_json_id(item, "id", buf->id, sizeof buf->id);
	u->first_name = pbx_json_str(item, "firstName");
	u->last_name = pbx_json_str(item, "lastName");
	u->email = pbx_json_str(item, "email");
	pbx_json_join(json_object_get(item, "dns"), buf->extensions, sizeof buf->extensions);
	u->extensions = buf->extensions;
	u->department = pbx_json_str(item, "department");
	u->location = pbx_json_str(item, "location");
	return json_is_object(item) ? 0 : -1;
}

const struct pbx_driver pbx_driver_mivb = {"mivb", map_user, pbx_map_did_common};
