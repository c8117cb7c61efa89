#ifndef SB_GATEWAY_CONTROLS_H
#define SB_GATEWAY_CONTROLS_H
/* The gateway's own settings and tools (guide §2.11; ch2 §6 decided
 * sections): Software Update (versions, the update schedule, Update now),
 * Logs, Call Trace and System Options (Reboot, the factory reset that
 * removes the integration), with the commands sent and how they went. The
 * wizard's Advanced tab and the Gateway support page draw them alike; the
 * commands go through the gateway's command queue (lib/gateways.h) and are
 * carried out at its next check-in. While it does not report (for
 * Gateway.OfflineSeconds) the page says it is not reachable and shows the
 * last state it reported. */
#include "cgi-bin/gateway/wizard.h"

#define SUPPORT_PATH "/a/%s/support/gateway"

/* Publishes Controls.* and Gateway.*; from names the page ("advanced" or
 * "support") the forms come back to. 0, or -1. */
int gateway_controls_publish(struct req *r, const struct wizard *w, const char *from);
/* 1 when the gateway can take commands: claimed, reporting, on time. */
int gateway_reachable(const struct wizard *w);
#endif
