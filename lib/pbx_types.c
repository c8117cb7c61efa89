#include "lib/pbx_types.h"

#include <string.h>

#define COMMON (PBX_CAP_USERS | PBX_CAP_DIDS)

static const struct pbx_type types[] = {
	{"mivb", "MiVoice Business", "Mitel One",
	 COMMON | PBX_CAP_ETAG | PBX_CAP_LOCATIONS | PBX_CAP_GROUPS | PBX_CAP_PHONES | PBX_CAP_MBGS | PBX_CAP_TEMPLATES, 1},
	{"mivo400", "MiVoice Office 400", "Mitel Office", COMMON | PBX_CAP_ETAG, 0},
	{"miv5000", "MiVoice 5000", "Mitel One", COMMON | PBX_CAP_ETAG, 0},
	{"mxone", "MX-ONE", "Mitel One", COMMON | PBX_CAP_ETAG, 0},
	/* The smallest: no change token, so every sync reads and compares it all. */
	{"mivo250", "MiVoice Office 250", "Mitel One", COMMON, 0},
};

const struct pbx_type *pbx_types(int *count)
{
	*count = (int)(sizeof types / sizeof types[0]);
	return types;
}

const struct pbx_type *pbx_type_find(const char *key)
{
	for (size_t i = 0; key && i < sizeof types / sizeof types[0]; i++)
		if (strcmp(types[i].key, key) == 0)
			return &types[i];
	return NULL;
}
