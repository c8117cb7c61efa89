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
#include <ClearSilver.h>
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
/* The integration was added (Add Gateway, or the integrations panel's
 * add): gateway_onboarding_start with its event. Inside the caller's
 * transaction. 1 added, 0 it was added already, -1 error. */
int gateway_integration_add(db *d, const struct actor *who, const char *account_id);

/* The account's claim waiting for its gateway (Add Gateway's code was
 * entered, the gateway has not asked yet): 1 with its expiry time
 * ("YYYY-MM-DD HH:MM" UTC), 0 none, -1 error. */
int gateway_claim_pending(db *d, const char *account_id, char expires[20]);

/* Gateway Information as saved (the Gateway tab's defaults, the Overview). */
struct gateway_saved_site {
	char site_name[256], address[256], city[256], country[65], province[256], postal_code[33];
	int dhcp;
	char ip_address[16], subnet_mask[16], default_gateway[16];
	char dns[3][16];
	int n_dns;
};
/* 1 saved, 0 not yet, -1 error. */
int gateway_site_load(db *d, const char *account_id, struct gateway_saved_site *out);

/* The commands sent to the account's gateway, newest first, at most limit
 * (the Gateway support page). The number, or -1. */
struct gateway_command_row {
	long long id;
	const char *kind, *state, *result, *created_by, *created;   /* created: "YYYY-MM-DD HH:MM" UTC */
};
int gateway_commands_each(db *d, const char *account_id, int limit,
			  int (*fn)(void *ctx, const struct gateway_command_row *c), void *ctx);

/* ---- the status line: the integrations panel, the wizard, the partner
 * dashboard (ch3 §1.3, §2.3; ch2 §10.3) ---- */

/* What one account's line is made of. */
struct gateway_facts {
	enum onboarding_step step;     /* STEP_NONE: the integration was not added */
	int has_gateway;               /* a gateway is claimed */
	int seen;                      /* ... and has reported at least once */
	int online;                    /* ... within Gateway.OfflineSeconds */
	const char *last_seen;         /* "YYYY-MM-DD HH:MM:SS" UTC, "" never */
	int link_failing;
	const char *link_error;        /* the PBX link's last error in English words */
	const char *link_error_key;    /* ... and as its key and arguments (lib/stored_message.h), "" none */
	const char *link_error_args;
	const char *onboarding_error;
	long long no_email, dup_email;
	const char *version, *available_version;
};

/* A status line: what the integrations panel's row (ch3 §1.3) and the
 * partner dashboard's Status column (ch2 §10.3) show. */
struct gateway_status_line {
	enum onboarding_step step;     /* STEP_NONE: not added (nothing else is set) */
	const char *level;             /* "ok" (Onboarding Complete), "warn" (complete, with a warning),
					  "error" (an error overlay), "incomplete" (a step to do) */
	const char *text_key;          /* the text's lang key: pbx.steps.<step> (the next step), or
					  gateway.status.<problem> (unreachable, pbx_failing, error) */
	char detail[513];              /* words that follow the text: the PBX's or the onboarding's error; "" */
	char detail_key[41];           /* a PBX error's key and arguments (lib/stored_message.h): the detail in any language */
	char detail_args[1100];
	char since[20];                /* unreachable: the gateway's last report, "YYYY-MM-DD HH:MM:SS" UTC */
	char text[640];                /* the same in English: the CLI, logs, or a panel showing it word for word */
	const char *warning_key;       /* gateway.status.email_irregular, or NULL */
	const char *alert_key;         /* gateway.status.update_available, or NULL */
	const char *tab;               /* the wizard tab it leads to: "site", "pbx", "connect",
					  "deployment", "advanced" or "overview" (/a/:acct/integrations/gateway/<tab>) */
};
/* The line of those facts: an error overlay wins over the step (unreachable
 * gateway, then a failing PBX sync, then an onboarding error); a warning of
 * email irregularities and an alert of a software update go with any. Pure. */
void gateway_status_compose(const struct gateway_facts *f, struct gateway_status_line *out);
/* The account's line, in one query. 1 (added), 0 not added, -1 error. */
int gateway_status_line(db *d, const char *account_id, struct gateway_status_line *out);
/* The line's words in a language (lang: its templates/lang tree; language:
 * its code, for the date): its text, then since when the gateway is silent,
 * or the error's detail (a PBX sync's error in that language's words). */
void gateway_status_text(HDF *lang, const char *language, const struct gateway_status_line *l, char *out, size_t size);

/* ---- the partner dashboard (seed 001; ch2 §10) ---- */

enum gateway_portal_filter {
	PORTAL_ALL = 0,
	PORTAL_COMPLETE,               /* Onboarding Complete (the Status says Overview) */
	PORTAL_IN_PROGRESS,            /* added, not complete */
	PORTAL_ATTENTION,              /* an error overlay: unreachable, PBX sync failing, an onboarding error */
	PORTAL_NOT_STARTED,            /* the integration was not added */
};
struct gateway_portal_query {
	const char *partner_id;
	long long manager_id;          /* an account manager: only their assigned accounts; else 0 */
	const char *search;            /* "", or the start of the customer's name */
	enum gateway_portal_filter filter;
	long limit, offset;
};
struct gateway_portal_row {
	const char *account_id, *name;
	long long registered;          /* registered users (account_user_counts) */
	struct gateway_facts facts;
};
/* The partner's active customer accounts the query matches, by name, with
 * their onboarding facts, in one query. The number, or -1. */
int gateway_portal_each(db *d, const struct gateway_portal_query *q,
			int (*fn)(void *ctx, const struct gateway_portal_row *row), void *ctx);

/* ---- removing the integration (ch3 §2.6) as a job ---- */

/* Starts removing the account's gateway integration: a job (lib/jobs.h,
 * kind gateway_reset) over the account's PBX-synced users, each unlinked
 * (pbx_user_unlink), which at its end calls gateway_integration_remove; the
 * links' schedules stop at once. Its page's Close leads to return_to.
 * Inside the caller's transaction. The job id, 0 when the integration is
 * not added or its removal runs already, -1 error. */
long long gateway_removal_start(db *d, const struct actor *who, const char *account_id, const char *return_to);
/* The running removal job of the account: 1 (its id in *job_id), 0 none, -1 error. */
int gateway_removal_pending(db *d, const char *account_id, long long *job_id);
#endif
