#include "cgi-bin/cli_credential.h"
#include "lib/accounts.h"
#include "lib/credentials.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_issue_credential(int argc, char **argv)
{
	static const struct option opts[] = {
		{"partner", required_argument, NULL, 'p'},
		{"account", required_argument, NULL, 'a'},
		{"kind", required_argument, NULL, 'k'},
		{"label", required_argument, NULL, 'l'},
		{NULL, 0, NULL, 0},
	};
	const char *partner = NULL, *account = "", *kind_key = NULL, *label = "";
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'p')
			partner = optarg;
		else if (c == 'a')
			account = optarg;
		else if (c == 'k')
			kind_key = optarg;
		else if (c == 'l')
			label = optarg;
		else
			return 1;
	}
	int kind = kind_key ? credential_kind_from_key(kind_key) : 0;
	if (!partner || !valid_uuid(partner) || (*account && !valid_uuid(account)) || !kind || strlen(label) > 255 ||
	    (kind == CRED_SCIM && !*account)) {
		fprintf(stderr, "usage: console -c CONFIG issue-credential --partner ID --kind KIND [--account ID] [--label TEXT]\n"
				"kinds: billing-feed, app, gateway, inventory-daemon, app-report, scim (with --account)\n");
		return 1;
	}
	db *d = db_open();
	if (!d) {
		fprintf(stderr, "issue-credential: cannot connect to the database\n");
		return 1;
	}
	/* The account, when given, must be the partner's own or one of its customers. */
	struct account_reach reach = {.own_account_id = partner, .partner_id = partner};
	struct account_ref a;
	char token[TOKEN_HEX];
	long long id;
	int rc = 1;
	if (account_find_in_reach(d, &reach, partner, &a) != 1 || !a.is_partner ||
	    (*account && account_find_in_reach(d, &reach, account, &a) != 1))
		fprintf(stderr, "issue-credential: no such partner account, or the account is not one of its own\n");
	else if ((id = credential_issue(d, (enum credential_kind)kind, partner, account, 0, label, "Command line", 0, token)) < 0)
		fprintf(stderr, "issue-credential: %s\n", db_error(d));
	else {
		/* stdout carries the token alone, as scripts read it; the id, what
		 * revoke-credential takes, goes to the operator beside it */
		printf("%s\n", token);
		fflush(stdout);
		fprintf(stderr, "issue-credential: credential %lld issued; its token (above) is shown this once\n", id);
		rc = 0;
	}
	db_close(d);
	return rc;
}

/* One line of a tab-separated table: a tab or line break in a label
 * would break it, so those become spaces. */
static void print_field(const char *text, const char *none, char end)
{
	if (!*text)
		text = none;
	for (const char *p = text; *p; p++)
		putchar(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
	putchar(end);
}

static int print_credential(void *ctx, const struct credential_listing *c)
{
	printf("%lld\t", c->id);
	print_field(c->kind, "-", '\t');
	print_field(c->account_id, "all", '\t');
	print_field(c->label, "-", '\t');
	print_field(c->created_at, "-", '\t');
	print_field(c->last_used_at, "never", '\t');
	print_field(c->expires_at, "never", '\t');
	print_field(c->revoked_at, "-", '\n');
	return 0;
}

int cli_list_credentials(int argc, char **argv)
{
	static const struct option opts[] = {
		{"partner", required_argument, NULL, 'p'},
		{NULL, 0, NULL, 0},
	};
	const char *partner = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'p')
			partner = optarg;
		else
			return 1;
	}
	if (!partner || !valid_uuid(partner)) {
		fprintf(stderr, "usage: console -c CONFIG list-credentials --partner ID\n");
		return 1;
	}
	db *d = db_open();
	if (!d) {
		fprintf(stderr, "list-credentials: cannot connect to the database\n");
		return 1;
	}
	struct account_reach reach = {.own_account_id = partner, .partner_id = partner};
	struct account_ref a;
	int rc = 1;
	if (account_find_in_reach(d, &reach, partner, &a) != 1 || !a.is_partner)
		fprintf(stderr, "list-credentials: no such partner account\n");
	else {
		printf("id\tkind\taccount\tlabel\tcreated\tlast used\texpires\trevoked\n");
		if (credentials_each(d, partner, print_credential, NULL) < 0)
			fprintf(stderr, "list-credentials: %s\n", db_error(d));
		else
			rc = 0;
	}
	db_close(d);
	return rc;
}

int cli_revoke_credential(int argc, char **argv)
{
	static const struct option opts[] = {
		{"partner", required_argument, NULL, 'p'},
		{"id", required_argument, NULL, 'i'},
		{NULL, 0, NULL, 0},
	};
	const char *partner = NULL;
	long long id = 0;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'p')
			partner = optarg;
		else if (c == 'i')
			id = strtoll(optarg, NULL, 10);
		else
			return 1;
	}
	if (!partner || !valid_uuid(partner) || id <= 0) {
		fprintf(stderr, "usage: console -c CONFIG revoke-credential --partner ID --id CREDENTIAL_ID\n"
				"(list-credentials --partner ID lists them with their ids)\n");
		return 1;
	}
	db *d = db_open();
	if (!d) {
		fprintf(stderr, "revoke-credential: cannot connect to the database\n");
		return 1;
	}
	int rc = credential_revoke(d, partner, id, 0);
	if (rc < 0)
		fprintf(stderr, "revoke-credential: %s\n", db_error(d));
	else if (rc == 0)
		fprintf(stderr, "revoke-credential: the partner has no such live credential\n");
	db_close(d);
	return rc == 1 ? 0 : 1;
}
