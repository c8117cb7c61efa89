/* User Configuration's form (guide §3.1.2.2): read, checked against the
 * catalogues and rules of lib/mivb/, drawn. */
#include "cgi-bin/mivb/user_config_form.h"
#include "cgi-bin/mivb/mivb.h"

#include <stdio.h>
#include <stdlib.h>
#include "lib/user_templates.h"
#include <string.h>

static const char *field(struct req *r, char *name, size_t size, const char *fmt, int i, int b, const char *part)
{
	if (b)
		snprintf(name, size, fmt, i, b, part);
	else
		snprintf(name, size, fmt, i, part);
	return form(r, name);
}

#define COPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src))

static int known_type(const char *t)
{
	for (size_t i = 0; i < sizeof mivb_phone_types / sizeof mivb_phone_types[0]; i++)
		if (strcmp(mivb_phone_types[i], t) == 0)
			return 1;
	return 0;
}

static void read_keys(struct req *r, int i, struct mivb_phone *p)
{
	const struct mivb_phone_model *m = mivb_phone_model(p->model);
	p->n_keys = 0;
	for (int b = 1; m && b <= m->keys && b <= MIVB_KEYS_MAX; b++) {
		char name[64];
		const char *fn = field(r, name, sizeof name, "p%d_k%d_%s", i, b, "function");
		const char *label = field(r, name, sizeof name, "p%d_k%d_%s", i, b, "label");
		const char *ring = field(r, name, sizeof name, "p%d_k%d_%s", i, b, "ring");
		const char *ext = field(r, name, sizeof name, "p%d_k%d_%s", i, b, "ext");
		snprintf(name, sizeof name, "p%d_k%d_float", i, b);
		int is_float = form_checked(r, name);
		if ((!*fn || strcmp(fn, "not_assigned") == 0) && !*label && !*ext && !is_float)
			continue;
		struct mivb_key_row *k = &p->keys[p->n_keys++];
		k->button = b;
		COPY(k->function, fn);
		COPY(k->label, label);
		COPY(k->ring_type, ring);
		COPY(k->extension, ext);
		k->is_float = is_float;
	}
}

void user_config_read(struct req *r, struct mivb_services *s)
{
	memset(s, 0, sizeof *s);
	COPY(s->token, form(r, "token"));
	COPY(s->category, form(r, "category"));
	COPY(s->group, form(r, "group"));
	COPY(s->pin, form(r, "pin"));
	COPY(s->location, form(r, "location"));
	COPY(s->department, form(r, "department"));
	for (int i = 0; i < MIVB_PHONES_MAX; i++) {
		char name[64];
		const char *type = field(r, name, sizeof name, "p%d_%s", i, 0, "type");
		if (!known_type(type))
			break;
		snprintf(name, sizeof name, "p%d_remove", i);
		if (form_checked(r, name))
			continue;
		struct mivb_phone *p = &s->phones[s->n_phones++];
		COPY(p->type, type);
		COPY(p->id, field(r, name, sizeof name, "p%d_%s", i, 0, "id"));
		COPY(p->dn, field(r, name, sizeof name, "p%d_%s", i, 0, "dn"));
		if (strcmp(type, "desk") == 0)
			COPY(p->model, field(r, name, sizeof name, "p%d_%s", i, 0, "model"));
		snprintf(name, sizeof name, "p%d_acd_agent", i);
		p->acd_agent = strcmp(type, "hotdesk") == 0 && form_checked(r, name);
		snprintf(name, sizeof name, "p%d_external_phone", i);
		p->external_phone = strcmp(type, "hotdesk") == 0 && form_checked(r, name);
		read_keys(r, i, p);
	}
}

/* Apply Changes of a template (guide §3.1.3.2; lib/user_templates.h). */
static void apply_template(struct req *r, struct mivb_services *s)
{
	struct user_template t;
	if (user_template_find(r->db, r->acct.id, strtoll(form(r, "template"), NULL, 10), &t) == 1)
		user_template_apply(&t, s);
}

void user_config_act(struct req *r, struct mivb_services *s, const char *action)
{
	if (strcmp(action, "apply_template") == 0) {
		apply_template(r, s);
	} else if (strcmp(action, "autogen") == 0) {
		mivb_pin_generate(s->pin, 6);
	} else if (strcmp(action, "add_phone") == 0 && s->n_phones < MIVB_PHONES_MAX && known_type(form(r, "new_phone"))) {
		struct mivb_phone *p = &s->phones[s->n_phones++];
		memset(p, 0, sizeof *p);
		COPY(p->type, form(r, "new_phone"));
		if (strcmp(p->type, "desk") == 0)
			COPY(p->model, "6930");
	} else if (strncmp(action, "reset_", 6) == 0) {
		int i = atoi(action + 6);
		if (i >= 0 && i < s->n_phones)
			s->phones[i].n_keys = 0;
	}
}

