#include "lib/scim_groups.h"
#include "lib/scim/json_util.h"
#include "lib/scim/resource.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GROUP_COLS \
	"g.id, g.display_name, g.external_id, g.doc, g.version," \
	" DATE_FORMAT(g.created_at, '%Y-%m-%d %H:%i:%s') AS created," \
	" DATE_FORMAT(g.updated_at, '%Y-%m-%d %H:%i:%s') AS modified"

struct rows {
	const char *base;
	json_t *res[SCIM_CANDIDATES_MAX + 2];
	long long ids[SCIM_CANDIDATES_MAX + 2];
	int n, overflow;
};

static int group_row(void *ctx, const struct db_row *row)
{
	struct rows *c = ctx;
	long long id = row_int(row, "id");
	for (int i = 0; i < c->n; i++)
		if (c->ids[i] == id)
			return 0;
	if (c->n >= SCIM_CANDIDATES_MAX) {
		c->overflow = 1;
		return 0;
	}
	struct scim_group_view v = {
		.id = id,
		.display_name = row_str(row, "display_name"),
		.external_id = row_str(row, "external_id"),
		.created = row_str(row, "created"),
		.modified = row_str(row, "modified"),
		.version = row_int(row, "version"),
	};
	json_t *doc = json_loads(row_str(row, "doc"), 0, NULL);
	json_t *r = scim_group_resource(&v, doc, NULL, c->base);
	json_decref(doc);
	if (!r)
		return -1;
	c->ids[c->n] = id;
	c->res[c->n++] = r;
	return 0;
}

static void rows_clear(struct rows *c)
{
	for (int i = 0; i < c->n; i++)
		json_decref(c->res[i]);
	c->n = 0;
}

/* Members are read for a page of groups at a time, MEMBER_CHUNK groups per
 * statement (a fixed list of placeholders; unused ones are 0, which no
 * group has): however many members a group has, nothing truncates them. */
#define MEMBER_CHUNK 16

struct members {
	struct rows *c;
	const char *base;
};

static int member_row(void *ctx, const struct db_row *row)
{
	struct members *m = ctx;
	long long group = row_int(row, "group_id");
	for (int i = 0; i < m->c->n; i++) {
		if (m->c->ids[i] != group)
			continue;
		json_t *list = json_object_get(m->c->res[i], "members");
		char uid[24], ref[1200];
		snprintf(uid, sizeof uid, "%lld", row_int(row, "user_id"));
		snprintf(ref, sizeof ref, "%s/Users/%s", m->base, uid);
		json_array_append_new(list, json_pack("{s:s,s:s,s:s,s:s}", "value", uid, "display", row_str(row, "display_name"),
						      "type", "User", "$ref", ref));
		return 0;
	}
	return 0;
}

static int attach_members(db *d, const char *account_id, struct rows *c)
{
	for (int i = 0; i < c->n; i++)
		json_object_set_new(c->res[i], "members", json_array());
	struct members m = {c, c->base};
	for (int at = 0; at < c->n; at += MEMBER_CHUNK) {
		long long g[MEMBER_CHUNK] = {0};
		for (int k = 0; k < MEMBER_CHUNK && at + k < c->n; k++)
			g[k] = c->ids[at + k];
		if (db_each(d, member_row, &m,
			    "SELECT m.group_id, u.id AS user_id, u.display_name FROM user_group_members m"
			    " JOIN users u ON u.id = m.user_id"
			    " WHERE m.account_id = ? AND m.group_id IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
			    " ORDER BY m.group_id, m.user_id",
			    "siiiiiiiiiiiiiiii", account_id, g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], g[10],
			    g[11], g[12], g[13], g[14], g[15]) < 0)
			return -1;
	}
	return 0;
}

int scim_group_read(db *d, const char *account_id, long long id, int for_update, int with_members, const char *base,
		    json_t **out)
{
	struct rows *c = calloc(1, sizeof *c);
	if (!c)
		return -1;
	c->base = base;
	int rc = for_update
		? db_each(d, group_row, c, "SELECT " GROUP_COLS " FROM user_groups g WHERE g.account_id = ? AND g.id = ? FOR UPDATE",
			  "si", account_id, id)
		: db_each(d, group_row, c, "SELECT " GROUP_COLS " FROM user_groups g WHERE g.account_id = ? AND g.id = ?", "si",
			  account_id, id);
	if (rc > 0 && with_members && attach_members(d, account_id, c) != 0)
		rc = -1;
	*out = rc > 0 && c->n ? json_incref(c->res[0]) : NULL;
	rows_clear(c);
	free(c);
	return rc < 0 ? -1 : *out != NULL;
}

