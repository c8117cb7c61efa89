#ifndef SB_GATEWAYS_H
#define SB_GATEWAYS_H
/* CloudLink Gateway onboarding (guide §3.1.1; ch3 §2.1-2.3; ch2 §6, §10).
 *
 * Claiming (ch3 §2.1): an unclaimed gateway shows a claim code on its local
 * page. The account's administrator types it in Add Gateway:
 * gateway_claim_enter() keeps its hash for 15 minutes. The gateway asks
 * POST /api/v1/gateways/claim with its code until that claim exists;
 * gateway_claim_redeem() then binds it to the account once (single use),
 * issues its own machine credential (kind gateway, bound to the account) and
 * a relay key, and the gateway polls GET /api/v1/gateways/self/config and
 * reports PUT /api/v1/gateways/self/status with that credential.
 *
 * The onboarding state machine (ch3 §2.3), one row per account:
 *   no_gateway → configure_gateway → add_pbx (SMBC: sync_pbx) → connect_pbx
 *   → deployment → complete
 * advanced by: gateway_onboarding_start (integration added) → first status
 * report of the claimed gateway → gateway_site_save (Gateway tab's Next) →
 * pbx_link_create (PBX tab's Next; lib/pbx_links.h) → the first successful
 * sync after Connect (syncd) → gateway_onboarding_complete (Deployment's
 * Complete). gateway_onboarding_status() gives the status line with its
 * error / warning / alert overlay.
 *
 * Every function takes the account scope; none returns a secret. */
#include <jansson.h>
#include "lib/audit.h"
#include "lib/core/crypto.h"
#include "lib/core/db.h"

#define GATEWAY_CLAIM_MINUTES 15
#define GATEWAY_CODE_MAX 32

enum onboarding_step {
	STEP_NONE = -1,                /* the integration was not added */
	STEP_NO_GATEWAY = 0,
	STEP_CONFIGURE_GATEWAY,
	STEP_ADD_PBX,
	STEP_SYNC_PBX,
	STEP_CONNECT_PBX,
	STEP_DEPLOYMENT,
	STEP_COMPLETE,
};
const char *onboarding_step_key(enum onboarding_step s);   /* "no_gateway", ... (gateway_onboarding.step) */
int onboarding_step_from_key(const char *key);             /* STEP_NONE when unknown */
/* The status line's text (ch3 §2.3): "No gateway detected", "Configure
 * gateway", "Add PBX", "Sync PBX", "Connect the PBX", "Deployment",
 * "Onboarding Complete". The lang file should carry the same words under
 * integrations.gateway.steps.<key>; this is for logs and the CLI. */
const char *onboarding_step_text(enum onboarding_step s);

/* A claim code as typed: letters and digits, case and separators (spaces,
 * dashes) ignored. Writes the canonical form (upper case, no separators);
 * 1 when it is well formed (8 to GATEWAY_CODE_MAX characters), else 0. */
int gateway_code_normalise(const char *typed, char out[GATEWAY_CODE_MAX + 1]);

/* Add Gateway, the administrator typed the gateway's code. Inside the
 * caller's transaction. Replaces the account's earlier pending claim.
 * Returns 1 done; 0 refused: the code is malformed (*why = "invalid"), the
 * account already has a gateway ("claimed"), or another account has a
 * pending claim of that code ("taken"); -1 error. */
int gateway_claim_enter(db *d, const struct actor *who, const char *account_id, const char *typed_code,
			const char **why);

/* What the gateway says of itself when it claims and when it reports. */
struct gateway_report {
	const char *serial;
	const char *kind;              /* "physical" | "virtual" */
	const char *platform;          /* "standalone" | "smbc" */
	const char *version, *available_version;
	const char *ip_address;
	const char *relay_url;         /* where syncd reaches the PBX through it */
};
int gateway_report_check(const struct gateway_report *g, const char **bad_field);   /* 1 acceptable */

/* POST /api/v1/gateways/claim: in its own transaction, binds the gateway
 * to the account whose pending, unexpired claim has this code, once. Writes
 * its credential token (shown once) and relay key, sealed under key_hex at
 * rest, into the out parameters. Returns 1 bound; 0 no pending claim has
 * this code (never entered, or mistyped); 2 its claim expired or was used;
 * -1 error. */
struct gateway_claimed {
	long long gateway_id;
	char account_id[UUID_LEN];
	char token[TOKEN_HEX];
	char relay_key[TOKEN_HEX];
};
int gateway_claim_redeem(db *d, const char *typed_code, const struct gateway_report *g, const char *key_hex,
			 struct gateway_claimed *out);

/* A claimed gateway, as the console shows it. */
struct gateway {
	long long id;
	char account_id[UUID_LEN];
	char serial[65], kind[16], platform[16];
	char version[33], available_version[33];
	char ip_address[65];
	char update_schedule[65];
	char call_trace[16];           /* "off" | "running" */
	char claimed[20], last_seen[20];
	int online;                    /* reported within Gateway.OfflineSeconds (default 90) */
	int update_available;          /* available_version differs from version */
};
/* The account's gateway: 1, 0 none, -1 error. */
int gateway_find(db *d, const char *account_id, struct gateway *out);
/* The gateway a credential (kind gateway) belongs to: 1, 0 none, -1 error. */
int gateway_find_by_credential(db *d, long long credential_id, struct gateway *out);
/* Its latest log lines and call trace text as it reported them (malloc'd,
 * "" when none; the caller frees). 0 or -1. */
