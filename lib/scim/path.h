#ifndef SB_SCIM_PATH_H
#define SB_SCIM_PATH_H
/* Attribute paths (RFC 7644 §3.4.2.2 attrPath, §3.5.2 PATH):
 *   [schema-URN ":"] attribute ["." sub-attribute]
 * and PATCH paths, which may carry a value filter:
 *   attrPath | attrPath "[" valFilter "]" ["." sub-attribute]
 * Names are matched case-insensitively and rewritten to their schema's
 * spelling; a path in the core schema of the resource loses its URN. */
#include "lib/scim/error.h"
#include "lib/scim/schema.h"

#include <stddef.h>

#define SCIM_URN_MAX 160
#define SCIM_NAME_MAX 72

struct scim_path {
	char urn[SCIM_URN_MAX];        /* "" for the core schema, else an extension's URN */
	char attr[SCIM_NAME_MAX];      /* "" when the path names a whole extension */
	char sub[SCIM_NAME_MAX];       /* "" when none */
	const struct scim_attr *attr_def;   /* NULL: not in the schema */
	const struct scim_attr *sub_def;
};

/* Parses len bytes of text (an attrPath, no brackets) into p. 0, or -1
 * with err (invalidPath). */
int scim_path_parse(const char *text, size_t len, struct scim_path *p, struct scim_error *err);

/* Resolves p against a resource type (top-level paths) or, when parent is
 * set, against that complex attribute's sub-attributes (paths inside a
 * value filter). Unknown attributes stay as written (attr_def NULL). 0, or
 * -1 with err when the URN is not one of the resource type's schemas or a
 * sub-attribute is given on an attribute that has none. */
int scim_path_resolve(struct scim_path *p, const struct scim_resource_type *t, const struct scim_attr *parent,
		      struct scim_error *err);

/* The path as text: "urn:…:attr.sub" (the URN only when it is an extension's). */
void scim_path_text(const struct scim_path *p, char *out, size_t size);

/* A list of attribute paths separated by commas (attributes=,
 * excludedAttributes=), resolved. Returns how many (at most max), or -1 with err. */
int scim_path_list(const char *text, const struct scim_resource_type *t, struct scim_path *out, int max,
		   struct scim_error *err);
#endif
