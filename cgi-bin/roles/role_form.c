/* The Roles screens' shared parts: the role within reach, the form's fields
 * and the Permissions matrix (lib/perm.c decides which cells exist). */
#include "cgi-bin/roles/role_form.h"
#include "lib/core/db_hdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROLE_COLUMNS \
	"SELECT id, name, description, base, grants, DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i') AS modified," \
	" updated_by_name, (SELECT COUNT(*) FROM users WHERE custom_role_id = roles.id) AS users" \
	" FROM roles WHERE id = ? AND (partner_id = ? OR id IN (SELECT role_id FROM role_accounts WHERE account_id = ?))"

int role_load(struct req *r, int for_update)
{
	long long id = strtoll(r->path_id, NULL, 10); /* valid_id: 1 to 18 digits */
	/* Partner users reach by partner, everyone else by their account's assignments. */
	int partner = role_is_partner(r->me.role);
	const char *by_partner = partner ? r->me.partner_id : "";
	const char *by_account = partner ? "" : r->me.account_id;
	hdf_remove_tree(r->hdf, "Role");
	if (for_update)
		return db_row(r->db, r->hdf, "Role", ROLE_COLUMNS " FOR UPDATE", "iss", id, by_partner, by_account);
	return db_row(r->db, r->hdf, "Role", ROLE_COLUMNS, "iss", id, by_partner, by_account);
}

enum base_role role_base(struct req *r)
{
	enum base_role b = BASE_PARTNER;
	base_from_key(hdf_get_value(r->hdf, "Role.base", ""), &b);
	return b;
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

int role_read_fields(struct req *r, long long except_id)
{
	int ok = check_text(r, "name", 1, ROLE_NAME_MAX);
	ok &= check_text(r, "description", 0, ROLE_DESCRIPTION_MAX);
	if (!ok)
		return 0;
	long long found = 0;
	int rc = db_int(r->db, &found, "SELECT id FROM roles WHERE partner_id = ? AND name = ? AND id <> ?", "ssi",
			r->me.partner_id, form(r, "name"), except_id);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		field_error(r, "name", "roles.errors.name_taken");
		return 0;
	}
	return 1;
}
