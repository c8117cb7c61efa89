/* The user template form (guide §3.1.3.2), its MiVoice Business keys
 * checked with lib/mivb/rules.h against the chosen set. */
#include "cgi-bin/user_templates/template_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src))

static void choices(struct req *r)
{
	size_t n;
	const struct mivb_phone_model *m = mivb_phone_models(&n);
	for (size_t i = 0; i < n; i++) {
		hdf_set_valuef(r->hdf, "Models.%zu.value=%s", i, m[i].key);
		hdf_set_valuef(r->hdf, "Models.%zu.label=%s", i, m[i].label);
	}
	const struct mivb_key_function *f = mivb_key_functions(&n);
	for (size_t i = 0; i < n; i++) {
		hdf_set_valuef(r->hdf, "Functions.%zu.value=%s", i, f[i].key);
		hdf_set_valuef(r->hdf, "Functions.%zu.label=%s", i, f[i].label);
	}
	const struct mivb_ring_type *t = mivb_ring_types(&n);
	for (size_t i = 0; i < n; i++) {
		hdf_set_valuef(r->hdf, "RingTypes.%zu.value=%s", i, t[i].key);
		hdf_set_valuef(r->hdf, "RingTypes.%zu.label=%s", i, t[i].label);
	}
	for (size_t i = 0; i < sizeof mivb_phone_types / sizeof mivb_phone_types[0]; i++) {
		char key[64];
		snprintf(key, sizeof key, "mivb.user_config.type_%s", mivb_phone_types[i]);
		hdf_set_valuef(r->hdf, "PhoneTypes.%zu.value=%s", i, mivb_phone_types[i]);
		hdf_set_valuef(r->hdf, "PhoneTypes.%zu.label=%s", i, lang(r, key));
	}
	for (int k = 1; k <= USER_TEMPLATE_KEYS_MAX; k++)
		hdf_set_valuef(r->hdf, "KeyRows.%d=%d", k, k);
}

void template_form_draw(struct req *r, const struct user_template *t)
{
	choices(r);
	form_default(r, "name", t->name);
	form_default(r, "description", t->description);
	form_default(r, "mivb", t->mivb ? "1" : "");
	form_default(r, "category", t->category);
	form_default(r, "group", t->group);
	form_default(r, "location", t->location);
	form_default(r, "department", t->department);
	form_default(r, "phone_type", t->phone.type);
	form_default(r, "model", t->phone.model);
	for (int i = 0; i < t->phone.n_keys; i++) {
		const struct mivb_key_row *k = &t->phone.keys[i];
		char name[40], num[16];
		snprintf(num, sizeof num, "%d", k->button);
		snprintf(name, sizeof name, "k%d_button", i + 1);
		form_default(r, name, num);
		snprintf(name, sizeof name, "k%d_function", i + 1);
		form_default(r, name, k->function);
		snprintf(name, sizeof name, "k%d_label", i + 1);
		form_default(r, name, k->label);
		snprintf(name, sizeof name, "k%d_ring", i + 1);
		form_default(r, name, k->ring_type);
		snprintf(name, sizeof name, "k%d_ext", i + 1);
		form_default(r, name, k->extension);
		snprintf(name, sizeof name, "k%d_float", i + 1);
		form_default(r, name, k->is_float ? "1" : "");
	}
}

/* A key row's value, echoed back into the form. */
static const char *row_value(struct req *r, int n, const char *part)
{
	char name[40];
	snprintf(name, sizeof name, "k%d_%s", n, part);
	const char *v = form(r, name);
	char key[64];
	snprintf(key, sizeof key, "Form.Values.%s", name);
	hdf_set_value(r->hdf, key, v);
	return v;
}

static void read_keys(struct req *r, struct user_template *t)
{
	for (int n = 1; n <= USER_TEMPLATE_KEYS_MAX; n++) {
		const char *button = row_value(r, n, "button"), *fn = row_value(r, n, "function");
		const char *label = row_value(r, n, "label"), *ring = row_value(r, n, "ring"), *ext = row_value(r, n, "ext");
		char name[40];
		snprintf(name, sizeof name, "k%d_float", n);
		int is_float = form_checked(r, name);
		if (is_float) {
			char key[64];
			snprintf(key, sizeof key, "Form.Values.%s", name);
			hdf_set_value(r->hdf, key, "1");
		}
		if (!*button && (!*fn || strcmp(fn, "not_assigned") == 0))
			continue;
		struct mivb_key_row *k = &t->phone.keys[t->phone.n_keys++];
		char *end;
		long b = strtol(button, &end, 10);
		k->button = *button && !*end && b > 0 && b < 100 ? (int)b : 0;
		COPY(k->function, fn);
		COPY(k->label, label);
		COPY(k->ring_type, ring);
		COPY(k->extension, ext);
		k->is_float = is_float;
	}
}

