/* The CloudLink Gateway's driver (guide §3.1.1; ch3 §2.3, §2.6): adding
 * the integration starts the account's onboarding, removing it resets the
 * gateway and unlinks its PBX (lib/gateways.h), and its status line is the
 * onboarding step, with the error or warning the gateway and its PBX link
 * report. Its kind's row in integrations.c names this driver. */
#include "lib/gateways.h"
#include "lib/integrations.h"

#include <stdio.h>
#include <string.h>

static int gateway_added(db *d, const struct actor *who, const char *account_id)
{
	return gateway_onboarding_start(d, who, account_id);
}

static int gateway_removed(db *d, const struct actor *who, const char *account_id)
{
	return gateway_integration_remove(d, who, account_id);
}

/* The gateway's own status line (lib/gateways.h): the onboarding step, or
 * the error that overlays it (an unreachable gateway, a failing PBX sync). */
static int gateway_status(db *d, HDF *lang, const char *language, const char *account_id, struct integration_status *out)
{
	struct gateway_status_line l;
	int added = gateway_status_line(d, account_id, &l);
	if (added <= 0)
		return added;
	int setup_link = out->setup_link;
	memset(out, 0, sizeof *out);
	out->finished = l.step == STEP_COMPLETE;
	out->setup_link = setup_link && !out->finished;
	out->level = status_level_from_key(l.level);
	gateway_status_text(lang, language, &l, out->text, sizeof out->text);
	return 1;
}

const struct integration_driver integration_gateway_driver = {
	.added = gateway_added,
	.removed = gateway_removed,
	.status = gateway_status,
};
