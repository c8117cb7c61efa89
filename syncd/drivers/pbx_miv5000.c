/* MiVoice 5000: one directory number per subscriber, "name" for the last
 * name, "mail" for the address, "service" for the department. */
#include "syncd/drivers/pbx_driver.h"

static int map_user(json_t *item, struct pbx_user *u, struct pbx_map_buf *buf)
{
	u->pbx_id = pbx_json_id(item, "uid", buf->id, sizeof buf->id);
	u->first_name = pbx_json_str(item, "firstName");
	u->last_name = pbx_json_str(item, "name");
	u->email = pbx_json_str(item, "mail");
	u->extensions = pbx_json_str(item, "directoryNumber");
	u->department = pbx_json_str(item, "service");
	u->location = pbx_json_str(item, "site");
	return json_is_object(item) ? 0 : -1;
}

const struct pbx_driver pbx_driver_miv5000 = {"miv5000", map_user, pbx_map_did_common};
