#ifndef SB_CLI_H
#define SB_CLI_H
/* Operator commands of bin/console. Each prints errors to stderr and
 * returns the exit status. */
int cli_migrate(void);
int cli_create_partner(int argc, char **argv);
int cli_seed_demo(void);
#endif
