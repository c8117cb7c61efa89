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

/* The steps' texts are the lang file's integrations.status.gateway_<step>. */
static const char *const step_status[] = {
	[STEP_NO_GATEWAY] = "gateway_no_gateway", [STEP_CONFIGURE_GATEWAY] = "gateway_configure_gateway",
	[STEP_ADD_PBX] = "gateway_add_pbx", [STEP_SYNC_PBX] = "gateway_sync_pbx",
	[STEP_CONNECT_PBX] = "gateway_connect_pbx", [STEP_DEPLOYMENT] = "gateway_deployment",
	[STEP_COMPLETE] = "gateway_complete",
};

static int gateway_status(db *d, HDF *lang, const char *account_id, struct integration_status *out)
{
	(void)lang;   /* its texts are keys of the lang file */
	struct onboarding_status s;
	if (gateway_onboarding_status(d, account_id, &s) != 0)
		return -1;
	if (s.step < STEP_NO_GATEWAY || s.step > STEP_COMPLETE)
		return 0;
	int setup_link = out->setup_link;
	memset(out, 0, sizeof *out);
	out->finished = s.step == STEP_COMPLETE;
	out->setup_link = setup_link && !out->finished;
	if (s.error[0]) {
		out->level = LEVEL_ERROR;
		snprintf(out->text, sizeof out->text, "%s", s.error);
	} else if (s.warning[0]) {
		out->level = LEVEL_WARN;
		snprintf(out->text, sizeof out->text, "%s", s.warning);
	} else {
		out->level = out->finished ? LEVEL_OK : LEVEL_INCOMPLETE;
		out->text_key = step_status[s.step];
	}
	return 1;
}

const struct integration_driver integration_gateway_driver = {
	.added = gateway_added,
	.removed = gateway_removed,
	.status = gateway_status,
};
