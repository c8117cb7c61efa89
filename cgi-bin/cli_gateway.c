#include "cgi-bin/cli_gateway.h"
#include "lib/accounts.h"
#include "lib/core/config.h"
#include "lib/gateways.h"
#include "lib/pbx_links.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct actor cli_actor = {0, "Command line", ""};

struct opts {
	const char *account, *code, *type, *name, *host, *port, *username, *kind;
	const char *site_name, *address, *city, *country, *province, *postal_code, *minutes, *mbg_host;
	int password_stdin;
};

static int usage(void)
{
	fprintf(stderr,
		"usage: console -c CONFIG gateway ACTION --account ID [options]\n"
		"  claim --code CODE            Add Gateway: the code the gateway shows\n"
		"  site --site-name NAME --city C --country CC --province P --postal-code Z [--address A]\n"
		"                               Gateway Information with DHCP on Port 1\n"
		"  pbx --type TYPE --name N --host H --port P --username U --password-stdin\n"
		"                               Configure PBX (types: mivb, mivo400, miv5000, mxone, mivo250);\n"
		"                               MiVoice Business also --mbg-host H, its password on the second line\n"
		"  connect | sync-now           queue the link's first sync / a sync now\n"
		"  schedule --minutes N         PBX Sync Schedule (in minutes)\n"
		"  complete                     Deployment's Complete\n"
		"  command --kind KIND          queue a command for the gateway (reboot, update_now, ...)\n"
		"  status                       the onboarding status and the link, as JSON\n");
	return 1;
}

static void bad_field(void *ctx, const char *field, const char *reason)
{
	fprintf(stderr, "gateway: %s: %s\n", field, reason);
}

struct change_call {
	db *d;
	int (*rc_of)(db *d, const struct opts *o, const char **why);
	const struct opts *o;
	const char *why;
};

#define CHANGE_REFUSED 1

static int change(void *ctx)
{
	struct change_call *c = ctx;
	c->why = "refused";
	int rc = c->rc_of(c->d, c->o, &c->why);
	return rc == 1 ? 0 : rc == 0 ? CHANGE_REFUSED : -1;
}

/* Runs one change in a transaction (db_tx); prints why it was refused. */
static int in_tx(db *d, int rc_of(db *d, const struct opts *o, const char **why), const struct opts *o)
{
	struct change_call c = {d, rc_of, o, "refused"};
	int rc = db_tx(d, change, &c);
	if (rc == 0)
		return 0;
	fprintf(stderr, "gateway: %s\n", rc == CHANGE_REFUSED ? c.why : db_error(d));
	return 1;
}

static int do_claim(db *d, const struct opts *o, const char **why)
{
	return gateway_claim_enter(d, &cli_actor, o->account, o->code ? o->code : "", why);
}

static int do_site(db *d, const struct opts *o, const char **why)
{
	struct gateway_site s = {o->site_name, o->address, o->city, o->country, o->province, o->postal_code};
	struct gateway_eth e = {.dhcp = 1};
	*why = "invalid Gateway Information";
	if (gateway_site_check(&s, &e, bad_field, NULL) != 0)
		return 0;
	*why = "no gateway has checked in for this account yet";
	return gateway_site_save(d, &cli_actor, o->account, &s, &e);
}

static int do_pbx(db *d, const struct opts *o, const char **why)
{
	char password[256] = "", mbg_password[256] = "";
	if (o->password_stdin && fgets(password, sizeof password, stdin))
		password[strcspn(password, "\r\n")] = 0;
	if (o->password_stdin && o->mbg_host && fgets(mbg_password, sizeof mbg_password, stdin))
		mbg_password[strcspn(mbg_password, "\r\n")] = 0;
	struct pbx_link_fields f = {o->type, o->name, o->host, o->port, o->username, password,
				    o->mbg_host ? o->mbg_host : "", mbg_password, "", ""};
	*why = "invalid PBX fields";
	int rc = 0;
	if (pbx_link_check(&f, bad_field, NULL) == 0) {
		*why = "the account has no claimed gateway";
		long long id = pbx_link_create(d, &cli_actor, o->account, &f, cfg_str("Crypto.Key", ""));
		rc = id > 0 ? 1 : id < 0 ? -1 : 0;
		if (id > 0)
			printf("%lld\n", id);
	}
	explicit_bzero(password, sizeof password);
	explicit_bzero(mbg_password, sizeof mbg_password);
	return rc;
}

static long long link_of(db *d, const char *account)
{
	struct pbx_link l;
	return pbx_link_find(d, account, 0, &l) == 1 ? l.id : 0;
}

static int do_connect(db *d, const struct opts *o, const char **why)
{
	*why = "no PBX link, or a sync of it is queued or running";
	return pbx_link_connect(d, &cli_actor, o->account, link_of(d, o->account));
}

static int do_sync_now(db *d, const struct opts *o, const char **why)
{
	*why = "no PBX link, or a sync of it is queued or running";
	return pbx_link_sync_now(d, &cli_actor, o->account, link_of(d, o->account));
}

static int do_schedule(db *d, const struct opts *o, const char **why)
{
	*why = "no PBX link, minutes out of range, or an SMBC blade (fixed schedule)";
	return pbx_link_set_schedule(d, &cli_actor, o->account, link_of(d, o->account), o->minutes ? atoi(o->minutes) : 0);
}

static int do_complete(db *d, const struct opts *o, const char **why)
{
	*why = "the PBX is not connected yet";
	return gateway_onboarding_complete(d, &cli_actor, o->account);
}

