#ifndef SB_ROLE_FORM_H
#define SB_ROLE_FORM_H
/* What the Roles screens share (guide §2.14): finding a role within the
 * actor's reach, and the New Role / Edit Role form with its Permissions
 * matrix. */
#include "cgi-bin/core/request.h"

#define ROLE_NAME_MAX 100
#define ROLE_DESCRIPTION_MAX 500

/* Loads the role named by the path (r->path_id) into Role.* (id, name,
 * description, base, grants, modified, updated_by_name, users): a partner
 * user reaches their partner's roles, an Account Admin the roles assigned
 * to their account. for_update locks it. 1 found, 0 not, -1 error. */
int role_load(struct req *r, int for_update);

/* The base of the loaded role. */
enum base_role role_base(struct req *r);

/* Publishes Matrix.<base>.N.* for the template: label, hint and each cell's
 * field name and state, from a selection. */
void role_publish_matrix(struct req *r, enum base_role b, const unsigned sel[FEAT_COUNT]);

/* Reads the checked cells of base b's matrix from the form (cleaned: fixed
 * cells on, inapplicable ones off). */
void role_read_selection(struct req *r, enum base_role b, unsigned sel[FEAT_COUNT]);

/* Checks Role name (required, unique within the partner but for except_id)
 * and Description, echoing them. Returns 1 when both are fine, 0 when a
 * message was put next to a field, -1 on a database error. */
int role_read_fields(struct req *r, long long except_id);
#endif
