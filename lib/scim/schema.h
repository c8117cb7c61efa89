#ifndef SB_SCIM_SCHEMA_H
#define SB_SCIM_SCHEMA_H
/* The SCIM 2.0 schemas the console serves (RFC 7643 §4, §8.7): the core
 * User with the enterprise extension, and Group. The definitions drive
 * everything that needs to know an attribute — its canonical spelling (names
 * are case-insensitive), its type for filter comparisons, its mutability
 * for PATCH and PUT, whether it is returned — and are published as they are
 * at /Schemas and /ResourceTypes. Pure: no database, no I/O. */
#include <jansson.h>

#define SCIM_URN_USER "urn:ietf:params:scim:schemas:core:2.0:User"
#define SCIM_URN_GROUP "urn:ietf:params:scim:schemas:core:2.0:Group"
#define SCIM_URN_ENTERPRISE "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
#define SCIM_URN_LIST "urn:ietf:params:scim:api:messages:2.0:ListResponse"
#define SCIM_URN_ERROR "urn:ietf:params:scim:api:messages:2.0:Error"
#define SCIM_URN_PATCH "urn:ietf:params:scim:api:messages:2.0:PatchOp"
#define SCIM_URN_SEARCH "urn:ietf:params:scim:api:messages:2.0:SearchRequest"
#define SCIM_URN_SPC "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"
#define SCIM_URN_RESOURCE_TYPE "urn:ietf:params:scim:schemas:core:2.0:ResourceType"
#define SCIM_URN_SCHEMA "urn:ietf:params:scim:schemas:core:2.0:Schema"

enum scim_type { SCIM_STRING, SCIM_BOOLEAN, SCIM_DECIMAL, SCIM_INTEGER, SCIM_DATETIME, SCIM_REFERENCE, SCIM_COMPLEX,
		 SCIM_BINARY };
enum scim_mutability { SCIM_READ_WRITE, SCIM_READ_ONLY, SCIM_IMMUTABLE, SCIM_WRITE_ONLY };
enum scim_returned { SCIM_RET_DEFAULT, SCIM_RET_ALWAYS, SCIM_RET_NEVER, SCIM_RET_REQUEST };

struct scim_attr {
	const char *name;
	enum scim_type type;
	int multi;
	int required;
	int case_exact;
	enum scim_mutability mutability;
	enum scim_returned returned;
	const char *uniqueness;          /* "none", "server" */
	const char *description;
	const char *const *canonical;    /* NULL-ended, or NULL */
	const char *const *ref_types;    /* NULL-ended, or NULL */
	const struct scim_attr *sub;     /* ended by a row with no name, or NULL */
};

struct scim_schema {
	const char *id;
	const char *name;
	const char *description;
	const struct scim_attr *attrs;   /* ended by a row with no name */
};

/* A resource type: its core schema and the extensions it may carry. */
struct scim_resource_type {
	const char *name;                /* "User", "Group" */
	const char *endpoint;            /* "/Users" */
	const char *description;
	const struct scim_schema *schema;
	const struct scim_schema *extension;   /* NULL: none */
};

extern const struct scim_resource_type scim_user_type, scim_group_type;

/* Every schema the console knows, NULL-ended. */
const struct scim_schema *const *scim_schemas(void);
/* The schema with this URN (case-insensitive), or NULL. */
const struct scim_schema *scim_schema_find(const char *urn);
/* The attribute of a list (a schema's, or a complex attribute's sub) named
 * name, case-insensitively; or NULL. len: the name's length (-1: NUL-ended). */
const struct scim_attr *scim_attr_find(const struct scim_attr *list, const char *name, int len);
/* The common attributes every resource has (id, externalId, meta). */
const struct scim_attr *scim_common_attrs(void);

/* The schema, and resource type, representations of RFC 7643 §6, §7 (new
 * references). location_base: the service's base URL (…/scim/v2/<acct>). */
json_t *scim_schema_json(const struct scim_schema *s, const char *location_base);
json_t *scim_resource_type_json(const struct scim_resource_type *t, const char *location_base);
#endif
