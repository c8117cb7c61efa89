/* The schemas of RFC 7643 §4 and §8.7 as data. Descriptions are short:
 * clients read the structure, not the prose. */
#include "lib/scim/schema.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define RW SCIM_READ_WRITE
#define RO SCIM_READ_ONLY
#define IMM SCIM_IMMUTABLE
#define WO SCIM_WRITE_ONLY
#define DEF SCIM_RET_DEFAULT
#define ALW SCIM_RET_ALWAYS
#define NEV SCIM_RET_NEVER

/* name, type, multi, required, caseExact, mutability, returned, uniqueness, description, canonical, refTypes, sub */
#define STR(n, d) {n, SCIM_STRING, 0, 0, 0, RW, DEF, "none", d, NULL, NULL, NULL}
#define END {0}

static const char *const email_types[] = {"work", "home", "other", NULL};
static const char *const phone_types[] = {"work", "home", "mobile", "fax", "pager", "other", NULL};
static const char *const im_types[] = {"aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo", NULL};
static const char *const photo_types[] = {"photo", "thumbnail", NULL};
static const char *const address_types[] = {"work", "home", "other", NULL};
static const char *const group_kinds[] = {"direct", "indirect", NULL};
static const char *const member_kinds[] = {"User", "Group", NULL};
static const char *const ref_external[] = {"external", NULL};
static const char *const ref_user_group[] = {"User", "Group", NULL};
static const char *const ref_user[] = {"User", NULL};

/* value, display, type and primary: the sub-attributes of most multi-valued attributes. */
#define MULTI_SUBS(value_type, kinds) { \
	{"value", value_type, 0, 0, 0, RW, DEF, "none", "The value.", NULL, NULL, NULL}, \
	{"display", SCIM_STRING, 0, 0, 0, RW, DEF, "none", "A human-readable name.", NULL, NULL, NULL}, \
	{"type", SCIM_STRING, 0, 0, 0, RW, DEF, "none", "A label of the value's function.", kinds, NULL, NULL}, \
	{"primary", SCIM_BOOLEAN, 0, 0, 0, RW, DEF, "none", "The preferred value.", NULL, NULL, NULL}, END}

static const struct scim_attr name_subs[] = {
	STR("formatted", "The full name, formatted for display."),
	STR("familyName", "The family name."),
	STR("givenName", "The given name."),
	STR("middleName", "The middle name."),
	STR("honorificPrefix", "The honorific prefix."),
	STR("honorificSuffix", "The honorific suffix."),
	END,
};
static const struct scim_attr email_subs[] = MULTI_SUBS(SCIM_STRING, email_types);
static const struct scim_attr phone_subs[] = MULTI_SUBS(SCIM_STRING, phone_types);
static const struct scim_attr im_subs[] = MULTI_SUBS(SCIM_STRING, im_types);
static const struct scim_attr photo_subs[] = {
	{"value", SCIM_REFERENCE, 0, 0, 0, RW, DEF, "none", "The URL of the image.", NULL, ref_external, NULL},
	STR("display", "A human-readable name."),
	{"type", SCIM_STRING, 0, 0, 0, RW, DEF, "none", "photo or thumbnail.", photo_types, NULL, NULL},
	{"primary", SCIM_BOOLEAN, 0, 0, 0, RW, DEF, "none", "The preferred value.", NULL, NULL, NULL},
	END,
};
static const struct scim_attr address_subs[] = {
	STR("formatted", "The full address, formatted for display."),
	STR("streetAddress", "The street address."),
	STR("locality", "The city or locality."),
	STR("region", "The state or region."),
	STR("postalCode", "The postal code."),
	STR("country", "The country (ISO 3166-1 alpha-2)."),
	{"type", SCIM_STRING, 0, 0, 0, RW, DEF, "none", "work, home or other.", address_types, NULL, NULL},
	{"primary", SCIM_BOOLEAN, 0, 0, 0, RW, DEF, "none", "The preferred address.", NULL, NULL, NULL},
	END,
};
static const struct scim_attr user_group_subs[] = {
	{"value", SCIM_STRING, 0, 0, 0, RO, DEF, "none", "The group's id.", NULL, NULL, NULL},
	{"$ref", SCIM_REFERENCE, 0, 0, 0, RO, DEF, "none", "The group's URI.", NULL, ref_user_group, NULL},
	{"display", SCIM_STRING, 0, 0, 0, RO, DEF, "none", "The group's name.", NULL, NULL, NULL},
	{"type", SCIM_STRING, 0, 0, 0, RO, DEF, "none", "direct or indirect.", group_kinds, NULL, NULL},
	END,
};
static const struct scim_attr plain_subs[] = MULTI_SUBS(SCIM_STRING, NULL);
static const struct scim_attr cert_subs[] = MULTI_SUBS(SCIM_BINARY, NULL);

