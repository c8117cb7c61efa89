#ifndef SB_CLI_H
#define SB_CLI_H
/* Operator commands of bin/console. Each prints errors to stderr and
 * returns the exit status. */
int cli_migrate(void);
int cli_create_partner(int argc, char **argv);
int cli_seed_demo(void);
/* The demo's SCIM provisioning (cli_demo_scim.c); prints the Tenant URL and token. */
int cli_seed_demo_scim(void);
#endif
