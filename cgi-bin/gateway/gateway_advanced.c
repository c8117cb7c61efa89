/* The Advanced tab (guide §3.1.1; §2.11 opens its "partial Advanced
 * page"): the gateway's settings and tools of controls.h. */
#include "cgi-bin/gateway/controls.h"

int gateway_advanced_get(struct req *r)
{
	struct wizard w;
	int open = wizard_tab(r, &w, "advanced");
	if (open <= 0)
		return open < 0 ? SERVER_ERROR : DONE;
	return gateway_controls_publish(r, &w, "advanced") == 0 ? DONE : SERVER_ERROR;
}