static void error_at(struct req *r, const char *name, const char *lang_key)
{
	field_error(r, name, lang_key);
}

int user_config_check(struct req *r, const struct mivb_services *s)
{
	char name[64], key[96];
	const char *pin_fault = *s->pin ? mivb_pin_fault(s->pin) : NULL;
	if (pin_fault) {
		snprintf(key, sizeof key, "mivb.user_config.pin_%s", pin_fault);
		error_at(r, "pin", key);
	}
	check_text(r, "department", 0, 100);
	for (int i = 0; i < s->n_phones; i++) {
		const struct mivb_phone *p = &s->phones[i];
		snprintf(name, sizeof name, "p%d_dn", i);
		if (!mivb_dn_valid(p->dn))
			error_at(r, name, *p->dn ? "mivb.user_config.dn_invalid" : "mivb.user_config.dn_required");
		const struct mivb_phone_model *m = mivb_phone_model(p->model);
		if (strcmp(p->type, "desk") != 0)
			continue;
		if (!m) {
			snprintf(name, sizeof name, "p%d_model", i);
			error_at(r, name, "mivb.user_config.model_invalid");
			continue;
		}
		struct mivb_key keys[MIVB_KEYS_MAX];
		int n = mivb_phone_keys(p, keys), at = 0;
		struct mivb_fault f;
		/* every key at fault gets its message, not only the first */
		while (at < n) {
			int bad = mivb_keys_fault(m, keys + at, n - at, &f);
			if (bad < 0)
				break;
			const struct mivb_key *k = &keys[at + bad];
			const char *part = strcmp(f.field, "ring_type") == 0   ? "ring"
					   : strcmp(f.field, "extension") == 0 ? "ext"
					   : strcmp(f.field, "button") == 0    ? "function"
									       : f.field;
			snprintf(name, sizeof name, "p%d_k%d_%s", i, k->button, part);
			snprintf(key, sizeof key, "mivb.keys.%s_%s", f.field, f.reason);
			error_at(r, name, key);
			at += bad + 1;
		}
	}
	return !form_has_errors(r);
}

void user_config_refused(struct req *r, const struct mivb_services *s, const struct pbx_reply *rep)
{
	int i = -1, k = -1;
	char part[32] = "", name[80] = "pbx";
	const char *f = rep->field;
	if (sscanf(f, "phones[%d].keys[%d].%31[a-zA-Z]", &i, &k, part) == 3 && i >= 0 && i < s->n_phones && k >= 0 &&
	    k < s->phones[i].n_keys) {
		const char *p = strcmp(part, "extension") == 0 ? "ext" : strcmp(part, "ringType") == 0 ? "ring" : part;
		snprintf(name, sizeof name, "p%d_k%d_%s", i, s->phones[i].keys[k].button, p);
	} else if (sscanf(f, "phones[%d].%31[a-zA-Z]", &i, part) == 2 && i >= 0 && i < s->n_phones) {
		snprintf(name, sizeof name, "p%d_%s", i, part);
	} else if (strcmp(f, "pin") == 0 || strcmp(f, "group") == 0 || strcmp(f, "location") == 0 || strcmp(f, "category") == 0 ||
		   strcmp(f, "department") == 0) {
		snprintf(name, sizeof name, "%s", f);
	}
	/* the PBX's field, renamed as the form names it */
	struct pbx_reply named = *rep;
	memcpy(named.field, name, sizeof named.field);
	named.field[sizeof named.field - 1] = 0;
	mivb_refused(r, &named, (const char *const[]){named.field, NULL}, "pbx");
}

/* ---- drawing ---- */

struct fill {
	struct req *r;
	int n;
};

static int add_category(void *ctx, const struct mivb_category *c)
{
	struct fill *f = ctx;
	hdf_set_valuef(f->r->hdf, "Categories.%d.value=%s", f->n, c->id);
	hdf_set_valuef(f->r->hdf, "Categories.%d.tier=%d", f->n, c->tier);
	hdf_set_valuef(f->r->hdf, "Categories.%d.label=%s", f->n++, c->name);
	return 0;
}

int user_config_categories(struct req *r, struct pbx_admin *a, struct pbx_reply *rep)
{
	struct fill c = {r, 0};
	return mivb_categories_list(a, add_category, &c, rep);
}