/* The rules of the keys on the template's set, each message next to its row's field. */
static void check_keys(struct req *r, const struct user_template *t)
{
	const struct mivb_phone_model *m = mivb_phone_model(t->phone.model);
	if (strcmp(t->phone.type, "desk") == 0 && !m) {
		field_error(r, "model", "mivb.user_config.model_invalid");
		return;
	}
	if (!m || !t->phone.n_keys)
		return;
	struct mivb_key keys[MIVB_KEYS_MAX];
	int n = mivb_phone_keys(&t->phone, keys), at = 0;
	struct mivb_fault f;
	while (at < n) {
		int bad = mivb_keys_fault(m, keys + at, n - at, &f);
		if (bad < 0)
			break;
		/* rows were taken in order, skipping blank ones: find the row of key at+bad */
		int row = 0, seen = -1;
		for (int k = 1; k <= USER_TEMPLATE_KEYS_MAX && seen < at + bad; k++) {
			char name[40];
			snprintf(name, sizeof name, "k%d_button", k);
			const char *b = form(r, name);
			snprintf(name, sizeof name, "k%d_function", k);
			const char *fn = form(r, name);
			if (*b || (*fn && strcmp(fn, "not_assigned") != 0)) {
				seen++;
				row = k;
			}
		}
		const char *part = strcmp(f.field, "ring_type") == 0 ? "ring" : strcmp(f.field, "extension") == 0 ? "ext"
								       : f.field;
		char name[40], key[96];
		snprintf(name, sizeof name, "k%d_%s", row, part);
		snprintf(key, sizeof key, "mivb.keys.%s_%s", f.field, f.reason);
		field_error(r, name, key);
		at += bad + 1;
	}
}

int template_form_read(struct req *r, struct user_template *t)
{
	memset(t, 0, sizeof *t);
	choices(r);
	COPY(t->name, in(r, "name"));
	COPY(t->description, in(r, "description"));
	t->mivb = in_checked(r, "mivb");
	if (t->mivb) {
		COPY(t->category, in(r, "category"));
		COPY(t->group, in(r, "group"));
		COPY(t->location, in(r, "location"));
		COPY(t->department, in(r, "department"));
		const char *type = in(r, "phone_type");
		int known = !*type;
		for (size_t i = 0; i < sizeof mivb_phone_types / sizeof mivb_phone_types[0]; i++)
			known |= strcmp(type, mivb_phone_types[i]) == 0;
		if (!known)
			field_error(r, "phone_type", "user_templates.form.phone_type_invalid");
		COPY(t->phone.type, type);
		if (strcmp(type, "desk") == 0) {
			COPY(t->phone.model, in(r, "model"));
			read_keys(r, t);
			check_keys(r, t);
		}
	}
	return !form_has_errors(r);
}

struct save_call {
	long long id;
	const struct user_template *t;
	long long made;
};

static int save(struct req *r, void *arg)
{
	struct save_call *s = arg;
	long long rc = s->id ? user_template_update(r->db, r->acct.id, s->id, s->t)
			     : user_template_insert(r->db, r->acct.id, s->t);
	if (rc == -2)
		return 1;
	if (rc <= 0)
		return -1;
	s->made = s->id ? s->id : rc;
	char id[24];
	snprintf(id, sizeof id, "%lld", s->made);
	json_t *details = json_pack("{s:s,s:b}", "name", s->t->name, "mivb", s->t->mivb);
	int ev = event(r, r->acct.id, s->id ? "user_template.update" : "user_template.create", "user_template", id,
		       s->t->name, details);
	json_decref(details);
	return ev;
}

int template_form_save(struct req *r, long long id, const struct user_template *t)
{
	struct save_call s = {id, t, 0};
	int rc = tx(r, save, &s);
	if (rc == 1) {
		field_error(r, "name", "user_templates.form.name_taken");
		return invalid(r);
	}
	if (rc != 0)
		return SERVER_ERROR;
	return done(r, id ? "flash.user_template_saved" : "flash.user_template_created", "/a/%s/user-templates", r->acct.id);
}
