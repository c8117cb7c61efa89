#ifndef SB_INVENTORY_REPORT_H
#define SB_INVENTORY_REPORT_H
/* An inventory report of a CloudLink Daemon (ch2 §9.5), the whole snapshot
 * of its platform each time:
 *   {"platform": {"host", "type", "name", "systemFamily", "platformId",
 *                 "version", "licence": {"id", "type", "swaExpiry"},
 *                 "tunnels": [{"kind", "state"}]},
 *    "applications": [{"type", "name", "version", "tunnels": [...]}],
 *    "intervalSeconds": 3600}
 * Parsing is pure: every field checked, each fault named by its path. */
#include <jansson.h>

#define INVENTORY_APPS_MAX 32
#define INVENTORY_TUNNELS_MAX 8

struct inventory_tunnel {
	char kind[33];                 /* server-manager, admin-web, rest, ... */
	char state[8];                 /* started, stopped */
};

struct inventory_app {
	char type[65];
	char name[256];
	char version[65];
	struct inventory_tunnel tunnels[INVENTORY_TUNNELS_MAX];
	int n_tunnels;
};

struct inventory_report {
	char host[256];
	char type[33];                 /* platform type: msl, windows, ... */
	char name[256];
	char family[33];               /* system family: linux, windows */
	char platform_uid[129];
	char version[65];
	char licence_id[65];
	char license_type[16];         /* unlicensed, subscription, perpetual */
	char swa_expiry[11];           /* "YYYY-MM-DD", "" none */
	struct inventory_tunnel tunnels[INVENTORY_TUNNELS_MAX];
	int n_tunnels;
	struct inventory_app apps[INVENTORY_APPS_MAX];
	int n_apps;
	int interval;                  /* seconds until the next report */
};

/* 0 when the document is a report, else -1 with each fault put into errors
 * ({"platform.host": "is required", ...}). */
int inventory_report_parse(json_t *doc, struct inventory_report *out, json_t *errors);

/* The tunnel a Launch opens (a component's web console), or NULL. */
const struct inventory_tunnel *inventory_launch_tunnel(const struct inventory_tunnel *t, int n);
#endif