static int add_group(void *ctx, const struct mivb_group *g)
{
	struct fill *f = ctx;
	hdf_set_valuef(f->r->hdf, "Groups.%d.value=%s", f->n, g->id);
	hdf_set_valuef(f->r->hdf, "Groups.%d.label=%s", f->n++, g->name);
	return 0;
}

static int add_location(void *ctx, const struct mivb_location *l)
{
	struct fill *f = ctx;
	hdf_set_valuef(f->r->hdf, "Locations.%d.value=%s", f->n, l->name);
	hdf_set_valuef(f->r->hdf, "Locations.%d.label=%s", f->n++, l->name);
	return 0;
}

static void draw_catalogues(struct req *r)
{
	size_t n;
	const struct mivb_phone_model *m = mivb_phone_models(&n);
	for (size_t i = 0; i < n; i++) {
		hdf_set_valuef(r->hdf, "Models.%zu.value=%s", i, m[i].key);
		hdf_set_valuef(r->hdf, "Models.%zu.label=%s", i, m[i].label);
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
}

/* A desk phone's keys: every button of its model, with the functions it
 * cannot do marked (Not compatible with this device). */
static void draw_keys(struct req *r, int i, const struct mivb_phone *p)
{
	const struct mivb_phone_model *m = mivb_phone_model(p->model);
	if (!m)
		return;
	hdf_set_valuef(r->hdf, "Phones.%d.key_count=%d", i, m->keys);
	size_t nf;
	const struct mivb_key_function *fn = mivb_key_functions(&nf);
	for (size_t j = 0; j < nf; j++) {
		hdf_set_valuef(r->hdf, "Phones.%d.Functions.%zu.value=%s", i, j, fn[j].key);
		hdf_set_valuef(r->hdf, "Phones.%d.Functions.%zu.label=%s", i, j, fn[j].label);
		hdf_set_valuef(r->hdf, "Phones.%d.Functions.%zu.fits=%d", i, j, mivb_function_fits(&fn[j], m));
		hdf_set_valuef(r->hdf, "Phones.%d.Functions.%zu.extension=%d", i, j, (fn[j].flags & MIVB_FN_EXTENSION) != 0);
		hdf_set_valuef(r->hdf, "Phones.%d.Functions.%zu.ring=%d", i, j, (fn[j].flags & MIVB_FN_RING) != 0);
	}
	for (int b = 1; b <= m->keys && b <= MIVB_KEYS_MAX; b++) {
		const struct mivb_key_row *k = NULL;
		for (int j = 0; j < p->n_keys; j++)
			if (p->keys[j].button == b)
				k = &p->keys[j];
		hdf_set_valuef(r->hdf, "Phones.%d.Keys.%d.button=%d", i, b, b);
		hdf_set_valuef(r->hdf, "Phones.%d.Keys.%d.floatable=%d", i, b,
			       m->float_first && b >= m->float_first && b < m->float_first + MIVB_FLOAT_MAX);
		if (!k)
			continue;
		const struct mivb_key_function *f = mivb_key_function(k->function);
		hdf_set_valuef(r->hdf, "Phones.%d.Keys.%d.function=%s", i, b, k->function);
		hdf_set_valuef(r->hdf, "Phones.%d.Keys.%d.function_label=%s", i, b, f ? f->label : k->function);
		hdf_set_valuef(r->hdf, "Phones.%d.Keys.%d.label=%s", i, b, k->label);
		hdf_set_valuef(r->hdf, "Phones.%d.Keys.%d.ring=%s", i, b, k->ring_type);
		hdf_set_valuef(r->hdf, "Phones.%d.Keys.%d.ext=%s", i, b, k->extension);
		hdf_set_valuef(r->hdf, "Phones.%d.Keys.%d.float=%d", i, b, k->is_float);
	}
}

struct template_pick {
	struct req *r;
	const char *category;
	int filter, n;
};

static int add_template(void *ctx, const struct user_template *t)
{
	struct template_pick *p = ctx;
	if (!t->mivb || (p->filter && *p->category && strcmp(t->category, p->category) != 0))
		return 0;
	hdf_set_valuef(p->r->hdf, "Templates.%d.value=%lld", p->n, t->id);
	hdf_set_valuef(p->r->hdf, "Templates.%d.label=%s", p->n++, t->name);
	return 0;
}

int user_config_templates(struct req *r, const char *category)
{
	/* Filter templates by category and tier selection: on unless the form cleared it */
	int filter = *form(r, "action") ? form_checked(r, "filter") : 1;
	hdf_set_int_value(r->hdf, "Conf.filter", filter);
	struct template_pick pick = {r, category, filter, 0};
	return user_templates_each(r->db, r->acct.id, add_template, &pick) < 0 ? -1 : 0;
}

int user_config_draw(struct req *r, struct pbx_admin *a, const struct mivb_services *s)
{
	hdf_set_value(r->hdf, "Conf.category", s->category);
	hdf_set_value(r->hdf, "Form.Values.category", s->category);
	if (user_config_templates(r, s->category) != 0)
		return SERVER_ERROR;
	hdf_set_value(r->hdf, "Page.Title", lang(r, "mivb.user_config.title"));
	hdf_set_valuef(r->hdf, "Conf.user=%lld", r->obj.user.id);
	hdf_set_value(r->hdf, "Conf.user_name", r->obj.user.display_name);
	hdf_set_value(r->hdf, "Conf.token", s->token);
	hdf_set_value(r->hdf, "Form.Values.group", s->group);
	hdf_set_value(r->hdf, "Form.Values.pin", s->pin);
	hdf_set_value(r->hdf, "Form.Values.location", s->location);
	hdf_set_value(r->hdf, "Form.Values.department", s->department);
	draw_catalogues(r);
	for (int i = 0; i < s->n_phones; i++) {
		const struct mivb_phone *p = &s->phones[i];
		char key[64];
		snprintf(key, sizeof key, "mivb.user_config.type_%s", p->type);
		hdf_set_valuef(r->hdf, "Phones.%d.id=%s", i, p->id);
		hdf_set_valuef(r->hdf, "Phones.%d.type=%s", i, p->type);
		hdf_set_valuef(r->hdf, "Phones.%d.type_label=%s", i, lang(r, key));
		hdf_set_valuef(r->hdf, "Phones.%d.dn=%s", i, p->dn);
		hdf_set_valuef(r->hdf, "Phones.%d.model=%s", i, p->model);
		hdf_set_valuef(r->hdf, "Phones.%d.acd_agent=%d", i, p->acd_agent);
		hdf_set_valuef(r->hdf, "Phones.%d.external_phone=%d", i, p->external_phone);
		if (strcmp(p->type, "desk") == 0)
			draw_keys(r, i, p);
	}
	if (a) {
		struct pbx_reply rep = {0};
		user_config_categories(r, a, &rep);
		pbx_reply_clear(&rep);
		struct fill f = {r, 0};
		mivb_groups_list(a, add_group, &f, &rep);
		pbx_reply_clear(&rep);
		struct fill l = {r, 0};
		mivb_locations_list(a, add_location, &l, &rep);
		pbx_reply_clear(&rep);
	}
	return DONE;
}

json_t *user_config_changes(const struct mivb_services *before, const struct mivb_services *after)
{
	json_t *c = json_object();
	struct {
		const char *name, *from, *to;
	} fields[] = {
		{"category", before->category, after->category},
		{"group", before->group, after->group},
		{"location", before->location, after->location},
		{"department", before->department, after->department},
	};
	for (size_t i = 0; c && i < sizeof fields / sizeof fields[0]; i++)
		if (strcmp(fields[i].from, fields[i].to) != 0)
			json_object_set_new(c, fields[i].name, json_pack("{s:s,s:s}", "from", fields[i].from, "to", fields[i].to));
	if (c && strcmp(before->pin, after->pin) != 0)
		json_object_set_new(c, "pin", json_pack("{s:b}", "changed", 1));
	int keys_before = 0, keys_after = 0;
	for (int i = 0; i < before->n_phones; i++)
		keys_before += before->phones[i].n_keys;
	for (int i = 0; i < after->n_phones; i++)
		keys_after += after->phones[i].n_keys;
	if (c)
		json_object_set_new(c, "phones", json_pack("{s:i,s:i}", "from", before->n_phones, "to", after->n_phones));
	if (c)
		json_object_set_new(c, "keys", json_pack("{s:i,s:i}", "from", keys_before, "to", keys_after));
	return c;
}

struct mirror {
	const char *pbx_id;
	const struct mivb_services *stored;
};

static int write_mirror(struct req *r, void *arg)
{
	const struct mirror *m = arg;
	return mivb_services_record(r->db, r->acct.id, m->pbx_id, m->stored);
}

int mivb_user_saved(struct req *r, const char *pbx_id, const struct mivb_services *before,
		    const struct mivb_services *stored)
{
	json_t *details = user_config_changes(before, stored);
	struct mirror m = {pbx_id, stored};
	int rc = mivb_record(r, &(struct mivb_change){"pbx_user_profile.update", "pbx_user_profile", pbx_id,
						      r->obj.user.email, details, write_mirror, &m});
	json_decref(details);
	return rc;
}
