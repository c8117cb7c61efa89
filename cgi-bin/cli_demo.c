/* `console seed-demo` (run by `make run`): a partner that shows the product
 * — partner users, one of them an account manager with assigned accounts, a
 * custom role, customer accounts with users in every state, one of them
 * deactivated, notifications of real jobs and an unfinished import. Every
 * piece is made through the lib/ functions the screens use, with the same
 * events, by the demo users themselves. Idempotent: each piece is looked up
 * first and made only when it is missing. */
#include "cgi-bin/cli.h"
#include "cgi-bin/cli_integrations.h"
#include "cgi-bin/cli_orders.h"
#include "lib/accounts.h"
#include "lib/import/import.h"
#include "lib/jobs.h"
#include "lib/perm.h"
#include "lib/roles.h"
#include "lib/users.h"

#include <stdio.h>
#include <string.h>

#define DEMO_PASSWORD "switchboard-demo"
#define PARTNER_NAME "Demo Partner"

static const struct actor cli_actor = {0, "Command line", ""};

struct demo_user {
	const char *first, *last, *email, *ext, *role;
	int registered;             /* signs in with DEMO_PASSWORD; else waits for a welcome email */
	int welcome;                /* in the welcome job its account admin starts */
};

struct demo_account {
	struct account_fields f;
	const char *contact;
	const struct demo_user *users;
	size_t n_users;
	int deactivated;
};

static const struct demo_user partner_staff[] = {
	{"Pat", "Partner", "partner@demo.example.com", "", "partner_admin", 1, 0},
	{"Morgan", "Lee", "morgan.lee@demo.example.com", "", "partner_admin", 1, 0},
	{"Sam", "Rivera", "sam.rivera@demo.example.com", "", "partner_admin", 0, 0},
};
#define PAT 0
#define MORGAN 1

static const struct demo_user acme_users[] = {
	{"Ada", "Admin", "admin@acme.example.com", "100", "account_admin", 1, 0},
	{"Grace", "Hopper", "grace.hopper@acme.example.com", "101", "user", 1, 0},
	{"Alan", "Turing", "alan.turing@acme.example.com", "102", "user", 0, 1},
	{"Edsger", "Dijkstra", "edsger.dijkstra@acme.example.com", "103", "user", 0, 1},
	{"Barbara", "Liskov", "barbara.liskov@acme.example.com", "104", "account_admin", 0, 1},
	{"Ken", "Thompson", "ken.thompson@acme.example.com", "105", "user", 0, 0},
};
static const struct demo_user globex_users[] = {
	{"Hank", "Scorpio", "hank.scorpio@globex.example.com", "200", "account_admin", 1, 0},
	{"Frank", "Grimes", "frank.grimes@globex.example.com", "201", "user", 0, 0},
};
static const struct demo_user initech_users[] = {
	{"Bill", "Lumbergh", "bill.lumbergh@initech.example.com", "300", "account_admin", 0, 0},
	{"Peter", "Gibbons", "peter.gibbons@initech.example.com", "301", "user", 0, 0},
	{"Milton", "Waddams", "milton.waddams@initech.example.com", "302", "user", 0, 0},
};
static const struct demo_user umbrella_users[] = {
	{"Alice", "Abernathy", "alice@umbrella.example.com", "400", "account_admin", 0, 0},
};

#define USERS(a) a, sizeof a / sizeof a[0]
static const struct demo_account customers[] = {
	{{"Acme Corporation", "US", "NY", "350 Fifth Avenue", "New York", "10118", "en", "Enterprise"},
	 "helpdesk@acme.example.com", USERS(acme_users), 0},
	{{"Globex Industries", "CA", "ON", "100 King Street West", "Toronto", "M5X 1A9", "fr", "Small Business"},
	 "it@globex.example.com", USERS(globex_users), 0},
	{{"Initech", "GB", "", "1 Poultry", "London", "EC2R 8EJ", "en", "Other"},
	 "support@initech.example.com", USERS(initech_users), 0},
	{{"Umbrella Labs", "DE", "", "Friedrichstrasse 1", "Berlin", "10117", "de", "Healthcare"},
	 "it@umbrella.example.com", USERS(umbrella_users), 1},
};
#define ACME 0
#define GLOBEX 1

/* Rows of the unfinished import: two ready, one bad email, one user Acme has already. */
static const char import_sheet[] =
	"FIRST NAME,LAST NAME,EMAIL,ROLE\n"
	"Margaret,Hamilton,margaret.hamilton@acme.example.com,User\n"
	"Dennis,Ritchie,dennis.ritchie@acme.example.com,Account Admin\n"
	"Linus,Torvalds,linus.torvalds@,User\n"
	"Grace,Hopper,grace.hopper@acme.example.com,User\n";

