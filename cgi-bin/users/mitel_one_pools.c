#include "cgi-bin/users/mitel_one_pools.h"

#include <stdio.h>

int mitel_one_pools_index(enum mitel_one_tier t)
{
	return TIER_COUNT - 1 - (int)t;
}

void mitel_one_pools_publish(struct req *r, const char *prefix, const struct mitel_one_pools *p)
{
	long long available = 0, assigned = 0;
	/* In the order they are listed: HDF keeps its children in the order they are set. */
	for (int i = 0; i < TIER_COUNT; i++) {
		int t = mitel_one_pools_index((enum mitel_one_tier)i);
		long long free_now = p->total[t] > p->held[t] ? p->total[t] - p->held[t] : 0;
		char key[96];
		snprintf(key, sizeof key, "%s.Tiers.%d.key", prefix, i);
		hdf_set_value(r->hdf, key, mitel_one_tier_key((enum mitel_one_tier)t));
		snprintf(key, sizeof key, "%s.Tiers.%d.name", prefix, i);
		hdf_set_value(r->hdf, key, mitel_one_tier_name((enum mitel_one_tier)t));
		hdf_set_valuef(r->hdf, "%s.Tiers.%d.available=%lld", prefix, i, free_now);
		hdf_set_valuef(r->hdf, "%s.Tiers.%d.assigned=%lld", prefix, i, p->held[t]);
		available += free_now;
		assigned += p->held[t];
	}
	hdf_set_valuef(r->hdf, "%s.available=%lld", prefix, available);
	hdf_set_valuef(r->hdf, "%s.assigned=%lld", prefix, assigned);
}
