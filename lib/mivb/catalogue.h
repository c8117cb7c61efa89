#ifndef SB_MIVB_CATALOGUE_H
#define SB_MIVB_CATALOGUE_H
/* The MiVoice Business phone model and key function catalogues (guide
 * §3.1.2.2.2.1 Programming User Phone Keys, §3.1.2.2.2.2 Programming Float
 * Keys): the one place validation, the templates (through the console) and
 * the tests read them from. The key counts and float rows are this
 * console's layout of each set's programmable keys. */
#include <stddef.h>

#define MIVB_FLOAT_MAX 6               /* float keys on one set (guide: up to six) */
#define MIVB_KEY_LABEL_MAX 20          /* characters of a key's label */

struct mivb_phone_model {
	const char *key;               /* "6930" */
	const char *label;             /* "6930 IP Phone" */
	int keys;                      /* programmable keys, buttons 1..keys */
	/* the upper-right row float keys sit in: buttons float_first ..
	 * float_first + MIVB_FLOAT_MAX - 1; 0 when the set has no float keys */
	int float_first;
};

/* Per-function flags. */
#define MIVB_FN_EXTENSION (1u << 0)    /* takes an extension (DN) */
#define MIVB_FN_RING      (1u << 1)    /* takes a ring type */
#define MIVB_FN_FLOAT     (1u << 2)    /* may float: SINGLE_LINE, KEY_SYSTEM, MULTICALL */
#define MIVB_FN_NEEDS_EXT (1u << 3)    /* the extension is required */

struct mivb_key_function {
	const char *key;               /* "single_line": what the PBX protocol carries */
	const char *label;             /* "Single Line" */
	unsigned flags;
	/* the models that can do it, NULL-ended; NULL: every model */
	const char *const *models;
};

struct mivb_ring_type {
	const char *key, *label;
};

const struct mivb_phone_model *mivb_phone_models(size_t *count);
const struct mivb_phone_model *mivb_phone_model(const char *key);
const struct mivb_key_function *mivb_key_functions(size_t *count);
const struct mivb_key_function *mivb_key_function(const char *key);
const struct mivb_ring_type *mivb_ring_types(size_t *count);
const struct mivb_ring_type *mivb_ring_type(const char *key);
/* 1 when model m can do function f ("Not compatible with this device" otherwise). */
int mivb_function_fits(const struct mivb_key_function *f, const struct mivb_phone_model *m);
#endif
