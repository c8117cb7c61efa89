/* The user PIN's Password Requirements and the programmable keys' rules
 * (guide §3.1.2.2.1 Service Programming, §3.1.2.2.2.1-2 phone and float
 * keys). */
#include "lib/mivb/rules.h"

#include <string.h>
#include <sys/random.h>

const char *mivb_pin_fault(const char *pin)
{
	size_t n = strlen(pin);
	if (n < MIVB_PIN_MIN || n > MIVB_PIN_MAX)
		return "length";
	for (size_t i = 0; i < n; i++)
		if (pin[i] < '0' || pin[i] > '9')
			return "digits";
	int same = 1, up = 1, down = 1;
	for (size_t i = 1; i < n; i++) {
		same &= pin[i] == pin[0];
		up &= pin[i] == pin[i - 1] + 1;
		down &= pin[i] == pin[i - 1] - 1;
	}
	return same ? "same" : up || down ? "sequence" : NULL;
}

void mivb_pin_generate(char *out, int len)
{
	if (len < MIVB_PIN_MIN)
		len = MIVB_PIN_MIN;
	if (len > MIVB_PIN_MAX)
		len = MIVB_PIN_MAX;
	do {
		unsigned char bytes[MIVB_PIN_MAX];
		if (getrandom(bytes, (size_t)len, 0) != len)
			memset(bytes, 0, sizeof bytes);
		for (int i = 0; i < len; i++)
			out[i] = (char)('0' + bytes[i] % 10);
		out[len] = 0;
	} while (mivb_pin_fault(out));
}

static struct mivb_fault fault(const char *field, const char *reason)
{
	return (struct mivb_fault){field, reason};
}

static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

struct mivb_fault mivb_key_fault(const struct mivb_phone_model *m, const struct mivb_key *k)
{
	const char *fn_key = *k->function ? k->function : "not_assigned";
	const struct mivb_key_function *fn = mivb_key_function(fn_key);
	if (!fn)
		return fault("function", "unknown");
	if (!mivb_function_fits(fn, m))
		return fault("function", "not_compatible");
	if (chars(k->label) > MIVB_KEY_LABEL_MAX)
		return fault("label", "too_long");
	int has_ring = *k->ring_type && strcmp(k->ring_type, "none") != 0;
	if (*k->ring_type && !mivb_ring_type(k->ring_type))
		return fault("ring_type", "unknown");
	if (has_ring && !(fn->flags & MIVB_FN_RING))
		return fault("ring_type", "not_allowed");
	if (*k->extension && !(fn->flags & MIVB_FN_EXTENSION))
		return fault("extension", "not_allowed");
	if (!*k->extension && (fn->flags & MIVB_FN_NEEDS_EXT))
		return fault("extension", "required");
	if (*k->extension && !mivb_dn_valid(k->extension))
		return fault("extension", "invalid");
	if (k->is_float) {
		if (!(fn->flags & MIVB_FN_FLOAT))
			return fault("float", "not_allowed");
		if (!m->float_first)
			return fault("float", "model");
		if (k->button < m->float_first || k->button >= m->float_first + MIVB_FLOAT_MAX)
			return fault("float", "row");
	}
	return fault(NULL, NULL);
}

int mivb_keys_fault(const struct mivb_phone_model *m, const struct mivb_key *keys, int n, struct mivb_fault *f)
{
	unsigned char seen[64 + 1] = {0};
	int floats = 0;
	for (int i = 0; i < n; i++) {
		const struct mivb_key *k = &keys[i];
		if (k->button < 1 || k->button > m->keys || k->button > 64 || seen[k->button]) {
			*f = fault("button", "invalid");
			return i;
		}
		seen[k->button] = 1;
		*f = mivb_key_fault(m, k);
		if (f->field)
			return i;
		if (k->is_float && ++floats > MIVB_FLOAT_MAX) {
			*f = fault("float", "too_many");
			return i;
		}
	}
	*f = fault(NULL, NULL);
	return -1;
}
