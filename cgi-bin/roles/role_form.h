#ifndef SB_ROLE_FORM_H
#define SB_ROLE_FORM_H
/* What the Roles screens share (guide §2.14): the role's details for the
 * templates, and the New Role / Edit Role form's Permissions matrix. */
#include "cgi-bin/core/request.h"

/* Role.* (id, name, description, base, users) for the templates. */
void role_publish(struct req *r, const struct custom_role *role);

/* Publishes Matrix.<base>.N.* for the template: each row's feature and
 * each cell's field name and state, from a selection. */
void role_publish_matrix(struct req *r, enum base_role b, const unsigned sel[FEAT_COUNT]);

/* Reads the checked cells of base b's matrix from the form (cleaned: fixed
 * cells on, inapplicable ones off). */
void role_read_selection(struct req *r, enum base_role b, unsigned sel[FEAT_COUNT]);

/* The id as text, for events. */
void role_id_text(long long id, char out[24]);
#endif
