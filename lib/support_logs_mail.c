/* Mail to an account's support contacts about its support logs (guide
 * §2.9, §2.10): a new log, a change of status, and the reminders that go out
 * while a log stays Open (spec ch2 §5.4). Rows of the outbox, written in the
 * transaction that causes them; syncd renders and sends them
 * (syncd/support_mail.c). */
#include "lib/support_logs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int support_mail_kind(const char *kind)
{
	return strcmp(kind, SUPPORT_MAIL_NEW) == 0 || strcmp(kind, SUPPORT_MAIL_REMINDER) == 0 ||
	       strcmp(kind, SUPPORT_MAIL_STATUS) == 0;
}

int support_mail_enqueue(db *d, const char *account_id, long long id, const char *kind)
{
	long long n = db_exec(d,
		"INSERT INTO mail_outbox (account_id, user_id, kind, to_addr, support_log_id, next_attempt_at, created_at)"
		" SELECT DISTINCT c.account_id, NULL, ?, c.email, l.id, UTC_TIMESTAMP(), UTC_TIMESTAMP()"
		" FROM account_support_contacts c JOIN support_logs l ON l.account_id = c.account_id AND l.id = ?"
		" WHERE c.account_id = ?",
		"sis", kind, id, account_id);
	return n < 0 ? -1 : (int)n;
}

long support_reminder_steps(long overdue_seconds, long interval_seconds)
{
	if (interval_seconds <= 0)
		interval_seconds = 1;
	if (overdue_seconds < 0)
		return 1;
	return overdue_seconds / interval_seconds + 1;
}

#define REMINDER_BATCH 50

struct due {
	int n;
	long long id[REMINDER_BATCH];
	char account_id[REMINDER_BATCH][UUID_LEN];
	char title[REMINDER_BATCH][1024];
	long overdue[REMINDER_BATCH];
};

static int due_row(void *ctx, const struct db_row *row)
{
	struct due *u = ctx;
	if (u->n >= REMINDER_BATCH)
		return 0;
	u->id[u->n] = row_int(row, "id");
	row_copy(row, "account_id", u->account_id[u->n], UUID_LEN);
	row_copy(row, "title", u->title[u->n], sizeof u->title[0]);
	u->overdue[u->n] = (long)row_int(row, "overdue");
	u->n++;
	return 0;
}

/* One log's reminder: the mail, the event, the next one on the log's schedule. */
static int remind(db *d, const struct due *u, int i, long interval)
{
	long long move = (long long)support_reminder_steps(u->overdue[i], interval) * interval;
	if (db_exec(d,
		    "UPDATE support_logs SET last_reminder_at = UTC_TIMESTAMP(),"
		    " next_reminder_at = next_reminder_at + INTERVAL ? SECOND WHERE id = ? AND account_id = ?",
		    "iis", move, u->id[i], u->account_id[i]) != 1)
		return -1;
	int sent = support_mail_enqueue(d, u->account_id[i], u->id[i], SUPPORT_MAIL_REMINDER);
	if (sent < 0)
		return -1;
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", u->id[i]);
	json_t *details = json_pack("{s:i}", "recipients", sent);
	struct actor system = {0, "System", ""};
	int rc = details ? audit_event(d, u->account_id[i], &system, "support_log.reminder", "support_log", id_text,
				       u->title[i], details) : -1;
	json_decref(details);
	return rc;
}

struct reminders_call {
	db *d;
	long interval;
	int max;
	struct due u;
};

/* The due logs are claimed in the transaction that reminds them: another
 * syncd on this node skips them (SKIP LOCKED), one on another node that
 * picked the same logs loses certification at its commit, and db_tx runs
 * it again after its node applied the winner's moved next_reminder_at - so
 * those logs are no longer due and nobody is reminded twice. */
static int remind_batch(void *ctx)
{
	struct reminders_call *c = ctx;
	memset(&c->u, 0, sizeof c->u);
	if (db_each(c->d, due_row, &c->u,
		    "SELECT id, account_id, title, TIMESTAMPDIFF(SECOND, next_reminder_at, UTC_TIMESTAMP()) AS overdue"
		    " FROM support_logs WHERE next_reminder_at <= UTC_TIMESTAMP() AND state = 'open'"
		    " ORDER BY next_reminder_at LIMIT ? FOR UPDATE SKIP LOCKED", "i", (long long)c->max) < 0)
		return -1;
	for (int i = 0; i < c->u.n; i++)
		if (remind(c->d, &c->u, i, c->interval) != 0)
			return -1;
	return 0;
}

int support_reminders_send(db *d, int reminder_hours, int max)
{
	struct reminders_call *c = calloc(1, sizeof *c);
	if (!c)
		return -1;
	c->d = d;
	c->interval = (long)(reminder_hours > 0 ? reminder_hours : 24) * 3600;
	c->max = max > REMINDER_BATCH ? REMINDER_BATCH : max;
	int rc = db_tx(d, remind_batch, c);
	/* Lost certification every time: others are reminding these logs. */
	int n = rc == 0 ? c->u.n : db_errno(d) == DB_CONFLICT ? 0 : -1;
	free(c);
	return n;
}
