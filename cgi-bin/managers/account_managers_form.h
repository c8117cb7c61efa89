#ifndef SB_ACCOUNT_MANAGERS_FORM_H
#define SB_ACCOUNT_MANAGERS_FORM_H
/* What the Account Managers screens share (guide §2.15): the partner users
 * selected on them, the actions, and starting an action as a job. */
#include "cgi-bin/core/request.h"
#include "lib/managers.h"

#define MANAGERS_SELECT_MAX 100
#define MANAGERS_IDS_TEXT (MANAGERS_SELECT_MAX * 21)

struct manager_selection {
	int n;
	int self;                           /* the signed-in user was submitted too */
	long long ids[MANAGERS_SELECT_MAX];
	char ids_text[MANAGERS_IDS_TEXT];   /* "12,15": lib/managers.h's manager_ids */
	char query[MANAGERS_IDS_TEXT * 2];  /* "users=12&users=15": for links */
};

/* Reads the "users" field: the partner account's users of role_key, the
 * signed-in user never among them (nobody acts on themselves: when they
 * were submitted, self is set and Selected.Self published), each once.
 * Publishes Selected.N.id/name/email, Selected.Count and Selected.Query.
 * Returns the count, or -1 on a database error. */
int managers_read_selection(struct req *r, const char *role_key, struct manager_selection *s);

/* The actions of these screens, by their form value (also their job kinds' keys). */
enum managers_action { MANAGERS_NONE = 0, MANAGERS_CONVERT, MANAGERS_UPGRADE, MANAGERS_ASSIGN, MANAGERS_UNASSIGN };
enum managers_action managers_action_from(const char *value);

/* The confirmation page's title, body and action for a (Confirm.*);
 * screen is the lang section of the page's text. */
void managers_publish_confirm(struct req *r, const char *screen, enum managers_action a);
/* Nothing to confirm: the message (a lang key) instead of the button,
 * with status 422. */
void managers_refuse(struct req *r, const char *lang_key);

/* Starts a confirmed action as a job (lib/jobs.h) over the selection, and
 * for assign and unassign the accounts (n of them, the partner's customer
 * accounts), in one transaction. As on the Users Manage panel, a job of a
 * few items is done at once, anything more by syncd. The signed-in user,
 * when submitted, is an item the job skips with its reason. back is the
 * page the action was started from, where the job page's Close returns.
 * Returns the job's id, or -1 (nothing kept). */
long long managers_run_job(struct req *r, enum managers_action a, const struct manager_selection *s,
			   const char *const *accounts, int n, const char *back);
#endif
