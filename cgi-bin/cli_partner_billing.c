/* Operator settings of a partner's billing (ch2 §3.7, §4.1): its order file
 * feed and the Prime Partner flag, each with its event in the partner's
 * history, in one transaction. */
#include "cgi-bin/cli_orders.h"
#include "lib/core/validate.h"
#include "lib/order_feed.h"
#include "lib/orders.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const struct actor cli_actor = {0, "Command line", ""};

struct setting {
	db *d;
	const char *partner_id;
	const char *property, *value;      /* the event's change */
	int (*set)(db *d, const struct setting *s);
	int result;
};

static int set_order_feed(db *d, const struct setting *s) { return order_feed_set(d, s->partner_id, s->value); }
static int set_prime(db *d, const struct setting *s)
{
	return partner_set_prime(d, s->partner_id, strcmp(s->value, "true") == 0);
}

static int apply(void *ctx)
{
	struct setting *s = ctx;
	s->result = s->set(s->d, s);
	if (s->result != 1)
		return s->result < 0 ? -1 : 1;
	json_t *core = json_pack("{s:{s:s}}", s->property, "to", s->value);
	int rc = core ? audit_event(s->d, s->partner_id, &cli_actor, "account.update", "account", s->partner_id, "", core) : -1;
	json_decref(core);
	return rc;
}

static int run(const char *cmd, struct setting *s)
{
	db *d = db_open();
	if (!d) {
		fprintf(stderr, "%s: cannot connect to the database\n", cmd);
		return 1;
	}
	s->d = d;
	int rc = db_tx(d, apply, s);
	if (rc < 0)
		fprintf(stderr, "%s: %s\n", cmd, db_error(d));
	else if (s->result == 0)
		fprintf(stderr, "%s: no such partner account\n", cmd);
	db_close(d);
	return rc == 0 ? 0 : 1;
}

/* --partner ID and one more option (its value in *value): 0, or -1. */
static int read_options(int argc, char **argv, const char *name, const char **partner, const char **value)
{
	const struct option opts[] = {
		{"partner", required_argument, NULL, 'p'},
		{name, required_argument, NULL, 'v'},
		{NULL, 0, NULL, 0},
	};
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'p')
			*partner = optarg;
		else if (c == 'v')
			*value = optarg;
		else
			return -1;
	}
	return *partner && valid_uuid(*partner) && *value ? 0 : -1;
}

int cli_order_feed(int argc, char **argv)
{
	const char *partner = NULL, *source = NULL;
	if (read_options(argc, argv, "source", &partner, &source) != 0 || (*source && !order_feed_source_valid(source))) {
		fprintf(stderr, "usage: console -c CONFIG order-feed --partner ID --source /FOLDER|http(s)://INDEX-URL"
				" (\"\" to remove it)\n");
		return 1;
	}
	struct setting s = {NULL, partner, "orderFeed", source, set_order_feed, 0};
	return run("order-feed", &s);
}

int cli_prime_partner(int argc, char **argv)
{
	const char *partner = NULL, *prime = NULL;
	if (read_options(argc, argv, "prime", &partner, &prime) != 0 || (strcmp(prime, "yes") && strcmp(prime, "no"))) {
		fprintf(stderr, "usage: console -c CONFIG prime-partner --partner ID --prime yes|no\n");
		return 1;
	}
	struct setting s = {NULL, partner, "primePartner", strcmp(prime, "yes") == 0 ? "true" : "false", set_prime, 0};
	return run("prime-partner", &s);
}
