#ifndef SB_GATEWAY_WIZARD_H
#define SB_GATEWAY_WIZARD_H
/* What every tab of the CloudLink Gateway wizard shares (guide §3.1.1; ch3
 * §2.2): the tabs Gateway · PBX · Connect · Deployment · Advanced ·
 * Overview with the steps done, Return to <account>, the status line with
 * its overlays, and the control that removes the integration (the trash
 * while incomplete, the toggle once complete; ch3 §2.6). The wizard lives
 * at WIZARD_PATH; its Gateway tab is WIZARD_PATH/site and so on. */
#include "cgi-bin/core/request.h"
#include "lib/gateways.h"
#include "lib/pbx_links.h"

#define WIZARD_PATH "/a/%s/integrations/gateway"

struct wizard {
	struct gateway_status_line line;
	int added;                     /* the integration was added (its onboarding started) */
	int has_gateway;               /* a gateway is claimed */
	struct gateway gw;
	int has_link;                  /* a PBX is linked */
	struct pbx_link link;
	long long removing;            /* the removal job running, or 0 */
	char base[128];                /* the wizard's path for this account */
};

/* Reads the account's onboarding: 0, or -1. */
int wizard_load(struct req *r, struct wizard *w);
/* A tab's page: the wizard loaded and published (wizard_publish) with tab
 * shown. 1 to draw it; 0 when there is no integration to show (not added,
 * or being removed) and the request was sent to the wizard's start; -1. */
int wizard_tab(struct req *r, struct wizard *w, const char *tab);
/* Publishes Wizard.* (tabs, return link, removal control), Status.* and the
 * page title, with tab the one shown. */
void wizard_publish(struct req *r, const struct wizard *w, const char *tab);
/* The account's gateway as Gateway.* (the Gateway tab, Advanced, Overview,
 * the Gateway support page). */
void wizard_publish_gateway(struct req *r, const struct gateway *g);
/* The tab where the current step is done: site, pbx, connect, deployment or overview. */
const char *wizard_step_tab(const struct wizard *w);
/* The Gateway tab (gateway_site.c): the claim code while no gateway is
 * claimed, then Gateway Information. Also drawn by the claim's own GET. */
int gateway_site_page(struct req *r);
/* The field's message for a lib check's reason (lib/gateways.h,
 * lib/pbx_links.h): the screen's own (<section>.errors.<field>_<reason>)
 * when the lang file has one, else the common one. */
void wizard_field_error(struct req *r, const char *section, const char *field, const char *reason);
/* Removing the integration (ch3 §2.6): the job that unlinks the PBX users
 * and resets the gateway, done at once when small. Its id, 0 when the
 * integration is not added or its removal runs already, -1 error. */
long long wizard_start_removal(struct req *r);
/* 1 when the account's gateway is a physical appliance (its removal asks
 * Revert To Factory Default? with the typed word). */
int wizard_physical(const struct wizard *w);
/* The step reached: 1 when the onboarding is at step or past it. */
int wizard_reached(const struct wizard *w, enum onboarding_step step);
#endif
