#ifndef SB_SCIM_PATCH_H
#define SB_SCIM_PATCH_H
/* PATCH (RFC 7644 §3.5.2): add, replace and remove, with and without a
 * path, on attributes, sub-attributes, extension attributes (by URN) and
 * the elements of multi-valued attributes a value filter selects. The
 * operations apply in order and all together or not at all.
 *
 * Microsoft Entra's dialect is accepted as well: "op" in any case
 * ("Replace"); a value object without a path whose keys are themselves
 * paths ("name.givenName", "urn:…:enterprise:2.0:User:employeeNumber");
 * "True"/"False" strings for booleans; a replace (or add) on a filtered
 * path that matches no element adds the element the filter describes
 * (emails[type eq "work"].value → {"type": "work", "value": …}); and a
 * remove of a multi-valued attribute with a "value" list removes just
 * those values (members). A null value unassigns. Pure. */
#include "lib/scim/error.h"
#include "lib/scim/schema.h"

#include <jansson.h>

#define SCIM_PATCH_MAX_OPS 1000

/* Applies the PatchOp body's Operations to a copy of doc (a normalized
 * resource without id and meta) and returns it normalized again; NULL with
 * err (invalidSyntax, invalidPath, invalidFilter, noTarget, mutability,
 * invalidValue) when any operation fails. */
json_t *scim_patch(json_t *doc, json_t *body, const struct scim_resource_type *t, struct scim_error *err);
#endif
