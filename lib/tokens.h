#ifndef SB_TOKENS_H
#define SB_TOKENS_H
/* The links of welcome and password reset emails (guide §2.1, §2.4): a
 * random 256-bit token, of which only the SHA-256 is stored. A token is
 * single use, and using one uses every other token of that user and purpose
 * (a resent welcome email's older links stop working too). */
#include "lib/core/crypto.h"
#include "lib/core/db.h"

enum token_state { TOKEN_UNKNOWN = 0, TOKEN_VALID, TOKEN_EXPIRED, TOKEN_USED };

/* purpose: "welcome" or "reset". Writes the new token into raw; valid for
 * minutes. Returns 0 or -1. */
int token_mint(db *d, long long user_id, const char *account_id, const char *purpose, long minutes, char raw[TOKEN_HEX]);

/* What a raw token from a link is worth. When TOKEN_VALID, *user_id is its
 * user; for_update locks the token row for the caller's transaction.
 * Returns -1 on a database error. */
int token_check(db *d, const char *raw, const char *purpose, int for_update, long long *user_id);

/* Uses up every token of the user for the purpose (in the caller's transaction). */
int token_use_all(db *d, long long user_id, const char *purpose);

/* Whose link it is: the token's user. */
struct token_user {
	char account_id[UUID_LEN];
	char display_name[1024];
	char email[1024];
};
/* The user user_id; for_update locks the row for the caller's transaction.
 * 1 found, 0 not, -1 error. */
int token_user_find(db *d, long long user_id, int for_update, struct token_user *out);

/* Plain-text hex of the right length: anything else is refused unread. */
int token_well_formed(const char *raw);
#endif
