#ifndef SB_MAIL_H
#define SB_MAIL_H
/* Mail (ARCHITECTURE §7). The console never sends: it writes an outbox row
 * in the transaction that causes the mail (mail_enqueue), and syncd renders
 * it from templates/mail/<kind>.{txt,html}.cs in the recipient's language
 * and sends it over SMTP (syncd/mailer.c). */
#include <ClearSilver.h>
#include "lib/core/crypto.h"
#include "lib/core/db.h"

/* kind: "welcome" or "reset". job_id 0 when no job caused it. Returns 1
 * queued, 0 when the user is not in that account, -1 on error. */
int mail_enqueue(db *d, const char *account_id, long long user_id, long long job_id, const char *kind);

/* ---- syncd's side of the outbox ---- */

/* In a transaction of its own: claims up to max due mails for owner,
 * pushing each one's next attempt past the lease so no other syncd sends
 * it meanwhile. Their ids go to ids; returns how many, or -1. */
int mail_claim(db *d, const char *owner, int lease_seconds, int max, long long *ids);

/* A mail to send, with what its template needs. */
struct outbox_mail {
	long long id;
	char kind[16];                 /* "welcome", "reset", or a support_* kind (lib/support_mail.h) */
	char to_addr[256];
	long long user_id;
	long long support_log_id;      /* what a support_* mail is about */
	char account_id[UUID_LEN];
	int user_found;                /* the user is still in that account */
	char name[1024];
	int registered;
	char account_name[1024];
	char language[16];             /* the recipient's: their choice, else the account's default */
};
/* 1 found, 0 not, -1 error. */
int mail_load(db *d, long long id, struct outbox_mail *out);
/* The attempts made so far, or -1. */
int mail_attempts(db *d, long long id);
/* The outcome of attempt number `attempts`, while owner holds the mail:
 * sent; or failed, to be tried again after wait_seconds unless give_up.
 * 0, or -1. */
int mail_mark_sent(db *d, long long id, const char *owner, int attempts);
int mail_mark_failed(db *d, long long id, const char *owner, int attempts, int give_up, long wait_seconds,
		     const char *error);

struct mail_parts {
	char *subject, *text, *html;   /* malloc'd */
	char language[16];             /* the language they are written in (Content-Language) */
};
void mail_parts_free(struct mail_parts *m);

/* Renders a mail: data holds Mail.* (Name, Account, Link, Valid); the
 * language's Lang.* is added. Returns 0, or -1 with a message in err. */
int mail_render(const char *kind, const char *language, HDF *data, struct mail_parts *out, char *err, size_t err_size);

/* A complete RFC 5322 message with a text and an HTML alternative (UTF-8,
 * base64 bodies, the subject encoded when not ASCII), and a Content-Language
 * header (RFC 3282) naming m->language when it is set. date is an RFC 5322
 * date, msgid a unique id "<...@host>". Returns a malloc'd string, or NULL. */
char *mail_message(const char *from, const char *from_name, const char *to, const char *date, const char *msgid,
		   const struct mail_parts *m);

/* The wait before attempt number `attempts` + 1: base doubled per attempt, at most max. */
long mail_backoff_seconds(int attempts, long base, long max);
#endif
