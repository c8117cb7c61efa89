#ifndef SB_SYNCD_H
#define SB_SYNCD_H
/* The ticks of syncd's main loop (main.c runs them in turn). Each tick does a bounded amount of work
 * and returns how much it did (0: nothing due), or -1 on a database error,
 * so the loop sleeps only when there is nothing to do. */
#include <ClearSilver.h>
#include "lib/core/db.h"
#include "lib/mail.h"

/* Claims one due job (or one whose holder's lease expired) and works
 * through it batch by batch while the lease is ours. */
int runner_tick(db *d);

/* Sends one batch of due mail over one SMTP connection. */
int mailer_tick(db *d);
void mailer_cleanup(void);

/* Reminds the support contacts of the support logs that stayed Open
 * (support_reminders.c), and purges expired app tokens now and then. */
int support_reminders_tick(db *d);

/* What filling a mail's data (Mail.*) came to: the mailer renders it,
 * drops the mail, or tries again later. */
enum { MAIL_FILLED, MAIL_DROPPED, MAIL_RETRY };
/* The data of a mail about a support log (support_mail.c). */
int support_mail_fill(db *d, const struct outbox_mail *m, HDF *h, char *error, size_t error_size);

/* Claims one due PBX link (scheduler.c) and syncs it. */
int scheduler_tick(db *d);

/* Drops commit marks older than a day (marks.c). */
int marks_tick(db *d);

/* Claims one due order file feed (order_feeds.c) and applies its new files. */
int order_feeds_tick(db *d);

/* Claims one due SCIM source (scim_client.c) and pulls its users. */
int scim_client_tick(db *d);
#endif
