#include "lib/scim/mapping.h"
#include "lib/core/crypto.h"
#include "lib/scim/json_util.h"
#include "lib/scim/schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *str_of(json_t *obj, const char *name)
{
	json_t *v = scim_member(obj, name, strlen(name), NULL);
	return json_is_string(v) ? json_string_value(v) : "";
}

/* A text attribute into out: a single line of at most max characters. */
static int text(const char *value, const char *what, size_t max, char *out, size_t size, struct scim_error *err)
{
	if (!valid_line(value, 0))
		return scim_fail(err, 400, "invalidValue", "%s holds control characters", what);
	if (utf8_length(value) > max || strlen(value) >= size)
		return scim_fail(err, 400, "invalidValue", "%s is longer than %zu characters", what, max);
	snprintf(out, size, "%s", value);
	return 0;
}

/* The element of a multi-valued attribute that stands for the whole: the
 * one of type kind, else the primary one, else the first. */
static json_t *pick(json_t *list, const char *kind, int fall_back)
{
	size_t i;
	json_t *e, *primary = NULL;
	json_array_foreach(list, i, e) {
		if (scim_strcasecmp(str_of(e, "type"), kind) == 0)
			return e;
		int p = 0;
		if (!primary && scim_bool(scim_member(e, "primary", 7, NULL), &p) && p)
			primary = e;
	}
	if (!fall_back)
		return NULL;
	return primary ? primary : json_array_get(list, 0);
}

int scim_user_fields(json_t *doc, struct scim_user_fields *out, struct scim_error *err)
{
	memset(out, 0, sizeof *out);
	const char *user_name = str_of(doc, "userName");
	if (!*user_name)
		return scim_fail(err, 400, "invalidValue", "userName is required");
	if (text(user_name, "userName", 255, out->user_name, sizeof out->user_name, err) != 0 ||
	    text(str_of(doc, "externalId"), "externalId", 255, out->external_id, sizeof out->external_id, err) != 0)
		return -1;
	json_t *name = scim_member(doc, "name", 4, NULL);
	if (text(str_of(name, "givenName"), "name.givenName", 100, out->first_name, sizeof out->first_name, err) != 0 ||
	    text(str_of(name, "familyName"), "name.familyName", 100, out->last_name, sizeof out->last_name, err) != 0 ||
	    text(str_of(doc, "displayName"), "displayName", 200, out->name, sizeof out->name, err) != 0)
		return -1;
	if (out->name[0])
		snprintf(out->display_name, sizeof out->display_name, "%s", out->name);
	else
		snprintf(out->display_name, sizeof out->display_name, "%s%s%s", out->first_name,
			 out->first_name[0] && out->last_name[0] ? " " : "", out->last_name);
	if (!out->display_name[0])
		return scim_fail(err, 400, "invalidValue", "displayName, name.givenName or name.familyName is required");

	json_t *emails = scim_member(doc, "emails", 6, NULL);
	size_t i;
	json_t *e;
	if (json_array_size(emails) > SCIM_VALUES_MAX)
		return scim_fail(err, 400, "invalidValue", "at most %d emails", SCIM_VALUES_MAX);
	json_array_foreach(emails, i, e) {
		const char *v = str_of(e, "value");
		if (!valid_email(v))
			return scim_fail(err, 400, "invalidValue", "emails[%zu].value is not an email address", i);
		snprintf(out->emails[out->n_emails++], sizeof out->emails[0], "%s", v);
	}
	json_t *work = pick(emails, "work", 1);
	if (work)
		snprintf(out->email, sizeof out->email, "%s", str_of(work, "value"));
	else if (valid_email(user_name))
		snprintf(out->email, sizeof out->email, "%s", user_name);
	else
		return scim_fail(err, 400, "invalidValue", "emails[type eq \"work\"].value is required");
	if (!work && out->n_emails < SCIM_VALUES_MAX)
		snprintf(out->emails[out->n_emails++], sizeof out->emails[0], "%s", out->email);

	json_t *phones = scim_member(doc, "phoneNumbers", 12, NULL);
	if (json_array_size(phones) > SCIM_VALUES_MAX)
		return scim_fail(err, 400, "invalidValue", "at most %d phone numbers", SCIM_VALUES_MAX);
	json_array_foreach(phones, i, e) {
		char number[PHONE_MAX + 1];
		const char *type = str_of(e, "type");
		if (!phone_normalise(str_of(e, "value"), number))
			return scim_fail(err, 400, "invalidValue", "phoneNumbers[type eq \"%.20s\"].value is not an E.164 number",
					 *type ? type : "other");
		snprintf(out->phones[out->n_phones++], sizeof out->phones[0], "%s", number);
		if (!out->mobile[0] && scim_strcasecmp(type, "mobile") == 0)
			snprintf(out->mobile, sizeof out->mobile, "%s", number);
	}
	out->active = 1;
	json_t *active = scim_member(doc, "active", 6, NULL);
	if (active && !scim_bool(active, &out->active))
		return scim_fail(err, 400, "invalidValue", "active must be a boolean");
	return 0;
}

