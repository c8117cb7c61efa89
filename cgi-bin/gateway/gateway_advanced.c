/* The Advanced tab (guide §3.1.1; §2.11 opens its "partial Advanced
 * page"): the gateway's settings and tools of controls.h. */
#include "cgi-bin/gateway/controls.h"

int gateway_advanced_get(struct req *r)
{
	struct wizard w;
	if (wizard_load(r, &w) != 0)
		return SERVER_ERROR;
	if (!w.added || w.removing) {
		redirect(r, "%s", w.base);
		return DONE;
	}
	wizard_publish(r, &w, "advanced");
	return gateway_controls_publish(r, &w, "advanced") == 0 ? DONE : SERVER_ERROR;
}
