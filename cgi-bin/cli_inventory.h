#ifndef SB_CLI_INVENTORY_H
#define SB_CLI_INVENTORY_H
/* console inventory-link-code --account ID: a link code for a CloudLink
 * Daemon (what Link a platform makes in the console), printed once; used
 * by scripts/run to link the demo sites of daemon-sim. */
int cli_inventory_link_code(int argc, char **argv);
#endif
