#include "cgi-bin/cli.h"
#include "lib/accounts.h"
#include "lib/core/config.h"
#include "lib/core/validate.h"
#include "lib/schema.h"

#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The actor of what the command line does, as the Event History and
 * MODIFIED ON (BY) name it: a name, since those show it in parentheses. */
static const struct actor cli_actor = {0, "Command line", ""};

/* schema.sql and migrations/ live beside bin/, unless the config says otherwise. */
static void repo_file(const char *name, char *out, size_t n)
{
	const char *dir = cfg_str("Schema.Dir", NULL);
	char exe[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (!dir && len > 0) {
		exe[len] = 0;
		char *bin = dirname(exe);      /* .../bin */
		snprintf(out, n, "%s/../%s", bin, name);
		return;
	}
	snprintf(out, n, "%s/%s", dir ? dir : ".", name);
}

static void print_applied(const char *name)
{
	printf("applied %s\n", name);
}

int cli_migrate(void)
{
	db *d = db_open();
	if (!d) {
		fprintf(stderr, "migrate: cannot connect to the database\n");
		return 1;
	}
	char schema[PATH_MAX + 256], dir[PATH_MAX];
	repo_file("schema.sql", schema, sizeof schema);
	repo_file("migrations", dir, sizeof dir);
	const char *failed = NULL;
	int rc = schema_migrate(d, schema, dir, print_applied, &failed);
	if (rc != 0)
		fprintf(stderr, "migrate: %s: %s\n", failed, db_error(d));
	db_close(d);
	return rc ? 1 : 0;
}

static int read_password_stdin(char *out, size_t n)
{
	if (!fgets(out, (int)n, stdin))
		return -1;
	out[strcspn(out, "\r\n")] = 0;
	return 0;
}

/* Creates a partner account with its first administrator, in one transaction. */
static int create_partner(db *d, const char *name, const char *email, const char *password, char id[UUID_LEN])
{
	struct account_fields af = {.name = name, .default_language = "en"};
	struct user_fields uf = {.name = name, .email = email, .role = "partner_admin", .password = password};
	if (db_begin(d) != 0)
		return -1;
	if (account_insert(d, &cli_actor, NULL, &af, id) != 0 || user_insert(d, &cli_actor, id, &uf) <= 0 ||
	    db_commit(d) != 0) {
		db_rollback(d);
		return -1;
	}
	return 0;
}

int cli_create_partner(int argc, char **argv)
{
	static const struct option opts[] = {
		{"name", required_argument, NULL, 'n'},
		{"email", required_argument, NULL, 'e'},
		{"password-stdin", no_argument, NULL, 'p'},
		{NULL, 0, NULL, 0},
	};
	const char *name = NULL, *email = NULL;
	int from_stdin = 0, c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'n')
			name = optarg;
		else if (c == 'e')
			email = optarg;
		else if (c == 'p')
			from_stdin = 1;
		else
			return 1;
	}
	if (!name || is_blank(name) || !valid_utf8(name) || utf8_length(name) > 255) {
		fprintf(stderr, "create-partner: --name is required (at most 255 characters)\n");
		return 1;
	}
	if (!email || !valid_email(email)) {
		fprintf(stderr, "create-partner: --email must be a valid email address\n");
		return 1;
	}
	if (!from_stdin) {
		fprintf(stderr, "create-partner: --password-stdin is required (the password is read from standard input)\n");
		return 1;
	}
	char password[256];
	if (read_password_stdin(password, sizeof password) != 0 || strlen(password) < 8) {
		fprintf(stderr, "create-partner: the password must have at least 8 characters\n");
		return 1;
	}
	db *d = db_open();
	if (!d) {
		fprintf(stderr, "create-partner: cannot connect to the database\n");
		return 1;
	}
	char id[UUID_LEN];
	int rc = create_partner(d, name, email, password, id);
	if (rc != 0)
		fprintf(stderr, "create-partner: %s\n", db_error(d));
	else
		printf("%s\n", id);
	db_close(d);
	return rc ? 1 : 0;
}

/* ---- demo data ---- */

#define DEMO_PASSWORD "switchboard-demo"

struct demo_user {
	const char *first, *last, *email, *ext, *role;
};

static const struct demo_user acme_users[] = {
	{"Ada", "Admin", "admin@acme.example.com", "100", "account_admin"},
	{"Grace", "Hopper", "grace.hopper@acme.example.com", "101", "user"},
	{"Alan", "Turing", "alan.turing@acme.example.com", "102", "user"},
	{"Edsger", "Dijkstra", "edsger.dijkstra@acme.example.com", "103", "user"},
	{"Barbara", "Liskov", "barbara.liskov@acme.example.com", "104", "account_admin"},
	{"Ken", "Thompson", "ken.thompson@acme.example.com", "105", "user"},
};

static int seed_customer(db *d, const char *partner_id, const char *name, const char *country, const char *city,
			 const struct demo_user *users, size_t n)
{
	char id[UUID_LEN];
	struct account_fields af = {
		.name = name, .country = country, .city = city, .address = "1 Main Street", .province = "",
		.postal_code = "10001", .default_language = "en", .business_type = "Enterprise",
	};
	char contacts[1][EMAIL_MAX + 1];
	snprintf(contacts[0], sizeof contacts[0], "support@%s.example.com", n ? "acme" : "globex");
	if (account_insert(d, &cli_actor, partner_id, &af, id) != 0 || account_set_contacts(d, id, contacts, 1) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct user_fields uf = {
			.first_name = users[i].first, .last_name = users[i].last, .email = users[i].email,
			.extension = users[i].ext, .role = users[i].role,
			/* The demo admins can sign in at once; registration by email comes later. */
			.password = strcmp(users[i].role, "account_admin") == 0 ? DEMO_PASSWORD : NULL,
		};
		if (user_insert(d, &cli_actor, id, &uf) <= 0)
			return -1;
	}
	return 0;
}

int cli_seed_demo(void)
{
	db *d = db_open();
	if (!d) {
		fprintf(stderr, "seed-demo: cannot connect to the database\n");
		return 1;
	}
	char existing[UUID_LEN] = "";
	int rc = account_find_by_name(d, NULL, "Demo Partner", existing) < 0 ? -1 : 0;
	if (rc == 0 && !*existing) {
		char partner[UUID_LEN];
		rc = create_partner(d, "Demo Partner", "partner@demo.example.com", DEMO_PASSWORD, partner);
		if (rc == 0 && db_begin(d) == 0) {
			if (seed_customer(d, partner, "Acme Corporation", "US", "New York", acme_users,
					  sizeof acme_users / sizeof acme_users[0]) != 0 ||
			    seed_customer(d, partner, "Globex Industries", "CA", "Toronto", NULL, 0) != 0 ||
			    seed_customer(d, partner, "Initech", "GB", "London", NULL, 0) != 0 || db_commit(d) != 0) {
				db_rollback(d);
				rc = -1;
			}
		}
		if (rc != 0)
			fprintf(stderr, "seed-demo: %s\n", db_error(d));
	}
	db_close(d);
	if (rc == 0)
		printf("partner:       partner@demo.example.com / %s\n"
		       "account admin: admin@acme.example.com / %s\n", DEMO_PASSWORD, DEMO_PASSWORD);
	return rc ? 1 : 0;
}
