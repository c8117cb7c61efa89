#ifndef SB_CLI_CREDENTIAL_H
#define SB_CLI_CREDENTIAL_H
/* console issue-credential: a machine credential for an outside system
 * (an ordering system's feed, a daemon, a gateway) set up by an operator. */
int cli_issue_credential(int argc, char **argv);
/* console revoke-credential: stops a partner's credential at once. */
int cli_revoke_credential(int argc, char **argv);
#endif