static const struct scim_attr user_attrs[] = {
	{"userName", SCIM_STRING, 0, 1, 0, RW, ALW, "server", "The unique identifier the user signs in with.", NULL, NULL, NULL},
	{"name", SCIM_COMPLEX, 0, 0, 0, RW, DEF, "none", "The components of the user's name.", NULL, NULL, name_subs},
	STR("displayName", "The name shown for the user."),
	STR("nickName", "The casual name."),
	{"profileUrl", SCIM_REFERENCE, 0, 0, 0, RW, DEF, "none", "The user's online profile.", NULL, ref_external, NULL},
	STR("title", "The user's title."),
	STR("userType", "The relationship to the organization."),
	STR("preferredLanguage", "The preferred written or spoken language (RFC 7231 language tag)."),
	STR("locale", "The default location, for localizing."),
	STR("timezone", "The time zone (IANA name)."),
	{"active", SCIM_BOOLEAN, 0, 0, 0, RW, DEF, "none", "Whether the user may sign in.", NULL, NULL, NULL},
	{"password", SCIM_STRING, 0, 0, 0, WO, NEV, "none", "Not stored: the console does not take passwords by SCIM.", NULL, NULL, NULL},
	{"emails", SCIM_COMPLEX, 1, 0, 0, RW, DEF, "none", "Email addresses; the work address is the sign-in email.", NULL, NULL, email_subs},
	{"phoneNumbers", SCIM_COMPLEX, 1, 0, 0, RW, DEF, "none", "Phone numbers, E.164.", NULL, NULL, phone_subs},
	{"ims", SCIM_COMPLEX, 1, 0, 0, RW, DEF, "none", "Instant messaging addresses.", NULL, NULL, im_subs},
	{"photos", SCIM_COMPLEX, 1, 0, 0, RW, DEF, "none", "Images of the user.", NULL, NULL, photo_subs},
	{"addresses", SCIM_COMPLEX, 1, 0, 0, RW, DEF, "none", "Physical mailing addresses.", NULL, NULL, address_subs},
	{"groups", SCIM_COMPLEX, 1, 0, 0, RO, DEF, "none", "The groups the user belongs to.", NULL, NULL, user_group_subs},
	{"entitlements", SCIM_COMPLEX, 1, 0, 0, RW, DEF, "none", "Entitlements.", NULL, NULL, plain_subs},
	{"roles", SCIM_COMPLEX, 1, 0, 0, RW, DEF, "none", "Roles.", NULL, NULL, plain_subs},
	{"x509Certificates", SCIM_COMPLEX, 1, 0, 0, RW, DEF, "none", "Certificates.", NULL, NULL, cert_subs},
	END,
};

static const struct scim_attr manager_subs[] = {
	{"value", SCIM_STRING, 0, 0, 0, RW, DEF, "none", "The manager's id.", NULL, NULL, NULL},
	{"$ref", SCIM_REFERENCE, 0, 0, 0, RW, DEF, "none", "The manager's URI.", NULL, ref_user, NULL},
	{"displayName", SCIM_STRING, 0, 0, 0, RO, DEF, "none", "The manager's name.", NULL, NULL, NULL},
	END,
};
static const struct scim_attr enterprise_attrs[] = {
	STR("employeeNumber", "The employee number."),
	STR("costCenter", "The cost center."),
	STR("organization", "The organization."),
	STR("division", "The division."),
	STR("department", "The department."),
	{"manager", SCIM_COMPLEX, 0, 0, 0, RW, DEF, "none", "The user's manager.", NULL, NULL, manager_subs},
	END,
};

static const struct scim_attr member_subs[] = {
	{"value", SCIM_STRING, 0, 0, 0, IMM, DEF, "none", "The member's id.", NULL, NULL, NULL},
	{"$ref", SCIM_REFERENCE, 0, 0, 0, IMM, DEF, "none", "The member's URI.", NULL, ref_user_group, NULL},
	{"display", SCIM_STRING, 0, 0, 0, RO, DEF, "none", "The member's name.", NULL, NULL, NULL},
	{"type", SCIM_STRING, 0, 0, 0, IMM, DEF, "none", "User (groups hold users only).", member_kinds, NULL, NULL},
	END,
};
static const struct scim_attr group_attrs[] = {
	{"displayName", SCIM_STRING, 0, 1, 0, RW, DEF, "none", "The group's name.", NULL, NULL, NULL},
	{"members", SCIM_COMPLEX, 1, 0, 0, RW, DEF, "none", "The users in the group.", NULL, NULL, member_subs},
	END,
};

static const struct scim_attr meta_subs[] = {
	{"resourceType", SCIM_STRING, 0, 0, 1, RO, DEF, "none", "User or Group.", NULL, NULL, NULL},
	{"created", SCIM_DATETIME, 0, 0, 0, RO, DEF, "none", "When the resource was added.", NULL, NULL, NULL},
	{"lastModified", SCIM_DATETIME, 0, 0, 0, RO, DEF, "none", "When it last changed.", NULL, NULL, NULL},
	{"location", SCIM_REFERENCE, 0, 0, 1, RO, DEF, "none", "Its URI.", NULL, NULL, NULL},
	{"version", SCIM_STRING, 0, 0, 1, RO, DEF, "none", "Its version (the ETag).", NULL, NULL, NULL},
	END,
};
static const struct scim_attr common_attrs[] = {
	{"id", SCIM_STRING, 0, 0, 1, RO, ALW, "server", "The console's identifier.", NULL, NULL, NULL},
	{"externalId", SCIM_STRING, 0, 0, 1, RW, DEF, "none", "The provisioning client's identifier.", NULL, NULL, NULL},
	{"meta", SCIM_COMPLEX, 0, 0, 0, RO, DEF, "none", "Resource metadata.", NULL, NULL, meta_subs},
	END,
};

