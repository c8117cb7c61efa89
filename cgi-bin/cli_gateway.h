#ifndef SB_CLI_GATEWAY_H
#define SB_CLI_GATEWAY_H
/* console gateway ACTION: the CloudLink Gateway onboarding steps from the
 * command line (claim, site, pbx, connect, sync-now, schedule, complete,
 * command, status), through the same lib/ functions as the wizard, for
 * operators, the demo data (scripts/demo-gateway) and the tests. */
int cli_gateway(int argc, char **argv);
#endif
