#include "cgi-bin/cli_integrations.h"
#include "lib/accounts.h"
#include "lib/subscriptions.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const struct actor cli_actor = {0, "Command line", ""};

struct add_call {
	db *d;
	const struct subscription_fields *f;
	const char *account_name;
	long long id;
};

/* The subscription and its event, in one transaction. */
static int add(void *ctx)
{
	struct add_call *c = ctx;
	c->id = subscription_insert(c->d, c->f);
	if (c->id <= 0)
		return c->id < 0 ? -1 : 1;
	json_t *details = json_pack("{s:s,s:s,s:s,s:i}", "subscriptionNumber", c->f->subscription_number, "product",
				    c->f->product, "plan", c->f->plan ? c->f->plan : "", "quantity", c->f->quantity);
	int rc = details ? audit_event(c->d, c->f->account_id, &cli_actor, "subscription.add", "subscription",
				       c->f->subscription_number, c->f->product, details) : -1;
	json_decref(details);
	return rc;
}

static int usage(void)
{
	fprintf(stderr, "usage: console -c CONFIG add-subscription --partner ID --account ID --number NUMBER --product NAME\n"
			"         [--plan NAME] [--plan-code CODE] [--quantity N] [--start YYYY-MM-DD] [--expiry YYYY-MM-DD]\n");
	return 1;
}

int cli_add_subscription(int argc, char **argv)
{
	static const struct option opts[] = {
		{"partner", required_argument, NULL, 'p'}, {"account", required_argument, NULL, 'a'},
		{"number", required_argument, NULL, 'n'}, {"product", required_argument, NULL, 'r'},
		{"plan", required_argument, NULL, 'l'}, {"plan-code", required_argument, NULL, 'c'},
		{"quantity", required_argument, NULL, 'q'}, {"start", required_argument, NULL, 's'},
		{"expiry", required_argument, NULL, 'e'}, {NULL, 0, NULL, 0},
	};
	char today[11];
	time_t now = time(NULL);
	strftime(today, sizeof today, "%Y-%m-%d", gmtime(&now));
	struct subscription_fields f = {.quantity = 1, .start_date = today};
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'p': f.partner_id = optarg; break;
		case 'a': f.account_id = optarg; break;
		case 'n': f.subscription_number = optarg; break;
		case 'r': f.product = optarg; break;
		case 'l': f.plan = optarg; break;
		case 'c': f.plan_code = optarg; break;
		case 'q': f.quantity = atoi(optarg); break;
		case 's': f.start_date = optarg; break;
		case 'e': f.expiry_date = optarg; break;
		default: return usage();
		}
	}
	const char *bad = subscription_fields_check(&f);
	if (bad) {
		fprintf(stderr, "add-subscription: %s is missing or not valid\n", bad);
		return usage();
	}
	db *d = db_open();
	if (!d) {
		fprintf(stderr, "add-subscription: cannot connect to the database\n");
		return 1;
	}
	/* The account must be a customer account of the partner. */
	struct account_reach reach = {.own_account_id = f.partner_id, .partner_id = f.partner_id};
	struct account_ref a;
	int rc = 1;
	if (account_find_in_reach(d, &reach, f.account_id, &a) != 1 || a.is_partner) {
		fprintf(stderr, "add-subscription: no such customer account of that partner\n");
	} else {
		struct add_call call = {d, &f, a.name, 0};
		int done = db_tx(d, add, &call);
		if (done == 1)
			fprintf(stderr, "add-subscription: the account has that subscription line already\n");
		else if (done != 0)
			fprintf(stderr, "add-subscription: %s\n", db_error(d));
		else {
			printf("%lld\n", call.id);
			rc = 0;
		}
	}
	db_close(d);
	return rc;
}