struct demo {
	db *d;
	char partner[UUID_LEN];
	long long staff[sizeof partner_staff / sizeof partner_staff[0]];
	char account[sizeof customers / sizeof customers[0]][UUID_LEN];
	struct actor pat;            /* the partner administrator: most of the demo is theirs */
	long long ada_id;            /* Acme's registered admin */
};

static long long add_user(struct demo *m, const char *account_id, const struct actor *who, const struct demo_user *u)
{
	long long id = 0;
	int found = user_find_by_email(m->d, account_id, u->email, &id);
	if (found != 0)
		return found < 0 ? -1 : id;
	struct user_fields f = {
		.first_name = u->first, .last_name = u->last, .email = u->email, .extension = u->ext, .role = u->role,
		.password = u->registered ? DEMO_PASSWORD : NULL,
	};
	return user_insert(m->d, who, account_id, &f);
}

/* ---- the partner and its staff ---- */

static int create_partner(void *ctx)
{
	struct demo *m = ctx;
	const struct demo_user *u = &partner_staff[PAT];
	struct user_fields admin = {
		.first_name = u->first, .last_name = u->last, .email = u->email, .password = DEMO_PASSWORD,
	};
	return partner_insert(m->d, &cli_actor, PARTNER_NAME, &admin, m->partner, &m->staff[PAT]);
}

static int add_staff(void *ctx)
{
	struct demo *m = ctx;
	for (size_t i = 0; i < sizeof partner_staff / sizeof partner_staff[0]; i++)
		if ((m->staff[i] = add_user(m, m->partner, i == PAT ? &cli_actor : &m->pat, &partner_staff[i])) <= 0)
			return -1;
	return 0;
}

/* ---- customer accounts ---- */

struct customer_call {
	struct demo *m;
	size_t i;
};

/* One customer account by Pat, its support contacts and users; Acme's
 * admin then sends the welcome emails of some (a job with its notification). */
static int create_customer(void *ctx)
{
	struct customer_call *c = ctx;
	struct demo *m = c->m;
	const struct demo_account *a = &customers[c->i];
	char *id = m->account[c->i];
	char contacts[2][EMAIL_MAX + 1];
	snprintf(contacts[0], sizeof contacts[0], "%s", partner_staff[PAT].email);
	snprintf(contacts[1], sizeof contacts[1], "%s", a->contact);
	if (account_insert(m->d, &m->pat, m->partner, &a->f, id) != 0 || account_set_contacts(m->d, id, contacts, 2) != 0)
		return -1;
	long long welcome[8];
	int n = 0;
	for (size_t k = 0; k < a->n_users; k++) {
		long long uid = add_user(m, id, &m->pat, &a->users[k]);
		if (uid <= 0)
			return -1;
		if (a->users[k].welcome && n < 8)
			welcome[n++] = uid;
		if (c->i == ACME && k == 0)
			m->ada_id = uid;
	}
	if (n > 0) {
		struct actor ada = {m->ada_id, "Ada Admin", acme_users[0].email};
		long long job = jobs_enqueue(m->d, &ada, id, JOB_WELCOME, welcome, n);
		if (job < 0 || job_run_if_small(m->d, job) != 0)
			return -1;
	}
	if (a->deactivated) {
		if (account_set_status(m->d, m->partner, id, 0) != 1)
			return -1;
		json_t *details = json_pack("{s:{s:s,s:s}}", "status", "from", "active", "to", "deactivated");
		int rc = audit_event(m->d, id, &m->pat, "account.deactivate", "account", id, a->f.name, details);
		json_decref(details);
		return rc;
	}
	return 0;
}

/* An import Ada started and left in its preview: Import Users offers to resume it. */
static int start_import(struct demo *m)
{
	struct import_sheet sheet;
	memset(&sheet, 0, sizeof sheet);
	long long batch;
	int rc = import_parse("new-hires.csv", import_sheet, sizeof import_sheet - 1, &sheet) == IMPORT_FILE_OK
		 ? import_batch_create(m->d, m->account[ACME], m->ada_id, "new-hires.csv", &sheet, &batch)
		 : -1;
	import_sheet_free(&sheet);
	return rc;
}

static int add_customers(struct demo *m)
{
	for (size_t i = 0; i < sizeof customers / sizeof customers[0]; i++) {
		int found = account_find_by_name(m->d, m->partner, customers[i].f.name, m->account[i]);
		if (found < 0)
			return -1;
		if (found) {
			if (i == ACME && user_find_by_email(m->d, m->account[i], acme_users[0].email, &m->ada_id) < 0)
				return -1;
			continue;
		}
		struct customer_call c = {m, i};
		if (db_tx(m->d, create_customer, &c) != 0 || (i == ACME && start_import(m) != 0))
			return -1;
	}
	return 0;
}

/* ---- a custom role (guide §2.14) ---- */

/* Help Desk: an Account Admin who sees and edits users, but neither adds
 * nor deletes them, nor changes roles. Given to Acme. */
