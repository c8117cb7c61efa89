#include "cgi-bin/cli_orders.h"
#include "lib/core/validate.h"
#include "lib/orders.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const struct actor cli_actor = {0, "Command line", ""};

struct set_call {
	db *d;
	const struct actor *who;
	const char *partner_id, *billing_id;
	int result;
};

/* The billing id and its event, in one transaction. */
static int set_billing(void *ctx)
{
	struct set_call *c = ctx;
	c->result = partner_set_billing_id(c->d, c->partner_id, c->billing_id);
	if (c->result != 1)
		return c->result == -1 ? -1 : 1;
	json_t *core = json_pack("{s:{s:s}}", "billingId", "to", c->billing_id);
	int rc = core ? audit_event(c->d, c->partner_id, c->who, "account.update", "account", c->partner_id, "", core) : -1;
	json_decref(core);
	return rc;
}

int cli_billing_id(int argc, char **argv)
{
	static const struct option opts[] = {
		{"partner", required_argument, NULL, 'p'},
		{"billing-id", required_argument, NULL, 'b'},
		{NULL, 0, NULL, 0},
	};
	const char *partner = NULL, *billing = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'p')
			partner = optarg;
		else if (c == 'b')
			billing = optarg;
		else
			return 1;
	}
	if (!partner || !valid_uuid(partner) || !billing || strlen(billing) > 64 || !valid_line(billing, 0)) {
		fprintf(stderr, "usage: console -c CONFIG billing-id --partner ID --billing-id BID (\"\" to remove it)\n");
		return 1;
	}
	db *d = db_open();
	if (!d) {
		fprintf(stderr, "billing-id: cannot connect to the database\n");
		return 1;
	}
	struct set_call call = {d, &cli_actor, partner, billing, 0};
	int rc = db_tx(d, set_billing, &call);
	if (rc < 0)
		fprintf(stderr, "billing-id: %s\n", db_error(d));
	else if (call.result == 0)
		fprintf(stderr, "billing-id: no such partner account\n");
	else if (call.result == -2)
		fprintf(stderr, "billing-id: another partner has that billing id\n");
	db_close(d);
	return rc == 0 ? 0 : 1;
}

int demo_billing(db *d, const char *partner_id, const struct actor *who)
{
	int has = partner_has_billing(d, partner_id);
	if (has != 0)
		return has < 0 ? -1 : 0;
	struct set_call call = {d, who, partner_id, DEMO_BILLING_ID, 0};
	return db_tx(d, set_billing, &call) == 0 ? 0 : -1;
}