/* ---- lists ---- */

enum glookup { GL_ID, GL_EXTERNAL, GL_NAME, GL_MEMBER };

struct gl {
	enum glookup kind;
	const char *value;
	long long id;
};

static int glookup_of(const struct scim_path *p, const char *sub, enum scim_op op, const struct scim_filter *lit,
		      struct gl *l)
{
	if (p->urn[0] || op != SCIM_EQ || lit->lit != SCIM_LIT_STRING)
		return 0;
	l->value = lit->str;
	if (strcmp(p->attr, "id") == 0 && valid_id(lit->str))
		l->kind = GL_ID;
	else if (strcmp(p->attr, "externalId") == 0)
		l->kind = GL_EXTERNAL;
	else if (strcmp(p->attr, "displayName") == 0)
		l->kind = GL_NAME;
	else if (strcmp(p->attr, "members") == 0 && (!*sub || strcmp(sub, "value") == 0) && valid_id(lit->str))
		l->kind = GL_MEMBER;
	else
		return 0;
	l->id = strtoll(lit->str, NULL, 10);
	return 1;
}

#define GLOOKUPS_MAX 16

static int gplan(const struct scim_filter *f, struct gl *out, int *n)
{
	switch (f->kind) {
	case SCIM_OR: {
		int before = *n;
		if (gplan(f->left, out, n) && gplan(f->right, out, n))
			return 1;
		*n = before;
		return 0;
	}
	case SCIM_AND: {
		int before = *n;
		if (gplan(f->left, out, n))
			return 1;
		*n = before;
		return gplan(f->right, out, n);
	}
	case SCIM_CMP:
		if (*n == GLOOKUPS_MAX || !glookup_of(&f->path, f->path.sub, f->op, f, &out[*n]))
			return 0;
		(*n)++;
		return 1;
	case SCIM_VALUE_PATH: {
		const struct scim_filter *t = f->compares ? f : NULL;
		if (!t && f->inner->kind == SCIM_CMP && strcmp(f->inner->path.attr, "value") == 0)
			t = f->inner;
		if (!t || *n == GLOOKUPS_MAX || !glookup_of(&f->path, "value", t->op, t, &out[*n]))
			return 0;
		(*n)++;
		return 1;
	}
	default:
		return 0;
	}
}

#define SELECT_GROUPS "SELECT " GROUP_COLS " FROM user_groups g"

static int run_glookup(db *d, const char *acct, const struct gl *l, struct rows *c)
{
	long long cap = SCIM_CANDIDATES_MAX + 1;
	switch (l->kind) {
	case GL_ID:
		return db_each(d, group_row, c, SELECT_GROUPS " WHERE g.account_id = ? AND g.id = ?", "si", acct, l->id);
	case GL_EXTERNAL:
		return db_each(d, group_row, c, SELECT_GROUPS " WHERE g.account_id = ? AND g.external_id = ? LIMIT ?", "ssi",
			       acct, l->value, cap);
	case GL_NAME:
		return db_each(d, group_row, c, SELECT_GROUPS " WHERE g.account_id = ? AND g.display_name = ? LIMIT ?", "ssi",
			       acct, l->value, cap);
	case GL_MEMBER:
		return db_each(d, group_row, c,
			       SELECT_GROUPS " JOIN user_group_members gm ON gm.group_id = g.id"
			       " WHERE gm.user_id = ? AND g.account_id = ? LIMIT ?", "isi", l->id, acct, cap);
	}
	return -1;
}

static const struct scim_path *gsort;
static int gdesc;

static int by_gsort(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int c = gsort ? scim_sort_compare(x, y, gsort) : 0;
	if (c == 0) {
		long long i = strtoll(json_string_value(json_object_get(x, "id")), NULL, 10);
		long long j = strtoll(json_string_value(json_object_get(y, "id")), NULL, 10);
		c = (i > j) - (i < j);
	}
	return gdesc ? -c : c;
}