static void set_or_drop(json_t *obj, const char *key, const char *value)
{
	if (value && *value)
		scim_member_set(obj, key, json_string(value));
	else
		scim_member_del(obj, key);
}

void scim_version(json_t *resource, char out[40])
{
	char *text = json_dumps(resource, JSON_COMPACT | JSON_SORT_KEYS);
	char hash[TOKEN_HEX];
	sha256_hex(text ? text : "", hash);
	free(text);
	snprintf(out, 40, "W/\"%.16s\"", hash);
}

/* meta, with the version given (a group's counter) or, when 0, a hash of the content. */
static void add_meta(json_t *res, const char *type, const char *endpoint, long long id, const char *created,
		     const char *modified, const char *base, long long counter)
{
	char c[32], m[32], location[1200], version[40];
	scim_datetime_format(created, c);
	scim_datetime_format(modified, m);
	snprintf(location, sizeof location, "%s%s/%lld", base, endpoint, id);
	json_t *meta = json_pack("{s:s,s:s,s:s,s:s}", "resourceType", type, "created", c, "lastModified", m, "location",
				 location);
	json_object_set_new(res, "meta", meta);
	if (counter)
		snprintf(version, sizeof version, "W/\"%lld\"", counter);
	else
		scim_version(res, version);
	json_object_set_new(meta, "version", json_string(version));
}

