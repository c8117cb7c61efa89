#ifndef SB_MIVB_PBX_OBJECTS_H
#define SB_MIVB_PBX_OBJECTS_H
/* The MiVoice Business objects the administration reads and writes on the
 * PBX itself (docs/pbx-link-protocol.md §8; guide §3.1.2 Numbers,
 * Locations): DIDs and locations, and the next free directory number of
 * the extension ranges. Each call is one request the PBX applies whole or
 * not at all. Returns 0 when the PBX took it, 1 when it refused (rep holds
 * its code, the field at fault and its message), -1 when it did not answer
 * (rep->message says why). */
#include "lib/mivb/numbers.h"
#include "lib/mivb/pbx_admin.h"

/* A DID as the PBX lists it (guide: DID NUMBER, DESTINATION NUMBER, TYPE);
 * token: its change token, sent back with an edit. */
struct mivb_did {
	char number[MIVB_DID_MAX + 1];
	char target[MIVB_DN_MAX + 1];   /* "" when unassigned */
	char type[33];
	char token[65];
};

/* The DIDs whose number or destination holds search ("": all), in number
 * order, at most limit of them to fn; *total: how many match. */
int mivb_dids_list(struct pbx_admin *a, const char *search, int limit, int (*fn)(void *ctx, const struct mivb_did *did),
		   void *ctx, long long *total, struct pbx_reply *rep);
int mivb_did_get(struct pbx_admin *a, const char *number, struct mivb_did *out, struct pbx_reply *rep);
/* Adds the numbers, each ringing target ("": unassigned). */
int mivb_dids_add(struct pbx_admin *a, char (*numbers)[MIVB_DID_MAX + 1], int n, const char *target,
		  struct pbx_reply *rep);
/* Sets a DID's destination, if its change token is still token (else the
 * PBX refuses with code "changed"). */
int mivb_did_set(struct pbx_admin *a, const char *number, const char *target, const char *token,
		 struct pbx_reply *rep);
int mivb_dids_delete(struct pbx_admin *a, const char *const *numbers, int n, struct pbx_reply *rep);

/* The lowest DN of the ranges ("START-END,..." from mivb_ranges_query) no
 * user holds on the PBX, into out; "" when every one is taken. */
int mivb_next_dn(struct pbx_admin *a, const char *ranges, char out[MIVB_DN_MAX + 1], struct pbx_reply *rep);

/* The PBX's groups (guide §3.1.2.2.1 Group): id and name each. */
struct mivb_group {
	char id[65];
	char name[129];
};
int mivb_groups_list(struct pbx_admin *a, int (*fn)(void *ctx, const struct mivb_group *g), void *ctx,
		     struct pbx_reply *rep);

/* The service categories the PBX offers (guide §3.1.2.1 Choose service category). */
struct mivb_category {
	char id[65];
	char name[129];
	int tier;
};
int mivb_categories_list(struct pbx_admin *a, int (*fn)(void *ctx, const struct mivb_category *c), void *ctx,
			 struct pbx_reply *rep);

#define MIVB_LOCATION_MAX 32            /* characters of a location's name */
struct mivb_location {
	char id[65];
	char name[4 * MIVB_LOCATION_MAX + 1];
};
/* The PBX's locations in its order. */
int mivb_locations_list(struct pbx_admin *a, int (*fn)(void *ctx, const struct mivb_location *l), void *ctx,
			struct pbx_reply *rep);
int mivb_locations_add(struct pbx_admin *a, const char *const *names, int n, struct pbx_reply *rep);
/* Deletes them all, or none: a location still referenced on the PBX is
 * refused with code "referenced" and the PBX's message. */
int mivb_locations_delete(struct pbx_admin *a, const char *const *ids, int n, struct pbx_reply *rep);
#endif