int scim_groups_list(db *d, const char *account_id, const struct scim_list_query *q, int with_members,
		     const char *base, json_t **resources, long long *total, struct scim_error *err)
{
	*resources = json_array();
	*total = 0;
	struct rows *c = calloc(1, sizeof *c);
	if (!c)
		return -1;
	c->base = base;
	long start = q->start < 1 ? 1 : q->start;
	long count = q->count < 0 ? 0 : q->count > SCIM_PAGE_MAX ? SCIM_PAGE_MAX : q->count;
	int rc = 0;
	int by_id = !q->sort_by || (!q->sort_by->urn[0] && strcmp(q->sort_by->attr, "id") == 0);
	if (!q->filter && by_id) {
		rc = db_int(d, total, "SELECT COUNT(*) FROM user_groups WHERE account_id = ?", "s", account_id) < 0 ? -1 : 0;
		if (rc == 0 && count > 0)
			rc = db_each(d, group_row, c,
				     q->descending ? SELECT_GROUPS " WHERE g.account_id = ? ORDER BY g.id DESC LIMIT ? OFFSET ?"
						   : SELECT_GROUPS " WHERE g.account_id = ? ORDER BY g.id LIMIT ? OFFSET ?",
				     "sii", account_id, (long long)count, (long long)(start - 1)) < 0 ? -1 : 0;
		if (rc == 0 && with_members)
			rc = attach_members(d, account_id, c);
		for (int i = 0; rc == 0 && i < c->n; i++)
			json_array_append(*resources, c->res[i]);
		rows_clear(c);
		free(c);
		return rc;
	}
	struct gl ls[GLOOKUPS_MAX];
	int n = 0, planned = q->filter && gplan(q->filter, ls, &n);
	for (int i = 0; planned && rc == 0 && i < n && !c->overflow; i++)
		rc = run_glookup(d, account_id, &ls[i], c) < 0 ? -1 : 0;
	if (rc == 0 && (!planned || c->overflow)) {
		rows_clear(c);
		c->overflow = 0;
		long long groups = 0;
		rc = db_int(d, &groups, "SELECT COUNT(*) FROM user_groups WHERE account_id = ?", "s", account_id) < 0 ? -1 : 0;
		if (rc == 0 && groups > SCIM_CANDIDATES_MAX) {
			scim_fail(err, 400, "tooMany",
				  "the account has more than %d groups: filter on id, displayName, externalId or members.value",
				  SCIM_CANDIDATES_MAX);
			rc = SCIM_REFUSED;
		} else if (rc == 0) {
			long long cap = SCIM_CANDIDATES_MAX + 1;
			rc = db_each(d, group_row, c, SELECT_GROUPS " WHERE g.account_id = ? ORDER BY g.id LIMIT ?", "si", account_id,
				     cap) < 0 ? -1 : 0;
		}
	}
	/* the filter may test members: the candidates carry them */
	if (rc == 0 && (with_members || q->filter))
		rc = attach_members(d, account_id, c);
	if (rc == 0) {
		int kept = 0;
		for (int i = 0; i < c->n; i++) {
			if (q->filter && !scim_filter_match(q->filter, c->res[i])) {
				json_decref(c->res[i]);
				continue;
			}
			if (!with_members)
				json_object_del(c->res[i], "members");
			c->res[kept++] = c->res[i];
		}
		c->n = kept;
		gsort = q->sort_by;
		gdesc = q->descending;
		qsort(c->res, (size_t)c->n, sizeof c->res[0], by_gsort);
		*total = c->n;
		for (long i = start - 1; i < c->n && i < start - 1 + count; i++)
			json_array_append(*resources, c->res[i]);
	}
	rows_clear(c);
	free(c);
	return rc;
}

json_t *scim_group_patchable(json_t *resource)
{
	json_t *doc = json_deep_copy(resource);
	json_object_del(doc, "id");
	json_object_del(doc, "meta");
	return doc;
}

/* ---- writing ---- */

/* The stored document: what was provisioned, members aside (they are rows). */
static char *stored_doc(json_t *doc)
{
	json_t *copy = json_deep_copy(doc);
	json_object_del(copy, "members");
	char *text = json_dumps(copy, JSON_COMPACT);
	json_decref(copy);
	return text;
}

/* Adds user uid to the group: 1, 0 when uid is no user of the account, -1. */
static int add_member(db *d, const char *acct, long long group, long long uid)
{
	long long n = db_exec(d,
		"INSERT IGNORE INTO user_group_members (group_id, user_id, account_id)"
		" SELECT ?, id, account_id FROM users WHERE account_id = ? AND id = ?",
		"isi", group, acct, uid);
	if (n < 0)
		return -1;
	if (n == 1)
		return 1;
	long long is_member = 0;
	if (db_int(d, &is_member, "SELECT COUNT(*) FROM user_group_members WHERE group_id = ? AND user_id = ?", "ii", group,
		   uid) < 0)
		return -1;
	return is_member ? 1 : 0;
}

