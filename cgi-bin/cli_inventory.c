#include "cgi-bin/cli_inventory.h"
#include "lib/core/validate.h"
#include "lib/inventory.h"

#include <getopt.h>
#include <stdio.h>

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
	static const struct actor cli = {0, "Command line", ""};
	char code[LINK_CODE_SIZE], expires[20];
	int rc = 1;
	if (inventory_account_linkable(d, account) != 1)
		fprintf(stderr, "inventory-link-code: no active customer account %s\n", account);
	else if (db_begin(d) != 0 || inventory_link_code_create(d, &cli, account, code, expires) != 0 || db_commit(d) != 0) {
		fprintf(stderr, "inventory-link-code: %s\n", db_error(d));
		db_rollback(d);
	} else {
		printf("%s\n", code);
		rc = 0;
	}
	db_close(d);
	return rc;
}
