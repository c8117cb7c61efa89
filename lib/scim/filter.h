#ifndef SB_SCIM_FILTER_H
#define SB_SCIM_FILTER_H
/* SCIM filters (RFC 7644 §3.4.2.2), the whole grammar:
 *   attrPath op value | attrPath pr | filter and filter | filter or filter
 *   | not (filter) | (filter) | attrPath[valFilter]
 * with op one of eq ne co sw ew gt ge lt le, keywords and attribute names
 * in any case, "and" binding tighter than "or", and, as Microsoft Entra
 * sends it, a sub-attribute after a value filter compared within the same
 * element: emails[type eq "work"].value eq "a@b.c".
 *
 * Parsing resolves every path against the resource type's schemas, so a
 * comparison knows its attribute's type (dateTime, boolean, ...) and
 * whether it is case-exact; combinations the RFC refuses (gt on a boolean,
 * eq on a complex attribute) are invalidFilter here. Evaluation then runs
 * over a resource as JSON. Pure: a parser and an evaluator, fuzzed. */
#include "lib/scim/error.h"
#include "lib/scim/path.h"

#include <jansson.h>

#define SCIM_FILTER_MAX 4096    /* bytes of filter text */
#define SCIM_FILTER_DEPTH 32    /* nesting of parentheses, not and value filters */

enum scim_op { SCIM_EQ, SCIM_NE, SCIM_CO, SCIM_SW, SCIM_EW, SCIM_GT, SCIM_GE, SCIM_LT, SCIM_LE, SCIM_PR };
enum scim_node { SCIM_AND, SCIM_OR, SCIM_NOT, SCIM_CMP, SCIM_VALUE_PATH };
enum scim_literal { SCIM_LIT_STRING, SCIM_LIT_NUMBER, SCIM_LIT_TRUE, SCIM_LIT_FALSE, SCIM_LIT_NULL };

struct scim_filter {
	enum scim_node kind;
	struct scim_filter *left, *right;   /* and, or; not: left */
	struct scim_path path;              /* cmp; value path: the multi-valued attribute (and the
					       sub-attribute after the brackets, if any) */
	char text[SCIM_URN_MAX + 2 * SCIM_NAME_MAX]; /* the path as written */
	char subtext[SCIM_NAME_MAX];        /* value path: the sub-attribute after the brackets, as written */
	enum scim_op op;                    /* cmp; value path with a sub-attribute */
	int compares;                       /* value path: a sub-attribute comparison follows the brackets */
	enum scim_literal lit;
	char *str;                          /* a string literal, decoded (malloc'd) */
	double num;
	struct scim_filter *inner;          /* value path: the filter within the brackets */
};

/* Parses text for resources of type t (NULL: no schema, every attribute
 * unknown). NULL with err (400 invalidFilter) when it is not a filter. */
struct scim_filter *scim_filter_parse(const char *text, const struct scim_resource_type *t, struct scim_error *err);
void scim_filter_free(struct scim_filter *f);

/* 1 when the resource matches. Strings compare case-insensitively unless
 * the attribute is caseExact; a multi-valued attribute matches when any of
 * its values does (a complex one by its "value" sub-attribute); a missing
 * attribute matches nothing but "eq null". */
int scim_filter_match(const struct scim_filter *f, json_t *resource);

/* The filter as an S-expression, with names as written and values as JSON:
 * (and (eq userName "bjensen") (pr title)). For tests that compare parsers.
 * malloc'd. */
char *scim_filter_sexpr(const struct scim_filter *f);

/* Filters inside a PATCH path's brackets: the parser's entry point for the
 * value filter alone, resolved against the multi-valued attribute. */
struct scim_filter *scim_filter_parse_within(const char *text, size_t len, const struct scim_attr *parent,
					     struct scim_error *err);
#endif