static int no_such_member(struct scim_error *err, long long uid)
{
	scim_fail(err, 400, "invalidValue", "members: %lld is not a user of this account", uid);
	return SCIM_REFUSED;
}

int scim_group_create(db *d, const char *account_id, json_t *doc, long long *id, struct scim_error *err)
{
	struct scim_group_fields f;
	if (scim_group_fields(doc, &f, err) != 0)
		return SCIM_REFUSED;
	char *text = stored_doc(doc);
	int rc = -1;
	if (text && db_exec(d,
			    "INSERT INTO user_groups (account_id, display_name, external_id, source, doc, member_count,"
			    " created_at, updated_at) VALUES (?, ?, NULLIF(?, ''), 'SCIM', ?, 0, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
			    "ssss", account_id, f.display_name, f.external_id, text) == 1) {
		*id = (long long)db_insert_id(d);
		rc = 0;
		for (int i = 0; rc == 0 && i < f.n_members; i++) {
			int added = add_member(d, account_id, *id, f.members[i]);
			rc = added < 0 ? -1 : added == 0 ? no_such_member(err, f.members[i]) : 0;
		}
	}
	free(text);
	if (rc == 0 && db_exec(d, "UPDATE user_groups SET member_count = ? WHERE id = ?", "ii", (long long)f.n_members, *id) < 0)
		rc = -1;
	if (rc == 0) {
		char id_text[24];
		snprintf(id_text, sizeof id_text, "%lld", *id);
		json_t *details = json_pack("{s:s,s:i}", "source", "SCIM", "members", f.n_members);
		rc = audit_event(d, account_id, &scim_actor, "group.create", "group", id_text, f.display_name, details) == 0 ? 0 : -1;
		json_decref(details);
	}
	free(f.members);
	return rc;
}

struct member_ids {
	long long *ids;
	int n, cap;
};

static int member_id_row(void *ctx, const struct db_row *row)
{
	struct member_ids *m = ctx;
	if (m->n == m->cap) {
		int cap = m->cap ? m->cap * 2 : 64;
		long long *ids = realloc(m->ids, (size_t)cap * sizeof *ids);
		if (!ids)
			return -1;
		m->ids = ids;
		m->cap = cap;
	}
	m->ids[m->n++] = row_int(row, "user_id");
	return 0;
}

