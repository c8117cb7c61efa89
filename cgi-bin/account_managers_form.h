#ifndef SB_ACCOUNT_MANAGERS_FORM_H
#define SB_ACCOUNT_MANAGERS_FORM_H
/* What the Account Managers screens share (guide §2.15): the partner users
 * selected on them. */
#include "cgi-bin/request.h"

#define MANAGERS_SELECT_MAX 100
#define MANAGERS_IDS_TEXT (MANAGERS_SELECT_MAX * 21)

struct manager_selection {
	int n;
	long long ids[MANAGERS_SELECT_MAX];
	char ids_text[MANAGERS_IDS_TEXT];   /* "12,15": for FIND_IN_SET */
	char query[MANAGERS_IDS_TEXT * 2];  /* "users=12&users=15": for links */
};

/* Reads the "users" field: the partner account's users of role_key, the
 * signed-in user never among them (nobody acts on themselves), each once.
 * Publishes Selected.N.id/name/email and Selected.Query. Returns the count,
 * or -1 on a database error. */
int managers_read_selection(struct req *r, const char *role_key, struct manager_selection *s);

/* The actions of these screens, by their form value. */
enum managers_action { MANAGERS_NONE = 0, MANAGERS_CONVERT, MANAGERS_UPGRADE, MANAGERS_ASSIGN, MANAGERS_UNASSIGN };
enum managers_action managers_action_from(const char *value);
const char *managers_action_key(enum managers_action a);

/* After an action (?done=<action>&n=<count>), publishes Done.* for the
 * finished progress dialog: the work ran in one transaction, so the
 * dialog shows it complete. */
void managers_publish_done(struct req *r);
#endif
