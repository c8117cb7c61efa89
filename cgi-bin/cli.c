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

struct new_partner {
	db *d;
	const char *name;
	struct user_fields admin;
	char id[UUID_LEN];
	long long admin_id;
};

static int create_partner(void *ctx)
{
	struct new_partner *p = ctx;
	return partner_insert(p->d, &cli_actor, p->name, &p->admin, p->id, &p->admin_id);
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
	struct new_partner p = {.d = d, .name = name, .admin = {.name = name, .email = email, .password = password}};
	int rc = db_tx(d, create_partner, &p);
	if (rc != 0)
		fprintf(stderr, "create-partner: %s\n", db_error(d));
	else
		printf("%s\n", p.id);
	db_close(d);
	return rc ? 1 : 0;
}
