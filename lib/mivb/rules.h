#ifndef SB_MIVB_RULES_H
#define SB_MIVB_RULES_H
/* The rules of a MiVoice Business user's configuration the console checks
 * before it sends anything to the PBX (guide §3.1.2.2): the user PIN and
 * the programmable keys against the catalogues (lib/mivb/catalogue.h).
 * Pure; unit-tested. */
#include <stddef.h>
#include "lib/mivb/catalogue.h"
#include "lib/mivb/numbers.h"

#define MIVB_PIN_MIN 4
#define MIVB_PIN_MAX 10

/* The user PIN's Password Requirements: 4 to 10 digits, not all the same
 * digit, not a run up or down (1234, 9876). NULL when it meets them, else
 * the reason: "length", "digits", "same", "sequence". */
const char *mivb_pin_fault(const char *pin);
/* Auto-generate: a random PIN of len digits that meets the requirements. */
void mivb_pin_generate(char *out, int len);

/* One programmable key as the form or the PBX gives it. */
struct mivb_key {
	int button;                    /* 1 .. the model's keys */
	const char *function;          /* a catalogue key; "" is Not Assigned */
	const char *label;
	const char *ring_type;         /* a ring type key, or "" */
	const char *extension;         /* a DN, or "" */
	int is_float;
};

/* One key on model m: its fault (field "function", "label", "ring_type",
 * "extension" or "float"; reason "unknown", "not_compatible", "too_long",
 * "not_allowed", "required", "invalid", "model", "row"), or {NULL}. */
struct mivb_fault mivb_key_fault(const struct mivb_phone_model *m, const struct mivb_key *k);
/* A whole set of keys: each key's own rules, each button once and within
 * the model, at most MIVB_FLOAT_MAX float keys. The index of the first key
 * at fault (its fault in *f; "button" for a button out of range or twice,
 * "float"/"too_many" past the sixth float key), or -1 when all are good. */
int mivb_keys_fault(const struct mivb_phone_model *m, const struct mivb_key *keys, int n, struct mivb_fault *f);
#endif