static int do_command(db *d, const struct opts *o, const char **why)
{
	*why = "no gateway, or an unknown command";
	long long id = gateway_command_queue(d, &cli_actor, o->account, o->kind, NULL);
	if (id > 0)
		printf("%lld\n", id);
	return id > 0 ? 1 : id < 0 ? -1 : 0;
}

static int print_status(db *d, const char *account)
{
	struct onboarding_status s;
	struct gateway g;
	struct pbx_link l;
	int has_g, has_l;
	if (gateway_onboarding_status(d, account, &s) != 0 || (has_g = gateway_find(d, account, &g)) < 0 ||
	    (has_l = pbx_link_find(d, account, 0, &l)) < 0) {
		fprintf(stderr, "gateway: %s\n", db_error(d));
		return 1;
	}
	json_t *doc = json_pack("{s:s,s:s,s:s,s:s,s:s}", "step", onboarding_step_key(s.step), "text", s.text ? s.text : "",
				"error", s.error, "warning", s.warning, "alert", s.alert);
	if (has_g)
		json_object_set_new(doc, "gateway", json_pack("{s:I,s:s,s:s,s:s,s:s,s:b,s:s}", "id", (json_int_t)g.id, "kind",
							      g.kind, "platform", g.platform, "version", g.version,
							      "lastSeen", g.last_seen, "online", g.online, "ip", g.ip_address));
	json_t *result = has_l ? json_loads(l.last_result, 0, NULL) : NULL;
	if (has_l)
		json_object_set_new(doc, "link", json_pack("{s:I,s:s,s:s,s:b,s:b,s:b,s:b,s:s,s:s,s:s,s:s,s:i,s:i,s:i,s:i,s:i,s:o}",
			"id", (json_int_t)l.id, "type", l.pbx_type, "name", l.name, "connected", l.connected, "failing",
			l.failing, "queued", l.queued, "running", l.running, "lastAttempt", l.last_attempt, "lastSuccess",
			l.last_success, "lastError", l.last_error, "lastErrorCode", l.last_error_key, "users", l.users_count, "dids", l.dids_count, "noEmail",
			l.no_email_count, "dupEmail", l.dup_email_count, "syncs", l.syncs, "lastResult",
			result ? result : json_object()));
	json_dumpf(doc, stdout, JSON_COMPACT);
	printf("\n");
	json_decref(doc);
	return 0;
}

int cli_gateway(int argc, char **argv)
{
	static const struct option options[] = {
		{"account", required_argument, NULL, 'a'}, {"code", required_argument, NULL, 'c'},
		{"type", required_argument, NULL, 't'}, {"name", required_argument, NULL, 'n'},
		{"host", required_argument, NULL, 'h'}, {"port", required_argument, NULL, 'p'},
		{"username", required_argument, NULL, 'u'}, {"password-stdin", no_argument, NULL, 'w'},
		{"kind", required_argument, NULL, 'k'}, {"site-name", required_argument, NULL, 's'},
		{"address", required_argument, NULL, 'A'}, {"city", required_argument, NULL, 'C'},
		{"country", required_argument, NULL, 'K'}, {"province", required_argument, NULL, 'P'},
		{"postal-code", required_argument, NULL, 'Z'}, {"minutes", required_argument, NULL, 'm'},
		{"mbg-host", required_argument, NULL, 'M'},
		{NULL, 0, NULL, 0},
	};
	if (argc < 2)
		return usage();
	const char *action = argv[1];
	struct opts o = {0};
	int c;
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, "", options, NULL)) != -1) {
		switch (c) {
		case 'a': o.account = optarg; break;
		case 'c': o.code = optarg; break;
		case 't': o.type = optarg; break;
		case 'n': o.name = optarg; break;
		case 'h': o.host = optarg; break;
		case 'p': o.port = optarg; break;
		case 'u': o.username = optarg; break;
		case 'w': o.password_stdin = 1; break;
		case 'k': o.kind = optarg; break;
		case 's': o.site_name = optarg; break;
		case 'A': o.address = optarg; break;
		case 'C': o.city = optarg; break;
		case 'K': o.country = optarg; break;
		case 'P': o.province = optarg; break;
		case 'Z': o.postal_code = optarg; break;
		case 'm': o.minutes = optarg; break;
		case 'M': o.mbg_host = optarg; break;
		default: return usage();
		}
	}
	if (!o.account || !valid_uuid(o.account))
		return usage();
	db *d = db_open();
	if (!d) {
		fprintf(stderr, "gateway: cannot connect to the database\n");
		return 1;
	}
	struct account_reach reach = {.own_account_id = o.account, .partner_id = ""};
	struct account_ref a;
	int rc = 1;
	if (account_find_in_reach(d, &reach, o.account, &a) != 1 || a.is_partner)
		fprintf(stderr, "gateway: no such customer account\n");
	else if (strcmp(action, "status") == 0)
		rc = print_status(d, o.account);
	else if (strcmp(action, "claim") == 0)
		rc = in_tx(d, do_claim, &o);
	else if (strcmp(action, "site") == 0)
		rc = in_tx(d, do_site, &o);
	else if (strcmp(action, "pbx") == 0)
		rc = in_tx(d, do_pbx, &o);
	else if (strcmp(action, "connect") == 0)
		rc = in_tx(d, do_connect, &o);
	else if (strcmp(action, "sync-now") == 0)
		rc = in_tx(d, do_sync_now, &o);
	else if (strcmp(action, "schedule") == 0)
		rc = in_tx(d, do_schedule, &o);
	else if (strcmp(action, "complete") == 0)
		rc = in_tx(d, do_complete, &o);
	else if (strcmp(action, "command") == 0)
		rc = in_tx(d, do_command, &o);
	else
		rc = usage();
	db_close(d);
	return rc;
}
