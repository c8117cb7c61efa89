/* User Templates (guide §3.1.3.2): rows of user_templates, the MiVoice
 * Business block as JSON. */
#include "lib/user_templates.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *str(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

#define COPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src))

static void mivb_from_json(const char *text, struct user_template *t)
{
	json_t *m = *text ? json_loads(text, 0, NULL) : NULL;
	t->mivb = json_is_object(m);
	if (!t->mivb)
		return;
	COPY(t->category, str(m, "category"));
	COPY(t->group, str(m, "group"));
	COPY(t->location, str(m, "location"));
	COPY(t->department, str(m, "department"));
	json_t *ph = json_object_get(m, "phone");
	COPY(t->phone.type, str(ph, "type"));
	COPY(t->phone.model, str(ph, "model"));
	size_t i;
	json_t *k;
	json_array_foreach(json_object_get(ph, "keys"), i, k) {
		if (t->phone.n_keys == USER_TEMPLATE_KEYS_MAX)
			break;
		struct mivb_key_row *row = &t->phone.keys[t->phone.n_keys++];
		row->button = (int)json_integer_value(json_object_get(k, "button"));
		COPY(row->function, str(k, "function"));
		COPY(row->label, str(k, "label"));
		COPY(row->ring_type, str(k, "ringType"));
		COPY(row->extension, str(k, "extension"));
		row->is_float = json_is_true(json_object_get(k, "float"));
	}
	json_decref(m);
}

/* The block as JSON text (malloc'd), or NULL when the template has none. */
static char *mivb_to_json(const struct user_template *t)
{
	if (!t->mivb)
		return NULL;
	json_t *keys = json_array();
	for (int i = 0; keys && i < t->phone.n_keys; i++) {
		const struct mivb_key_row *k = &t->phone.keys[i];
		json_array_append_new(keys, json_pack("{s:i,s:s,s:s,s:s,s:s,s:b}", "button", k->button, "function", k->function,
						      "label", k->label, "ringType", k->ring_type, "extension",
						      k->extension, "float", k->is_float));
	}
	json_t *m = json_pack("{s:s,s:s,s:s,s:s,s:{s:s,s:s,s:o}}", "category", t->category, "group", t->group, "location",
			      t->location, "department", t->department, "phone", "type", t->phone.type, "model",
			      t->phone.model, "keys", keys);
	char *text = m ? json_dumps(m, JSON_COMPACT) : NULL;
	json_decref(m);
	return text;
}

static int from_row(void *ctx, const struct db_row *row)
{
	struct user_template *t = ctx;
	memset(t, 0, sizeof *t);
	t->id = row_int(row, "id");
	row_copy(row, "name", t->name, sizeof t->name);
	row_copy(row, "description", t->description, sizeof t->description);
	mivb_from_json(row_str(row, "mivb"), t);
	return 0;
}

struct each_ctx {
	int (*fn)(void *ctx, const struct user_template *t);
	void *ctx;
};

static int each_row(void *ctx, const struct db_row *row)
{
	struct each_ctx *c = ctx;
	struct user_template t;
	from_row(&t, row);
	return c->fn(c->ctx, &t);
}

#define COLUMNS "SELECT id, name, description, COALESCE(mivb, '') AS mivb FROM user_templates"

int user_templates_each(db *d, const char *account_id, int (*fn)(void *ctx, const struct user_template *t), void *ctx)
{
	struct each_ctx c = {fn, ctx};
	return db_each(d, each_row, &c, COLUMNS " WHERE account_id = ? ORDER BY name, id", "s", account_id);
}

int user_template_find(db *d, const char *account_id, long long id, struct user_template *out)
{
	return db_one(d, from_row, out, COLUMNS " WHERE account_id = ? AND id = ?", "si", account_id, id);
}

static int name_taken(db *d, const char *account_id, long long except_id, const char *name)
{
	long long n = 0;
	if (db_int(d, &n, "SELECT COUNT(*) FROM user_templates WHERE account_id = ? AND name = ? AND id <> ?", "ssi",
		   account_id, name, except_id) < 0)
		return -1;
	return n > 0;
}

long long user_template_insert(db *d, const char *account_id, const struct user_template *t)
{
	int taken = name_taken(d, account_id, 0, t->name);
	if (taken)
		return taken < 0 ? -1 : -2;
	char *mivb = mivb_to_json(t);
	long long n = db_exec(d, "INSERT INTO user_templates (account_id, name, description, mivb, created_at, updated_at)"
				 " VALUES (?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
			      "ssss", account_id, t->name, t->description, mivb);
	free(mivb);
	return n == 1 ? (long long)db_insert_id(d) : -1;
}

int user_template_update(db *d, const char *account_id, long long id, const struct user_template *t)
{
	int taken = name_taken(d, account_id, id, t->name);
	if (taken)
		return taken < 0 ? -1 : -2;
	struct user_template was;
	int found = user_template_find(d, account_id, id, &was);
	if (found <= 0)
		return found;
	char *mivb = mivb_to_json(t);
	long long n = db_exec(d, "UPDATE user_templates SET name = ?, description = ?, mivb = ?, updated_at = UTC_TIMESTAMP()"
				 " WHERE account_id = ? AND id = ?",
			      "ssssi", t->name, t->description, mivb, account_id, id);
	free(mivb);
	return n < 0 ? -1 : 1;
}

int user_template_delete(db *d, const char *account_id, long long id)
{
	long long n = db_exec(d, "DELETE FROM user_templates WHERE account_id = ? AND id = ?", "si", account_id, id);
	return n < 0 ? -1 : n > 0;
}

void user_template_apply(const struct user_template *t, struct mivb_services *s)
{
	if (!t->mivb)
		return;
	if (*t->category)
		COPY(s->category, t->category);
	if (*t->group)
		COPY(s->group, t->group);
	if (*t->location)
		COPY(s->location, t->location);
	if (*t->department)
		COPY(s->department, t->department);
	if (!*t->phone.type)
		return;
	struct mivb_phone *p = NULL;
	for (int i = 0; i < s->n_phones && !p; i++)
		if (strcmp(s->phones[i].type, t->phone.type) == 0)
			p = &s->phones[i];
	if (!p && s->n_phones < MIVB_PHONES_MAX) {
		p = &s->phones[s->n_phones++];
		memset(p, 0, sizeof *p);
		COPY(p->type, t->phone.type);
		/* a phone the template adds rings the user's prime line, when they have one */
		if (s->n_phones > 1)
			COPY(p->dn, s->phones[0].dn);
	}
	if (!p)
		return;
	if (*t->phone.model)
		COPY(p->model, t->phone.model);
	p->n_keys = t->phone.n_keys;
	memcpy(p->keys, t->phone.keys, sizeof p->keys[0] * (size_t)t->phone.n_keys);
}
