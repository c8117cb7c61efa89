#ifndef SB_CLI_CREDENTIAL_H
#define SB_CLI_CREDENTIAL_H
/* console issue-credential: a machine credential for an outside system
 * (an ordering system's feed, a daemon, a gateway) set up by an operator. */
int cli_issue_credential(int argc, char **argv);
/* console list-credentials: a partner's credentials (never their tokens),
 * newest first, as a tab-separated table with a header line: id, kind,
 * account ("all": partner-wide), label, created, last used, expires,
 * revoked (times UTC). The ids are what revoke-credential takes. */
int cli_list_credentials(int argc, char **argv);
/* console revoke-credential: stops a partner's credential at once. */
int cli_revoke_credential(int argc, char **argv);
#endif