json_t *scim_user_resource(const struct scim_user_view *u, json_t *doc, json_t *groups, const char *base)
{
	/* schemas, id and userName first, for whoever reads the JSON */
	int enterprise = json_is_object(json_object_get(doc, SCIM_URN_ENTERPRISE));
	char id[24];
	snprintf(id, sizeof id, "%lld", u->id);
	json_t *res = json_pack("{s:o,s:s,s:s}", "schemas",
				enterprise ? json_pack("[s,s]", SCIM_URN_USER, SCIM_URN_ENTERPRISE) : json_pack("[s]", SCIM_URN_USER),
				"id", id, "userName", "");
	if (json_is_object(doc)) {
		json_t *copy = json_deep_copy(doc);
		json_object_del(copy, "schemas");
		json_object_update(res, copy);
		json_decref(copy);
	}
	scim_member_set(res, "userName", json_string(u->user_name && *u->user_name ? u->user_name : u->email));
	set_or_drop(res, "externalId", u->external_id);

	json_t *name = scim_member(res, "name", 4, NULL);
	if (!json_is_object(name)) {
		name = json_object();
		scim_member_set(res, "name", name);
	}
	set_or_drop(name, "givenName", u->first_name);
	set_or_drop(name, "familyName", u->last_name);
	if (json_object_size(name) == 0)
		scim_member_del(res, "name");
	set_or_drop(res, "displayName", u->name && *u->name ? u->name : u->display_name);
	scim_member_set(res, "active", json_boolean(u->active));

	/* the sign-in email is the work one, as it was chosen on the way in */
	json_t *emails = scim_member(res, "emails", 6, NULL);
	json_t *work = pick(emails, "work", 1);
	if (work)
		scim_member_set(work, "value", json_string(u->email));
	else
		scim_member_set(res, "emails", json_pack("[{s:s,s:s,s:b}]", "value", u->email, "type", "work", "primary", 1));

	json_t *phones = scim_member(res, "phoneNumbers", 12, NULL);
	json_t *mobile = pick(phones, "mobile", 0);
	char number[PHONE_MAX + 1];
	if (u->mobile && *u->mobile) {
		if (!mobile) {
			if (!json_is_array(phones)) {
				phones = json_array();
				scim_member_set(res, "phoneNumbers", phones);
			}
			json_array_append_new(phones, json_pack("{s:s,s:s}", "value", u->mobile, "type", "mobile"));
		} else if (!phone_normalise(str_of(mobile, "value"), number) || strcmp(number, u->mobile) != 0) {
			scim_member_set(mobile, "value", json_string(u->mobile));
		}
	} else if (mobile) {
		for (size_t i = json_array_size(phones); i-- > 0;)
			if (json_array_get(phones, i) == mobile)
				json_array_remove(phones, i);
		if (json_array_size(phones) == 0)
			scim_member_del(res, "phoneNumbers");
	}
	if (json_array_size(groups) > 0)
		json_object_set(res, "groups", groups);
	add_meta(res, "User", "/Users", u->id, u->created, u->modified, base, 0);
	return res;
}

int scim_group_fields(json_t *doc, struct scim_group_fields *out, struct scim_error *err)
{
	memset(out, 0, sizeof *out);
	const char *name = str_of(doc, "displayName");
	if (!*name)
		return scim_fail(err, 400, "invalidValue", "displayName is required");
	if (text(name, "displayName", 255, out->display_name, sizeof out->display_name, err) != 0 ||
	    text(str_of(doc, "externalId"), "externalId", 255, out->external_id, sizeof out->external_id, err) != 0)
		return -1;
	json_t *members = scim_member(doc, "members", 7, NULL);
	size_t n = json_array_size(members), i;
	json_t *m;
	if (n == 0)
		return 0;
	out->members = malloc(n * sizeof *out->members);
	if (!out->members)
		return scim_fail(err, 500, "", "out of memory");
	json_array_foreach(members, i, m) {
		const char *value = str_of(m, "value"), *type = str_of(m, "type");
		if (*type && scim_strcasecmp(type, "User") != 0) {
			free(out->members);
			out->members = NULL;
			return scim_fail(err, 400, "invalidValue", "members[%zu]: a group holds users only", i);
		}
		if (!valid_id(value)) {
			free(out->members);
			out->members = NULL;
			return scim_fail(err, 400, "invalidValue", "members[%zu].value \"%.40s\" is not a user of this account",
					 i, value);
		}
		long long id = strtoll(value, NULL, 10);
		int dup = 0;
		for (int k = 0; k < out->n_members; k++)
			dup |= out->members[k] == id;
		if (!dup)
			out->members[out->n_members++] = id;
	}
	return 0;
}

json_t *scim_group_resource(const struct scim_group_view *g, json_t *doc, json_t *members, const char *base)
{
	char id[24];
	snprintf(id, sizeof id, "%lld", g->id);
	json_t *res = json_pack("{s:[s],s:s}", "schemas", SCIM_URN_GROUP, "id", id);
	if (json_is_object(doc)) {
		json_t *copy = json_deep_copy(doc);
		json_object_del(copy, "schemas");
		json_object_update(res, copy);
		json_decref(copy);
	}
	scim_member_set(res, "displayName", json_string(g->display_name));
	set_or_drop(res, "externalId", g->external_id);
	scim_member_del(res, "members");
	if (members)
		json_object_set(res, "members", members);
	add_meta(res, "Group", "/Groups", g->id, g->created, g->modified, base, g->version);
	return res;
}
