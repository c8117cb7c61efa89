#ifndef SB_PBX_TYPES_H
#define SB_PBX_TYPES_H
/* The PBX types a CloudLink Gateway links (guide §3.1.1 Configure PBX;
 * ch3 §2.2 decided list): their keys, the labels of the PBX Type field, and
 * what each can do over the PBX link protocol (docs/pbx-link-protocol.md).
 * Shared by the console (the wizard's choices, PBX Type on Account
 * Information) and syncd (its drivers, one per type). */

/* Capabilities, as GET /v1/system lists them. */
#define PBX_CAP_USERS      (1u << 0)
#define PBX_CAP_DIDS       (1u << 1)
#define PBX_CAP_ETAG       (1u << 2)   /* snapshot ETag: If-None-Match answers 304 */
#define PBX_CAP_LOCATIONS  (1u << 3)
#define PBX_CAP_GROUPS     (1u << 4)
#define PBX_CAP_PHONES     (1u << 5)
#define PBX_CAP_MBGS       (1u << 6)
#define PBX_CAP_TEMPLATES  (1u << 7)

struct pbx_type {
	const char *key;          /* "mivb", "mivo400", "miv5000", "mxone", "mivo250" */
	const char *label;        /* "MiVoice Business", ... (the PBX Type choices) */
	const char *app;          /* the CloudLink app its users are deployed (Deployment tab) */
	unsigned caps;
	int mbg;                  /* its Configure PBX asks for MBG and MiCollab (ch3 §2.2, MiVB variant) */
};

/* Every type, in the order the PBX Type field offers them. */
const struct pbx_type *pbx_types(int *count);
/* The type of key, or NULL. */
const struct pbx_type *pbx_type_find(const char *key);
#endif
