#ifndef SB_ACCOUNT_SCOPE_H
#define SB_ACCOUNT_SCOPE_H
/* Internal to lib/: the condition every query listing, searching or
 * counting a partner's customer accounts adds (col: the account id column),
 * so that an account manager sees only the accounts assigned to them (guide
 * §2.15.1). Functions take the manager's user id (0 for anyone else), as
 * struct account_reach does; the console never sees SQL.
 *
 * A program literal chosen by who asks, rather than one condition for both
 * ("? = 0 OR col IN (...)"), which keeps MariaDB from using the
 * assignments' index: 10 times slower at 20,000 accounts. Either takes one
 * parameter ("i"): SCOPE_ARG(manager_id). */
#define SCOPE_MINE(col) " AND " col " IN (SELECT account_id FROM account_manager_accounts WHERE user_id = ?)"
#define SCOPE_ALL " AND ? > 0"
#define SCOPE_ASSIGNED(manager_id, col) ((manager_id) ? SCOPE_MINE(col) : SCOPE_ALL)
#define SCOPE_ARG(manager_id) ((manager_id) ? (manager_id) : 1LL)
#endif