static int create_role(void *ctx)
{
	struct demo *m = ctx;
	unsigned sel[FEAT_COUNT];
	perm_selection_full(BASE_ADMIN, sel);
	sel[FEAT_USERS] = VERB_VIEW | VERB_EDIT;
	sel[FEAT_ROLES] = VERB_VIEW;
	perm_selection_clean(BASE_ADMIN, sel);
	char grants[GRANTS_TEXT_MAX + 1];
	perm_selection_format(BASE_ADMIN, sel, grants, sizeof grants);
	struct role_fields f = {
		.name = "Help Desk", .description = "Sees and edits users; adds and deletes none.", .base = BASE_ADMIN,
		.grants = grants,
	};
	long long id;
	int rc = roles_insert(m->d, m->partner, &f, m->pat.name, &id);
	if (rc != 0)
		return rc; /* 1: it exists already */
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", id);
	json_t *created = json_pack("{s:s,s:s,s:s}", "base", base_key(f.base), "permissions", f.grants, "description",
				    f.description);
	json_t *assigned = json_pack("{s:[s]}", "accounts", customers[ACME].f.name);
	rc = audit_event(m->d, m->partner, &m->pat, "role.create", "role", id_text, f.name, created) != 0 ||
	     role_assign(m->d, id, m->account[ACME]) < 0 ||
	     audit_event(m->d, m->partner, &m->pat, "role.assign", "role", id_text, f.name, assigned) != 0 ? -1 : 0;
	json_decref(created);
	json_decref(assigned);
	return rc;
}

/* ---- the account manager (guide §2.15): two jobs Pat starts ---- */

static int convert_manager(void *ctx)
{
	struct demo *m = ctx;
	struct user u;
	int found = users_find(m->d, m->partner, m->staff[MORGAN], 1, &u);
	if (found != 1)
		return -1;
	if (strcmp(u.role, "partner_admin") != 0)
		return 1; /* converted already */
	long long job = jobs_enqueue(m->d, &m->pat, m->partner, JOB_CONVERT, &m->staff[MORGAN], 1);
	return job < 0 ? -1 : job_run_if_small(m->d, job);
}

static int assign_manager(void *ctx)
{
	struct demo *m = ctx;
	struct account_reach morgan = {m->partner, m->partner, m->staff[MORGAN]};
	struct account_ref a;
	int reached = account_find_in_reach(m->d, &morgan, m->account[ACME], &a);
	if (reached != 0)
		return reached < 0 ? -1 : 1; /* assigned already */
	long long job = jobs_enqueue(m->d, &m->pat, m->partner, JOB_ASSIGN, &m->staff[MORGAN], 1);
	if (job < 0 || job_add_account(m->d, job, m->account[ACME]) != 0 ||
	    job_add_account(m->d, job, m->account[GLOBEX]) != 0)
		return -1;
	return job_run_if_small(m->d, job);
}

static int seed(struct demo *m)
{
	int found = account_find_by_name(m->d, NULL, PARTNER_NAME, m->partner);
	if (found < 0 || (!found && db_tx(m->d, create_partner, m) != 0))
		return -1;
	m->staff[PAT] = 0;
	if (user_find_by_email(m->d, m->partner, partner_staff[PAT].email, &m->staff[PAT]) != 1)
		return -1;
	m->pat = (struct actor){m->staff[PAT], "Pat Partner", partner_staff[PAT].email};
	if (db_tx(m->d, add_staff, m) != 0 || add_customers(m) != 0)
		return -1;
	/* Each of these says 1 when it was done before. */
	return db_tx(m->d, create_role, m) < 0 || db_tx(m->d, convert_manager, m) < 0 ||
	       db_tx(m->d, assign_manager, m) < 0 || demo_integrations(m->d, m->partner, &m->pat) != 0 ||
	       demo_billing(m->d, m->partner, &m->pat) != 0 ? -1 : 0;
}

int cli_seed_demo(void)
{
	struct demo m;
	memset(&m, 0, sizeof m);
	if (!(m.d = db_open())) {
		fprintf(stderr, "seed-demo: cannot connect to the database\n");
		return 1;
	}
	int rc = seed(&m);
	if (rc != 0)
		fprintf(stderr, "seed-demo: %s\n", db_error(m.d));
	db_close(m.d);
	if (rc != 0)
		return 1;
	printf("partner administrator:       %s / %s\n"
	       "account manager (Acme, Globex): %s / %s\n"
	       "account admin of Acme:       %s / %s\n"
	       "user of Acme:                %s / %s\n",
	       partner_staff[PAT].email, DEMO_PASSWORD, partner_staff[MORGAN].email, DEMO_PASSWORD, acme_users[0].email,
	       DEMO_PASSWORD, acme_users[1].email, DEMO_PASSWORD);
	return 0;
}
