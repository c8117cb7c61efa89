#ifndef SB_INVENTORY_SWA_H
#define SB_INVENTORY_SWA_H
/* SWA STATUS of a platform (guide §2.17.1), derived when read from its
 * licence type, its SWA expiry and today, never stored:
 *  - Not Indicated: unlicensed, or a licence without an expiry date;
 *  - Active: a subscription not past its expiry, or a perpetual licence more
 *    than SWA_SOON_DAYS from its expiry;
 *  - Inactive: a subscription past its expiry;
 *  - Expiring soon: a perpetual licence expiring within SWA_SOON_DAYS
 *    (its last day included);
 *  - Expired: a perpetual licence past its expiry.
 * lib/inventory.c filters with the same rules in SQL (SWA_STATUS_SQL). */

#define SWA_SOON_DAYS 90

enum licence_type { LICENCE_UNLICENSED = 0, LICENCE_SUBSCRIPTION, LICENCE_PERPETUAL, LICENCE_TYPE_COUNT };
enum swa_status { SWA_NOT_INDICATED = 0, SWA_ACTIVE, SWA_INACTIVE, SWA_EXPIRING_SOON, SWA_EXPIRED, SWA_STATUS_COUNT };

const char *licence_type_key(enum licence_type t);      /* unlicensed, subscription, perpetual */
int licence_type_from_key(const char *key);            /* -1 when unknown */
const char *swa_status_key(enum swa_status s);          /* not_indicated, active, inactive, expiring_soon, expired */
int swa_status_from_key(const char *key);              /* -1 when unknown */

/* Whole days from today to expiry, both "YYYY-MM-DD" (negative: past). 0
 * when either is no date (then *ok is 0). */
long swa_days_left(const char *today, const char *expiry, int *ok);

/* expiry "" for none. */
enum swa_status swa_status_of(enum licence_type t, const char *expiry, const char *today);
#endif
