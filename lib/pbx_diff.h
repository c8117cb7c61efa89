#ifndef SB_PBX_DIFF_H
#define SB_PBX_DIFF_H
/* A PBX's users as one complete snapshot, and what must change to bring
 * the console in step with it (ch3 §2.4). Pure: no database, no network, so
 * the rules are unit-tested on their own (tests/unit/test_pbx_diff.c).
 *
 * Users are keyed by the PBX's stable id, never by email. A user whose
 * email is missing, not a valid address, shared with another user of the
 * snapshot, or already held by a console user who is not this PBX's, gets
 * no login: its state says why, and it is listed. */
#include <stddef.h>

/* Strings of a snapshot live in one arena, freed with it. */
struct pbx_arena {
	struct pbx_chunk *chunks;
};
char *pbx_strdup(struct pbx_arena *a, const char *s);
void pbx_arena_free(struct pbx_arena *a);

/* One user as the PBX's driver mapped it (docs/pbx-link-protocol.md). */
struct pbx_user {
	const char *pbx_id;
	const char *first_name, *last_name, *email;
	const char *extensions;        /* the DNs, comma-separated; the first is the console's extension */
	const char *department, *location;
};

struct pbx_did {
	const char *number;
	const char *target;            /* the DN it rings, "" when unassigned */
};

struct pbx_snapshot {
	struct pbx_arena arena;
	struct pbx_user *users;
	size_t n_users, cap_users;
	struct pbx_did *dids;
	size_t n_dids, cap_dids;
	char etag[128];                /* the snapshot's change token, "" when the PBX has none */
	char version[64];              /* the PBX's software version (GET /v1/system) */
	int unchanged;                 /* the PBX answered 304: same as the etag we sent */
};

/* Adds a user or a DID (copying the strings). 0, or -1 when out of memory. */
int pbx_snapshot_add_user(struct pbx_snapshot *s, const struct pbx_user *u);
int pbx_snapshot_add_did(struct pbx_snapshot *s, const char *number, const char *target);
void pbx_snapshot_free(struct pbx_snapshot *s);

enum pbx_email_state { PBX_EMAIL_OK = 0, PBX_EMAIL_MISSING, PBX_EMAIL_DUPLICATE };
const char *pbx_email_state_key(enum pbx_email_state s);       /* "ok", "missing", "duplicate" */
int pbx_email_state_from_key(const char *key);

/* The PBX-owned fields' fingerprint: 16 hex digits and a NUL. */
#define PBX_FP_LEN 17
void pbx_fingerprint(const struct pbx_user *u, char out[PBX_FP_LEN]);

/* What the console holds of one PBX user (pbx_users, with its login). */
struct pbx_known {
	const char *pbx_id;
	char fingerprint[PBX_FP_LEN];
	enum pbx_email_state state;
	long long user_id;             /* 0: no login */
	int user_exists;               /* the login's row is still there */
};

enum pbx_op { PBX_SAME = 0, PBX_ADD, PBX_CHANGE };

struct pbx_diff {
	/* Per snapshot user, in snapshot order. */
	unsigned char *op;             /* enum pbx_op */
	unsigned char *state;          /* enum pbx_email_state */
	char (*fingerprint)[PBX_FP_LEN];
	long *known;                   /* its index in known[], -1 for a new user */
	/* Known users the snapshot no longer has (indexes into known[]). */
	size_t *removed;
	size_t n_removed;
	size_t added, changed, same;
	size_t no_email, dup_email;
};

/* Compares a complete snapshot with what is known. taken holds the emails
 * (any case) held by console users of the account who are not this PBX's,
 * n_taken of them. Returns 0; -1 when out of memory; -2 when the snapshot
 * names one PBX id twice (an inconsistent snapshot: nothing may be applied). */
int pbx_diff_compute(const struct pbx_snapshot *snap, const struct pbx_known *known, size_t n_known,
		     const char *const *taken, size_t n_taken, struct pbx_diff *out);
void pbx_diff_free(struct pbx_diff *d);
/* 1 when applying the diff writes nothing. */
int pbx_diff_empty(const struct pbx_diff *d);
#endif