int gateway_texts(db *d, const char *account_id, char **logs, char **trace);

/* GET /api/v1/gateways/self/config: the site and ethernet settings, the
 * update schedule and the commands waiting for it (marked sent). Its own
 * transaction. The document, or NULL on error. */
json_t *gateway_config_for(db *d, const struct gateway *g);
/* PUT /api/v1/gateways/self/status: records what it reports (version,
 * kind, platform, address, relay, logs, call trace text and state
 * ("running" | "off"; NULL keeps it), the results of its
 * commands as [{id, ok, message}]), its last_seen time, and the first
 * report of a new gateway moves onboarding to Configure gateway. Its own
 * transaction. 0, or -1. */
int gateway_status_record(db *d, const struct gateway *g, const struct gateway_report *rep, const char *logs,
			  const char *trace, const char *trace_state, json_t *command_results, json_t *pbx_report);

/* The Gateway support page's commands (ch2 §6), queued for the gateway's
 * next poll, with an event (asset Gateway). kind: "update_schedule"
 * (payload {"schedule": "sun 02:00"}), "update_now", "reboot",
 * "call_trace_start" ({"seconds": n}), "call_trace_stop", "factory_reset".
 * Inside the caller's transaction. The command id; 0 when the account has
 * no gateway or kind is unknown; -1 error. */
long long gateway_command_queue(db *d, const struct actor *who, const char *account_id, const char *kind,
				json_t *payload);
/* A command's state: "queued", "sent", "done", "failed" (with result text). 1, 0, -1. */
int gateway_command_state(db *d, const char *account_id, long long id, char state[16], char result[513]);

/* ---- onboarding ---- */

/* The integration was added (integrations panel): the account's onboarding
 * starts at No gateway detected unless it has a row already. Inside the
 * caller's transaction. 0, or -1. */
int gateway_onboarding_start(db *d, const struct actor *who, const char *account_id);

/* Gateway Information (the Gateway tab): site name and address, and Port
 * 1's DHCP or static settings. */
struct gateway_site {
	const char *site_name, *address, *city, *country, *province, *postal_code;
};
struct gateway_eth {
	int dhcp;                      /* 1: DHCP; else the static settings below */
	const char *ip_address, *subnet_mask, *default_gateway;
	const char *dns[3];            /* 1 to 3 servers; NULL or "" past the last */
};
/* Checks (ch3 §2.2 ▶): required fields; static IPv4 settings: dotted quads,
 * a contiguous mask, the default gateway inside the subnet (and not the
 * address itself), 1-3 DNS servers. bad(ctx, field, reason) per bad field
 * ("site_name", "city", "country", "province", "postal_code", "ip_address",
 * "subnet_mask", "default_gateway", "dns"; reasons "required", "too_long",
 * "invalid", "outside_subnet"). Returns the number of bad fields. */
int gateway_site_check(const struct gateway_site *s, const struct gateway_eth *e,
		       void (*bad)(void *ctx, const char *field, const char *reason), void *ctx);
int ipv4_parse(const char *s, unsigned *out);               /* 1 when a dotted quad */

/* The Gateway tab's Next (toast "Successfully updated site"): saves them
 * for the gateway's next config poll and moves onboarding on to Add PBX
 * (Sync PBX on an SMBC blade). Inside the caller's transaction. 1 done, 0
 * refused (no gateway has checked in yet), -1 error. */
int gateway_site_save(db *d, const struct actor *who, const char *account_id, const struct gateway_site *s,
		      const struct gateway_eth *e);

/* The Deployment tab's Complete: onboarding is complete and the account's
 * PBX Type is set. 1 done, 0 refused (the PBX is not connected yet), -1 error. */
int gateway_onboarding_complete(db *d, const struct actor *who, const char *account_id);

/* The status line (integrations panel, partner dashboard), ch3 §2.3. */
struct onboarding_status {
	enum onboarding_step step;     /* STEP_NONE: not added */
	const char *text;              /* onboarding_step_text(step) */
	/* overlays, "" when none: error in red (gateway unreachable, the PBX
	 * link failing), warning (email irregularities), alert (update) */
	char error[513];
	char warning[256];
	char alert[128];
	long long pbx_link_id;
};
int gateway_onboarding_status(db *d, const char *account_id, struct onboarding_status *out);   /* 0 or -1 */

/* Removing the integration (ch3 §2.6): a factory reset is queued for the
 * gateway, its credential revoked, the PBX links deleted (their users stay,
 * unlinked: pbx_user 0), the onboarding row deleted and the account's PBX
 * Type cleared, with events. Inside the caller's transaction. 0 or -1. */
int gateway_integration_remove(db *d, const struct actor *who, const char *account_id);
#endif
