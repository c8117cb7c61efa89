#ifndef SB_MIVB_NUMBERS_H
#define SB_MIVB_NUMBERS_H
/* MiVoice Business Numbers (guide §3.1.2 Numbers): user extension ranges,
 * kept by the console, and the rules of DID numbers, which live on the PBX
 * (lib/mivb/dids.h). The checks are pure and unit-tested. */
#include "lib/core/db.h"

#define MIVB_DN_MAX 10                 /* digits of a directory number */
#define MIVB_RANGE_MAX_DNS 100000      /* DNs in one extension range */
#define MIVB_DID_MAX 16                /* '+' and up to 15 digits (E.164) */
#define MIVB_DID_RANGE_MAX 1000        /* numbers added as one DID range */

/* 1 when dn is 1 to MIVB_DN_MAX digits. */
int mivb_dn_valid(const char *dn);
/* 1 when number is a DID: an optional '+' and 3 to 15 digits. */
int mivb_did_valid(const char *number);

/* A range's fault, as a field and the last word of its lang key. */
struct mivb_fault {
	const char *field;             /* NULL: none */
	const char *reason;            /* "required", "invalid", "length", "order", "too_many" */
};
/* An extension range: both ends DNs of the same length, start <= end, at
 * most MIVB_RANGE_MAX_DNS numbers. */
struct mivb_fault mivb_range_check(const char *start, const char *end);
/* A DID range (Range start, Range end): both DIDs of the same length,
 * start <= end, at most MIVB_DID_RANGE_MAX numbers, written to out (each
 * MIVB_DID_MAX + 1 bytes) when it is not NULL. The count, or 0 with the
 * fault. */
int mivb_did_range(const char *start, const char *end, char (*out)[MIVB_DID_MAX + 1], int max,
		   struct mivb_fault *fault);

/* ---- extension ranges (each call takes the account scope) ---- */

struct mivb_range {
	long long id;
	char start[MIVB_DN_MAX + 1], end[MIVB_DN_MAX + 1];
};
/* The account's ranges by start. The count, or -1. */
int mivb_ranges_each(db *d, const char *account_id, int (*fn)(void *ctx, const struct mivb_range *r), void *ctx);
/* 1 found, 0 not, -1 error. */
int mivb_range_find(db *d, const char *account_id, long long id, struct mivb_range *out);
/* Inside the caller's transaction, which it serialises with the account's
 * other range writes: a range of the account other than except_id that
 * overlaps start-end, into clash. 1 clash, 0 none, -1 error. */
int mivb_range_clash(db *d, const char *account_id, long long except_id, const char *start, const char *end,
		     struct mivb_range *clash);
/* Inside the caller's transaction, after mivb_range_clash. The new id, or -1. */
long long mivb_range_insert(db *d, const char *account_id, const char *start, const char *end);
/* 1 changed, 0 no such range, -1 error. */
int mivb_range_update(db *d, const char *account_id, long long id, const char *start, const char *end);
/* 1 deleted, 0 no such range, -1 error. */
int mivb_range_delete(db *d, const char *account_id, long long id);
/* The account's ranges as the PBX's next-DN query takes them:
 * "START-END,START-END", by start, at most size bytes. The count, or -1. */
int mivb_ranges_query(db *d, const char *account_id, char *out, size_t size);
#endif
