/* bin/console: one binary, several subcommands (cgit-style dispatch). */
#include "cgi-bin/cli.h"
#include "cgi-bin/cli_credential.h"
#include "cgi-bin/cli_inventory.h"
#include "cgi-bin/cli_gateway.h"
#include "cgi-bin/cli_integrations.h"
#include "cgi-bin/cli_orders.h"
#include "cgi-bin/core/routes.h"
#include "cgi-bin/core/serve.h"
#include "lib/core/config.h"

#include <stdio.h>
#include <string.h>

static int usage(void)
{
	fprintf(stderr,
		"usage: console -c CONFIG COMMAND [options]\n"
		"commands:\n"
		"  serve                     run the FastCGI master and its workers\n"
		"  migrate                   create or bring the database schema up to date\n"
		"  create-partner --name NAME --email EMAIL --password-stdin\n"
		"                            create a partner account and its first administrator\n"
		"  seed-demo                 add the demo partner, accounts and users (idempotent)\n"
		"  seed-demo-scim            after seed-demo: Azure AD Sync keys for Contoso Ltd (printed: URL TOKEN FABRIKAM-ID)\n"
		"                            and a SCIM source for Fabrikam Inc\n"
		"  issue-credential --partner ID --kind KIND [--account ID] [--label TEXT]\n"
		"                            a machine credential for the /api/v1 front; prints its token once\n"
		"                            (and its id, on stderr)\n"
		"  list-credentials --partner ID\n"
		"                            the partner's machine credentials with their ids (tab-separated)\n"
		"  inventory-link-code --account ID\n"
		"                            a link code for a CloudLink Daemon (System Inventory); prints it once\n"
		"  gateway ACTION --account ID [options]\n"
		"                            CloudLink Gateway onboarding steps (claim, site, pbx, connect, sync-now, status, ...)\n"

		"  revoke-credential --partner ID --id CREDENTIAL_ID\n"
		"                            revokes a machine credential at once\n"
		"  add-subscription --partner ID --account ID --number N --product NAME [--plan NAME] [--plan-code CODE]\n"
		"                   [--quantity N] [--start YYYY-MM-DD] [--expiry YYYY-MM-DD]\n"
		"                            a subscription assigned to a customer account; prints its id\n"
		"  billing-id --partner ID --billing-id BID\n"
		"  order-feed --partner ID --source /FOLDER|URL\n"
		"  prime-partner --partner ID --prime yes|no\n"
		"                            the partner's billing account, which its published orders name (\"\" removes it)\n"
		"  routes                    print the route table as JSON (what the tests generated from it read)\n");
	return 1;
}

int main(int argc, char **argv)
{
	const char *config = NULL;
	int i = 1;
	if (i + 1 < argc && strcmp(argv[i], "-c") == 0) {
		config = argv[i + 1];
		i += 2;
	}
	if (!config || i >= argc)
		return usage();
	if (config_load(config) != 0) {
		fprintf(stderr, "console: cannot read config %s\n", config);
		return 1;
	}
	const char *cmd = argv[i];
	int sub_argc = argc - i;
	char **sub_argv = argv + i;
	if (strcmp(cmd, "serve") == 0)
		return serve_main();
	if (strcmp(cmd, "migrate") == 0)
		return cli_migrate();
	if (strcmp(cmd, "create-partner") == 0)
		return cli_create_partner(sub_argc, sub_argv);
	if (strcmp(cmd, "issue-credential") == 0)
		return cli_issue_credential(sub_argc, sub_argv);
	if (strcmp(cmd, "gateway") == 0)
		return cli_gateway(sub_argc, sub_argv);

	if (strcmp(cmd, "list-credentials") == 0)
		return cli_list_credentials(sub_argc, sub_argv);
	if (strcmp(cmd, "revoke-credential") == 0)
		return cli_revoke_credential(sub_argc, sub_argv);
	if (strcmp(cmd, "add-subscription") == 0)
		return cli_add_subscription(sub_argc, sub_argv);
	if (strcmp(cmd, "billing-id") == 0)
		return cli_billing_id(sub_argc, sub_argv);
	if (strcmp(cmd, "order-feed") == 0)
		return cli_order_feed(sub_argc, sub_argv);
	if (strcmp(cmd, "prime-partner") == 0)
		return cli_prime_partner(sub_argc, sub_argv);
	if (strcmp(cmd, "routes") == 0) {
		routes_print_json(stdout);
		return 0;
	}
	if (strcmp(cmd, "inventory-link-code") == 0)
		return cli_inventory_link_code(sub_argc, sub_argv);
	if (strcmp(cmd, "seed-demo") == 0)
		return cli_seed_demo();
	if (strcmp(cmd, "seed-demo-scim") == 0)
		return cli_seed_demo_scim();
	fprintf(stderr, "console: unknown command '%s'\n", cmd);
	return usage();
}
