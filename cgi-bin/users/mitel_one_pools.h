#ifndef SB_USERS_MITEL_ONE_POOLS_H
#define SB_USERS_MITEL_ONE_POOLS_H
/* An account's Mitel One licences by tier, as the guide lists them
 * (§3.1.4.1: "Available licenses: (227): Elite (69), Premier (58),
 * Essential (100)"), for the Users page's summary and the Bulk User
 * Settings dialog: <prefix>.Tiers.N.{key, name, available, assigned}, Elite
 * first, and <prefix>.available / .assigned, the sums; drawn by
 * templates/users/mitel_one_parts.cs. */
#include "cgi-bin/core/request.h"
#include "lib/mitel_one.h"

/* The index of tier t under <prefix>.Tiers (the guide lists Elite first),
 * and the tier at an index likewise. */
int mitel_one_pools_index(enum mitel_one_tier t);
void mitel_one_pools_publish(struct req *r, const char *prefix, const struct mitel_one_pools *p);
#endif
