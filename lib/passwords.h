#ifndef SB_PASSWORDS_H
#define SB_PASSWORDS_H
/* A user's password (guide §1.2, §1.3, §2.1): signing in with it, changing
 * it, setting it from an emailed link, and asking for that link. Passwords
 * are stored only as argon2id hashes (ARCHITECTURE §5). */
#include "lib/audit.h"
#include "lib/core/db.h"

/* The registered user of an active account (account_id's, when not NULL)
 * with this email whose password matches; the same email may exist in
 * several accounts, each is tried. A user who signs in only through their
 * account's identity provider (lib/saml_store.h) has no password here. It
 * takes as long whether or not the email exists. 1 found (*user_id set),
 * 0 none, -1 error. */
int passwords_sign_in(db *d, const char *email, const char *account_id, const char *password, long long *user_id);

/* Does the user's password match? 1 yes, 0 no, -1 error. */
int passwords_match(db *d, long long user_id, const char *password);

/* Stores a new password hash; the user is registered from then on. by_name
 * (the Modified By) may be NULL to keep it. Inside the caller's transaction. 0 or -1. */
int passwords_set(db *d, long long user_id, const char *password_hash, const char *by_name);

/* "Forgot your password?": queues a reset email to each registered user
 * of an active account with this email, at most max_users of them, and
 * writes each one's event with requester as the actor; a user with a reset
 * email still waiting gets no second one. Inside the caller's transaction.
 * The number queued, or -1. */
int passwords_reset_request(db *d, const char *email, const struct actor *requester, int max_users);
#endif
