/* The Roles screens' shared parts: the role's details and the Permissions
 * matrix (lib/perm.c decides which cells exist). */
#include "cgi-bin/roles/role_form.h"

#include <stdio.h>
#include <string.h>

void role_publish(struct req *r, const struct custom_role *role)
{
	hdf_set_valuef(r->hdf, "Role.id=%lld", role->id);
	hdf_set_value(r->hdf, "Role.name", role->name);
	hdf_set_value(r->hdf, "Role.description", role->description);
	hdf_set_value(r->hdf, "Role.base", base_key(role->base));
	hdf_set_valuef(r->hdf, "Role.users=%lld", role->users);
}

void role_id_text(long long id, char out[24])
{
	snprintf(out, 24, "%lld", id);
}

static const enum verb columns[] = {VERB_VIEW, VERB_ADD, VERB_EDIT, VERB_ASSIGN, VERB_DELETE};
#define N_COLUMNS (sizeof columns / sizeof columns[0])

/* "partner_users_add": the checkbox of one cell. */
static void cell_name(enum base_role b, enum feature f, enum verb v, char *out, size_t size)
{
	snprintf(out, size, "%s_%s_%s", base_key(b), feature_key(f), verb_key(v));
}

void role_publish_matrix(struct req *r, enum base_role b, const unsigned sel[FEAT_COUNT])
{
	int n;
	const struct matrix_row *rows = perm_matrix(b, &n);
	char key[128], value[96];
	for (int i = 0; i < n; i++) {
		const char *feature = feature_key(rows[i].feature);
		snprintf(key, sizeof key, "Matrix.%s.%d.feature", base_key(b), i);
		hdf_set_value(r->hdf, key, feature);
		for (size_t c = 0; c < N_COLUMNS; c++) {
			enum verb v = columns[c];
			const char *state = !(rows[i].applicable & v) ? "na"
					    : (rows[i].fixed & v)    ? "fixed"
					    : (sel[rows[i].feature] & v) ? "on" : "off";
			snprintf(key, sizeof key, "Matrix.%s.%d.cells.%zu.state", base_key(b), i, c);
			hdf_set_value(r->hdf, key, state);
			snprintf(key, sizeof key, "Matrix.%s.%d.cells.%zu.verb", base_key(b), i, c);
			hdf_set_value(r->hdf, key, verb_key(v));
			cell_name(b, rows[i].feature, v, value, sizeof value);
			snprintf(key, sizeof key, "Matrix.%s.%d.cells.%zu.name", base_key(b), i, c);
			hdf_set_value(r->hdf, key, value);
		}
	}
}

void role_read_selection(struct req *r, enum base_role b, unsigned sel[FEAT_COUNT])
{
	memset(sel, 0, sizeof(unsigned) * FEAT_COUNT);
	int n;
	const struct matrix_row *rows = perm_matrix(b, &n);
	char name[96];
	for (int i = 0; i < n; i++)
		for (size_t c = 0; c < N_COLUMNS; c++) {
			cell_name(b, rows[i].feature, columns[c], name, sizeof name);
			if (form_checked(r, name))
				sel[rows[i].feature] |= columns[c];
		}
	perm_selection_clean(b, sel);
}