static const struct scim_schema user_schema = {SCIM_URN_USER, "User", "User Account", user_attrs};
static const struct scim_schema enterprise_schema = {SCIM_URN_ENTERPRISE, "EnterpriseUser", "Enterprise User",
						     enterprise_attrs};
static const struct scim_schema group_schema = {SCIM_URN_GROUP, "Group", "Group", group_attrs};

const struct scim_resource_type scim_user_type = {"User", "/Users", "User Account", &user_schema, &enterprise_schema};
const struct scim_resource_type scim_group_type = {"Group", "/Groups", "Group", &group_schema, NULL};

const struct scim_schema *const *scim_schemas(void)
{
	static const struct scim_schema *const all[] = {&user_schema, &enterprise_schema, &group_schema, NULL};
	return all;
}

const struct scim_schema *scim_schema_find(const char *urn)
{
	for (const struct scim_schema *const *s = scim_schemas(); *s; s++)
		if (strcasecmp((*s)->id, urn) == 0)
			return *s;
	return NULL;
}

const struct scim_attr *scim_attr_find(const struct scim_attr *list, const char *name, int len)
{
	size_t n = len < 0 ? strlen(name) : (size_t)len;
	for (const struct scim_attr *a = list; a && a->name; a++)
		if (strlen(a->name) == n && strncasecmp(a->name, name, n) == 0)
			return a;
	return NULL;
}

const struct scim_attr *scim_common_attrs(void) { return common_attrs; }

static const char *type_name(enum scim_type t)
{
	static const char *const names[] = {"string", "boolean", "decimal", "integer", "dateTime", "reference", "complex",
					    "binary"};
	return names[t];
}

static const char *mutability_name(enum scim_mutability m)
{
	static const char *const names[] = {"readWrite", "readOnly", "immutable", "writeOnly"};
	return names[m];
}

static const char *returned_name(enum scim_returned r)
{
	static const char *const names[] = {"default", "always", "never", "request"};
	return names[r];
}

static json_t *strings_json(const char *const *list)
{
	json_t *a = json_array();
	for (; list && *list; list++)
		json_array_append_new(a, json_string(*list));
	return a;
}

static json_t *attrs_json(const struct scim_attr *list)
{
	json_t *out = json_array();
	for (const struct scim_attr *a = list; a && a->name; a++) {
		json_t *o = json_pack("{s:s,s:s,s:b,s:s,s:b,s:b,s:s,s:s,s:s}", "name", a->name, "type", type_name(a->type),
				      "multiValued", a->multi, "description", a->description, "required", a->required,
				      "caseExact", a->case_exact, "mutability", mutability_name(a->mutability),
				      "returned", returned_name(a->returned), "uniqueness", a->uniqueness);
		if (a->canonical)
			json_object_set_new(o, "canonicalValues", strings_json(a->canonical));
		if (a->ref_types)
			json_object_set_new(o, "referenceTypes", strings_json(a->ref_types));
		if (a->sub)
			json_object_set_new(o, "subAttributes", attrs_json(a->sub));
		json_array_append_new(out, o);
	}
	return out;
}

json_t *scim_schema_json(const struct scim_schema *s, const char *location_base)
{
	char location[1024];
	snprintf(location, sizeof location, "%s/Schemas/%s", location_base, s->id);
	return json_pack("{s:[s],s:s,s:s,s:s,s:o,s:{s:s,s:s}}", "schemas", SCIM_URN_SCHEMA, "id", s->id, "name", s->name,
			 "description", s->description, "attributes", attrs_json(s->attrs), "meta", "resourceType",
			 "Schema", "location", location);
}

json_t *scim_resource_type_json(const struct scim_resource_type *t, const char *location_base)
{
	char location[1024];
	snprintf(location, sizeof location, "%s/ResourceTypes/%s", location_base, t->name);
	json_t *extensions = json_array();
	if (t->extension)
		json_array_append_new(extensions, json_pack("{s:s,s:b}", "schema", t->extension->id, "required", 0));
	return json_pack("{s:[s],s:s,s:s,s:s,s:s,s:s,s:o,s:{s:s,s:s}}", "schemas", SCIM_URN_RESOURCE_TYPE, "id",
			 t->name, "name", t->name, "endpoint", t->endpoint, "description", t->description, "schema",
			 t->schema->id, "schemaExtensions", extensions, "meta", "resourceType", "ResourceType",
			 "location", location);
}
