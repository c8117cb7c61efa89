/* The phone model and key function catalogues (guide §3.1.2.2.2.1,
 * §3.1.2.2.2.2). Float keys: the 5340, 5340e, 5360, 5560, 6930/6930L/6930w,
 * 6940/6940w and 6970, on Single Line, Key System and Multicall keys only. */
#include "lib/mivb/catalogue.h"

#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct mivb_phone_model models[] = {
	{"5320", "5320 IP Phone", 8, 0},
	{"5330", "5330 IP Phone", 24, 0},
	{"5340", "5340 IP Phone", 48, 1},
	{"5340e", "5340e IP Phone", 48, 1},
	{"5360", "5360 IP Phone", 48, 1},
	{"5560", "5560 IPT", 48, 1},
	{"6910", "6910 SIP Phone", 6, 0},
	{"6920", "6920 SIP Phone", 12, 0},
	{"6930", "6930 SIP Phone", 12, 7},
	{"6930L", "6930L SIP Phone", 12, 7},
	{"6930w", "6930w SIP Phone", 12, 7},
	{"6940", "6940 SIP Phone", 48, 7},
	{"6940w", "6940w SIP Phone", 48, 7},
	{"6970", "6970 IP Conference Phone", 12, 7},
};

/* the 53xx and 5560 sets: ACD agent keys */
static const char *const mitel_ip[] = {"5320", "5330", "5340", "5340e", "5360", "5560", NULL};
/* an analog line appearance: the sets with a line interface */
static const char *const analog[] = {"5340", "5340e", "5360", "5560", NULL};

static const struct mivb_key_function functions[] = {
	{"not_assigned", "Not Assigned", 0, NULL},
	{"account_code_nonverified", "Account Code NonVerified", 0, NULL},
	{"account_code_verified", "Account Code Verified", 0, NULL},
	{"acd", "ACD", 0, mitel_ip},
	{"analog_line", "Analog Line", MIVB_FN_EXTENSION | MIVB_FN_RING | MIVB_FN_NEEDS_EXT, analog},
	{"auto_answer", "Auto Answer", 0, NULL},
	{"call_forward_always", "Call Forward Always", MIVB_FN_EXTENSION, NULL},
	{"call_forward_busy_external", "Call Forward Busy External", 0, NULL},
	{"do_not_disturb", "Do Not Disturb", 0, NULL},
	{"key_system", "Key System", MIVB_FN_EXTENSION | MIVB_FN_RING | MIVB_FN_FLOAT | MIVB_FN_NEEDS_EXT, NULL},
	{"multicall", "Multicall", MIVB_FN_EXTENSION | MIVB_FN_RING | MIVB_FN_FLOAT | MIVB_FN_NEEDS_EXT, NULL},
	{"single_line", "Single Line", MIVB_FN_EXTENSION | MIVB_FN_RING | MIVB_FN_FLOAT | MIVB_FN_NEEDS_EXT, NULL},
	{"speed_call", "Speed Call", MIVB_FN_EXTENSION | MIVB_FN_NEEDS_EXT, NULL},
};

static const struct mivb_ring_type rings[] = {
	{"none", "None"}, {"ring", "Ring"}, {"no_ring", "No Ring"}, {"delayed_ring", "Delayed Ring"},
};

const struct mivb_phone_model *mivb_phone_models(size_t *count)
{
	*count = COUNT(models);
	return models;
}

const struct mivb_phone_model *mivb_phone_model(const char *key)
{
	for (size_t i = 0; key && i < COUNT(models); i++)
		if (strcmp(models[i].key, key) == 0)
			return &models[i];
	return NULL;
}

const struct mivb_key_function *mivb_key_functions(size_t *count)
{
	*count = COUNT(functions);
	return functions;
}

const struct mivb_key_function *mivb_key_function(const char *key)
{
	for (size_t i = 0; key && i < COUNT(functions); i++)
		if (strcmp(functions[i].key, key) == 0)
			return &functions[i];
	return NULL;
}

const struct mivb_ring_type *mivb_ring_types(size_t *count)
{
	*count = COUNT(rings);
	return rings;
}

const struct mivb_ring_type *mivb_ring_type(const char *key)
{
	for (size_t i = 0; key && i < COUNT(rings); i++)
		if (strcmp(rings[i].key, key) == 0)
			return &rings[i];
	return NULL;
}

int mivb_function_fits(const struct mivb_key_function *f, const struct mivb_phone_model *m)
{
	if (!f->models)
		return 1;
	for (const char *const *k = f->models; *k; k++)
		if (strcmp(*k, m->key) == 0)
			return 1;
	return 0;
}
