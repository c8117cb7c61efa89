#include "lib/events_vocab.h"

#include <stdio.h>
#include <string.h>

int event_key_valid(const char *key, size_t max)
{
	size_t n = key ? strlen(key) : 0;
	return n > 0 && n <= max && strspn(key, "abcdefghijklmnopqrstuvwxyz0123456789_") == n;
}

void event_act_of(const char *action, char *out, size_t size)
{
	const char *dot = action ? strrchr(action, '.') : NULL;
	const char *word = dot ? dot + 1 : action ? action : "";
	if (strcmp(word, "update") == 0)
		word = "edit";
	if (!event_key_valid(word, EVENT_KEY_MAX))
		word = "";
	snprintf(out, size, "%s", word);
}

void event_key_label(const char *key, char *out, size_t size)
{
	size_t n = 0;
	int word_start = 1;
	for (const char *p = key ? key : ""; *p && n + 1 < size; p++) {
		char c = *p == '_' ? ' ' : *p;
		if (word_start && c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		word_start = c == ' ';
		out[n++] = c;
	}
	if (size)
		out[n] = 0;
}

static int take(const char **p, char out[EVENT_KEY_MAX + 1], int last)
{
	size_t n = last ? strlen(*p) : strcspn(*p, "/");
	if (n == 0 || n > EVENT_KEY_MAX || (!last && (*p)[n] != '/'))
		return -1;
	memcpy(out, *p, n);
	out[n] = 0;
	*p += n + !last;
	return event_key_valid(out, EVENT_KEY_MAX) ? 0 : -1;
}

int event_kind_split(const char *kind, char type[EVENT_KEY_MAX + 1], char asset[EVENT_KEY_MAX + 1],
		     char act[EVENT_KEY_MAX + 1])
{
	const char *p = kind ? kind : "";
	return take(&p, type, 0) == 0 && take(&p, asset, 0) == 0 && take(&p, act, 1) == 0 ? 0 : -1;
}

/* The MiVoice Business assets of guide §2.16 (Table 1, "Available with the
 * MiVB integration"), by the first word of a dotted action; then the other
 * objects the MiVoice Business administration changes on the PBX or for it
 * (guide §3.1.2: locations, MBGs, SIP trunks, Emergency Services). */
static const struct {
	const char *word, *asset;
} mivb_assets[] = {
	{"pbx_user", "pbx_user_profile"}, {"pbx_user_profile", "pbx_user_profile"}, {"phone", "phone"},
	{"did", "did"}, {"dn_range", "dn_range"}, {"group", "group"}, {"group_membership", "group_membership"},
	{"templated_services", "templated_services"}, {"location", "location"}, {"mbg", "mbg"}, {"sip_trunk", "sip_trunk"},
	{"emergency", "emergency_services"},
};

void event_vocab_of(const char *action, const char *asset_type, const char **type, char *asset, size_t size)
{
	const char *dot = action ? strchr(action, '.') : NULL;
	size_t word = dot ? (size_t)(dot - action) : 0;
	for (size_t i = 0; i < sizeof mivb_assets / sizeof mivb_assets[0]; i++)
		if (word && strlen(mivb_assets[i].word) == word && strncmp(action, mivb_assets[i].word, word) == 0) {
			*type = EVENT_TYPE_MIVB;
			snprintf(asset, size, "%s", mivb_assets[i].asset);
			return;
		}
	*type = EVENT_TYPE_ADMIN;
	/* "PBX user" -> "pbx_user": letters and digits kept, anything else one '_'. */
	size_t n = 0;
	for (const char *p = asset_type ? asset_type : ""; *p && n + 1 < size && n < EVENT_KEY_MAX; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			asset[n++] = c;
		else if (n && asset[n - 1] != '_')
			asset[n++] = '_';
	}
	while (n && asset[n - 1] == '_')
		n--;
	if (size)
		asset[n] = 0;
}