static int in_list(const long long *ids, int n, long long id)
{
	for (int i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

struct group_now {
	char name[1024], external_id[1024];
	char *doc;
};

static int group_now_row(void *ctx, const struct db_row *row)
{
	struct group_now *g = ctx;
	row_copy(row, "display_name", g->name, sizeof g->name);
	row_copy(row, "external_id", g->external_id, sizeof g->external_id);
	g->doc = strdup(row_str(row, "doc"));
	return 0;
}

int scim_group_replace(db *d, const char *account_id, long long id, json_t *doc, int *changed, struct scim_error *err)
{
	*changed = 0;
	struct scim_group_fields f;
	if (scim_group_fields(doc, &f, err) != 0)
		return SCIM_REFUSED;
	struct group_now old;
	memset(&old, 0, sizeof old);
	struct member_ids now = {0};
	int rc = db_one(d, group_now_row, &old,
			"SELECT display_name, external_id, doc FROM user_groups WHERE account_id = ? AND id = ? FOR UPDATE", "si",
			account_id, id);
	if (rc != 1) {
		free(f.members);
		free(old.doc);
		return rc < 0 ? -1 : (scim_fail(err, 404, "", "no group %lld in this account", id), SCIM_REFUSED);
	}
	char *text = stored_doc(doc);
	rc = db_each(d, member_id_row, &now, "SELECT user_id FROM user_group_members WHERE group_id = ?", "i", id) < 0 ? -1 : 0;
	json_t *added = json_array(), *removed = json_array();
	for (int i = 0; rc == 0 && i < f.n_members; i++) {
		if (in_list(now.ids, now.n, f.members[i]))
			continue;
		int a = add_member(d, account_id, id, f.members[i]);
		rc = a < 0 ? -1 : a == 0 ? no_such_member(err, f.members[i]) : 0;
		if (rc == 0 && json_array_size(added) < 50)
			json_array_append_new(added, json_integer(f.members[i]));
		*changed = 1;
	}
	for (int i = 0; rc == 0 && i < now.n; i++) {
		if (in_list(f.members, f.n_members, now.ids[i]))
			continue;
		rc = db_exec(d, "DELETE FROM user_group_members WHERE group_id = ? AND user_id = ?", "ii", id, now.ids[i]) < 0 ? -1 : 0;
		if (json_array_size(removed) < 50)
			json_array_append_new(removed, json_integer(now.ids[i]));
		*changed = 1;
	}
	json_t *changes = json_object();
	audit_change(changes, "display_name", old.name, f.display_name);
	audit_change(changes, "external_id", old.external_id, f.external_id);
	if (!text || strcmp(text, old.doc ? old.doc : "") != 0)
		*changed = 1;
	if (rc == 0 && *changed) {
		if (db_exec(d,
			    "UPDATE user_groups SET display_name = ?, external_id = NULLIF(?, ''), doc = ?, member_count = ?,"
			    " version = version + 1, updated_at = UTC_TIMESTAMP() WHERE account_id = ? AND id = ?",
			    "sssisi", f.display_name, f.external_id, text ? text : "{}", (long long)f.n_members, account_id, id) < 0)
			rc = -1;
		if (json_array_size(added))
			json_object_set(changes, "members_added", added);
		if (json_array_size(removed))
			json_object_set(changes, "members_removed", removed);
		char id_text[24];
		snprintf(id_text, sizeof id_text, "%lld", id);
		if (rc == 0 && audit_event(d, account_id, &scim_actor, "group.update", "group", id_text, f.display_name, changes) != 0)
			rc = -1;
	}
	json_decref(changes);
	json_decref(added);
	json_decref(removed);
	free(text);
	free(old.doc);
	free(now.ids);
	free(f.members);
	return rc;
}

int scim_group_delete(db *d, const char *account_id, long long id, struct scim_error *err)
{
	struct group_now old;
	memset(&old, 0, sizeof old);
	int rc = db_one(d, group_now_row, &old,
			"SELECT display_name, external_id, doc FROM user_groups WHERE account_id = ? AND id = ? FOR UPDATE", "si",
			account_id, id);
	free(old.doc);
	if (rc != 1)
		return rc < 0 ? -1 : (scim_fail(err, 404, "", "no group %lld in this account", id), SCIM_REFUSED);
	if (db_exec(d, "DELETE FROM user_groups WHERE account_id = ? AND id = ?", "si", account_id, id) != 1)
		return -1;
	char id_text[24];
	snprintf(id_text, sizeof id_text, "%lld", id);
	json_t *details = json_pack("{s:s}", "source", "SCIM");
	rc = audit_event(d, account_id, &scim_actor, "group.delete", "group", id_text, old.name, details) == 0 ? 0 : -1;
	json_decref(details);
	return rc;
}

/* ---- for the users screens ---- */

struct each_group {
	user_group_fn fn;
	void *ctx;
};

static int each_group_row(void *ctx, const struct db_row *row)
{
	struct each_group *e = ctx;
	struct user_group g = {row_int(row, "id"), row_str(row, "display_name"), row_int(row, "member_count")};
	return e->fn(e->ctx, &g);
}

int user_groups_of_user_each(db *d, const char *account_id, long long user_id, user_group_fn fn, void *ctx)
{
	struct each_group e = {fn, ctx};
	return db_each(d, each_group_row, &e,
		       "SELECT g.id, g.display_name, g.member_count FROM user_group_members m JOIN user_groups g ON g.id = m.group_id"
		       " WHERE m.user_id = ? AND g.account_id = ? ORDER BY g.display_name, g.id",
		       "is", user_id, account_id);
}

int user_groups_each(db *d, const char *account_id, int max, user_group_fn fn, void *ctx)
{
	struct each_group e = {fn, ctx};
	return db_each(d, each_group_row, &e,
		       "SELECT id, display_name, member_count FROM user_groups WHERE account_id = ?"
		       " ORDER BY display_name, id LIMIT ?",
		       "si", account_id, (long long)max);
}

int user_group_name(db *d, const char *account_id, long long id, char *name, size_t size)
{
	return db_str(d, name, size, "SELECT display_name FROM user_groups WHERE account_id = ? AND id = ?", "si",
		      account_id, id);
}
