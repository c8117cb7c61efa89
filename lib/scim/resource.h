#ifndef SB_SCIM_RESOURCE_H
#define SB_SCIM_RESOURCE_H
/* A SCIM resource as a JSON document: what a client sends is brought to
 * one shape before anything reads it, and what the console answers is cut
 * to what was asked for (RFC 7644 §3.4.2.5) and sorted (§3.4.2.3). Pure. */
#include "lib/scim/error.h"
#include "lib/scim/path.h"

#include <jansson.h>

/* Brings doc (an object) to its canonical shape, in place: known attribute
 * names in their schema's spelling (an extension's attributes under its
 * URN), "True"/"False" strings of boolean attributes as booleans, a single
 * value of a multi-valued attribute as a one-element array, nulls and empty
 * values removed (unassigned, RFC 7643 §2.5), read-only and write-only
 * attributes dropped (a client cannot set them; the password is never
 * kept). Unknown attributes stay as sent: a GET gives back what was
 * provisioned. 0, or -1 with err (invalidValue, invalidSyntax) when an
 * attribute has the wrong type. */
int scim_normalize(json_t *doc, const struct scim_resource_type *t, struct scim_error *err);

/* The resource cut to attributes= (NULL/0: all) and excludedAttributes=
 * (RFC 7644 §3.4.2.5): id and schemas always stay. A new reference. */
json_t *scim_project(json_t *resource, const struct scim_path *attrs, int n_attrs, const struct scim_path *excluded,
		     int n_excluded);

/* Compares two resources by the attribute a sortBy path names (a
 * multi-valued one by its primary value, else its first): strings by the
 * attribute's case rule, numbers, booleans and dateTimes by value; a
 * resource without the attribute sorts after those with it. */
int scim_sort_compare(json_t *a, json_t *b, const struct scim_path *by);
#endif
