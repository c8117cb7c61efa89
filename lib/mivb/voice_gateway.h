#ifndef SB_MIVB_VOICE_GATEWAY_H
#define SB_MIVB_VOICE_GATEWAY_H
/* MiVoice Business → Voice Gateway (guide §3.1.2 Voice Gateway): the
 * teleworking MiVoice Border Gateways with the default one and the public
 * FQDN of their cluster, and SIP Trunk Application Setup, which has the PBX
 * create both trunks (MBG to CloudLink, MiVoice Business to the MBG) or
 * neither (docs/pbx-link-protocol.md §8.7). Returns as pbx_objects.h. */
#include "lib/mivb/pbx_admin.h"

struct mivb_mbg {
	char id[65];
	char fqdn[254];
	int is_default;
};
struct mivb_node {
	char id[65];
	char name[129];
};
struct mivb_trunk {
	char id[65];
	char kind[33];                 /* "mbg-cloudlink", "mivb-mbg" */
	char mbg[65], primary[65], secondary[65];
};

/* The MBGs, and the teleworker cluster's FQDN into fqdn (size 254). */
int mivb_mbgs_list(struct pbx_admin *a, int (*fn)(void *ctx, const struct mivb_mbg *m), void *ctx, char *fqdn,
		   struct pbx_reply *rep);
int mivb_nodes_list(struct pbx_admin *a, int (*fn)(void *ctx, const struct mivb_node *n), void *ctx,
		    struct pbx_reply *rep);
int mivb_trunks_list(struct pbx_admin *a, int (*fn)(void *ctx, const struct mivb_trunk *t), void *ctx,
		     struct pbx_reply *rep);
int mivb_mbg_set_default(struct pbx_admin *a, const char *id, struct pbx_reply *rep);
int mivb_teleworker_fqdn_set(struct pbx_admin *a, const char *fqdn, struct pbx_reply *rep);
/* secondary "" for none. */
int mivb_sip_trunks_create(struct pbx_admin *a, const char *primary, const char *secondary, const char *mbg,
			   struct pbx_reply *rep);
#endif
