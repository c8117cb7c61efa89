#ifndef SB_SESSIONS_H
#define SB_SESSIONS_H
/* Console sessions (ARCHITECTURE §3, §8): a random id of which only the
 * hash is stored, its CSRF token, and idle and absolute timeouts. */
#include "lib/core/crypto.h"
#include "lib/core/db.h"

#define BELL_LATEST 10

/* One notification of the bell: how a job its user started ended, or a
 * topic (a PBX link failing, recovering) and what it is about. */
struct bell_item {
	long long id;
	int seen;
	char account_id[UUID_LEN];
	char at[20];                   /* "YYYY-MM-DD HH:MM", UTC */
	char topic[33], subject[1024];
	char detail_key[41], detail_args[1100];   /* why (lib/notifications.h), "" when nothing says */
	long long job_id;              /* 0: no job's */
	char kind[16], state[16];
	long long total, processed, skipped, pending, mail_failed;
};

/* What a session says about who is signed in: one query. */
struct session {
	long long user_id;
	char account_id[UUID_LEN];
	char partner_id[UUID_LEN];     /* the governing partner account (their own for partner users) */
	char role[20];
	char name[1024], email[1024];
	char csrf[TOKEN_HEX];
	long idle_seconds;
	int via_idp;                   /* signed in through the partner identity provider */
	int has_custom_role;
	char custom_base[16], custom_grants[404];
	char language[16];             /* the user's chosen language, "" for none */
	char default_language[16];     /* their account's */
	/* their partner has a billing account and is no Prime Partner: the
	 * Subscriptions panel is shown (guide §2.7) */
	int subscriptions;
	/* The bell, when asked for: the unseen count and the latest
	 * notifications, newest first. */
	long long unseen;
	int n_items;
	struct bell_item items[BELL_LATEST];
};

/* Finds the live session whose id hashes to id_hash (of an active account,
 * within the timeouts). with_bell adds the notifications. 1 found, 0 not,
 * -1 error. */
int session_find(db *d, const char *id_hash, int idle_minutes, int absolute_hours, int with_bell, struct session *out);
/* Records activity (for the idle timeout). */
int session_touch(db *d, const char *id_hash);
/* A new session for user_id (via_idp: signed in through the partner
 * identity provider); drops old_hash's (rotation at sign-in) and a handful
 * of long-idle ones. 0 or -1. */
int session_create(db *d, const char *id_hash, long long user_id, const char *csrf, const char *client_addr,
		   const char *old_hash, int idle_minutes, int via_idp);
int session_delete(db *d, const char *id_hash);
/* Ends every session of one user, or of every user of one account. 0 or -1. */
int sessions_end_user(db *d, long long user_id);
/* ... every session of the user but the one whose id hashes to keep_hash. */
int sessions_end_user_except(db *d, long long user_id, const char *keep_hash);
int sessions_end_account(db *d, const char *account_id);
#endif
