#include "cgi-bin/cli_inventory.h"
#include "lib/core/validate.h"
#include "lib/inventory.h"

#include <getopt.h>
#include <stdio.h>

struct link_code_call {
	db *d;
	const char *account;
	char code[LINK_CODE_SIZE], expires[20];
};

/* The code and its event: one db_tx (ARCHITECTURE §10). */
static int create_code(void *ctx)
{
	static const struct actor cli = {0, "Command line", ""};
	struct link_code_call *c = ctx;
	return inventory_link_code_create(c->d, &cli, c->account, c->code, c->expires);
}

int cli_inventory_link_code(int argc, char **argv)
{
	static const struct option opts[] = {
		{"account", required_argument, NULL, 'a'},
		{NULL, 0, NULL, 0},
	};
	const char *account = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'a')
			account = optarg;
		else
			return 1;
	}
	if (!account || !valid_uuid(account)) {
		fprintf(stderr, "usage: console -c CONFIG inventory-link-code --account ID\n");
		return 1;
	}
	db *d = db_open();
	if (!d) {
		fprintf(stderr, "inventory-link-code: cannot connect to the database\n");
		return 1;
	}
	struct link_code_call call = {.d = d, .account = account};
	int rc = 1;
	if (inventory_account_linkable(d, account) != 1)
		fprintf(stderr, "inventory-link-code: no active customer account %s\n", account);
	else if (db_tx(d, create_code, &call) != 0)
		fprintf(stderr, "inventory-link-code: %s\n", db_error(d));
	else {
		printf("%s\n", call.code);
		rc = 0;
	}
	db_close(d);
	return rc;
}
