/* MiVoice Office 400: its user records name people given name and
 * surname, hold several call numbers, and file them by cost centre and site. */
#include "syncd/drivers/pbx_driver.h"

static int map_user(json_t *item, struct pbx_user *u, struct pbx_map_buf *buf)
{
	u->pbx_id = pbx_json_id(item, "userId", buf->id, sizeof buf->id);
	u->first_name = pbx_json_str(item, "givenName");
	u->last_name = pbx_json_str(item, "surname");
	u->email = pbx_json_str(item, "emailAddress");
	pbx_json_join(json_object_get(item, "callNumbers"), buf->extensions, sizeof buf->extensions);
	u->extensions = buf->extensions;
	u->department = pbx_json_str(item, "costCentre");
	u->location = pbx_json_str(item, "site");
	return json_is_object(item) ? 0 : -1;
}

const struct pbx_driver pbx_driver_mivo400 = {"mivo400", map_user, pbx_map_did_common};
