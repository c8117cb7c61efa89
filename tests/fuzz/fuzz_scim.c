/* libFuzzer harness for the SCIM engines (`make fuzz-scim`, also run by
 * `make fuzz`; not part of `make check`): the first byte picks the parser,
 * the rest is its input. Whatever comes, each must answer — a result or a
 * SCIM error — and never crash, leak or read out of bounds (ASan, UBSan
 * watch):
 *   0  a filter, parsed for Users, printed, and evaluated on a user
 *   1  a PATCH body applied to a user
 *   2  a PATCH body applied to a group
 *   3  a document normalized as a User, then projected and sorted
 *   4  a list of attribute paths (attributes=, sortBy=) */
#include "lib/scim/filter.h"
#include "lib/scim/json_util.h"
#include "lib/scim/patch.h"
#include "lib/scim/resource.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char user_doc[] =
	"{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"7\",\"userName\":\"bjensen@example.com\","
	"\"name\":{\"givenName\":\"Barbara\",\"familyName\":\"Jensen\"},\"active\":true,\"title\":\"Tour Guide\","
	"\"emails\":[{\"value\":\"bjensen@example.com\",\"type\":\"work\",\"primary\":true},{\"value\":\"b@home.org\",\"type\":\"home\"}],"
	"\"phoneNumbers\":[{\"value\":\"+15555550100\",\"type\":\"mobile\"}],\"roles\":[{\"value\":\"Guide\",\"primary\":true}],"
	"\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"Tours\",\"manager\":{\"value\":\"9\"}},"
	"\"meta\":{\"resourceType\":\"User\",\"lastModified\":\"2011-05-13T04:42:34Z\"},\"xScore\":42}";
static const char group_doc[] =
	"{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Tours\","
	"\"members\":[{\"value\":\"7\",\"type\":\"User\"},{\"value\":\"8\"}]}";

static void filter_input(const char *text)
{
	json_t *user = json_loads(user_doc, 0, NULL);
	struct scim_error err = {0};
	struct scim_filter *f = scim_filter_parse(text, &scim_user_type, &err);
	if (f) {
		free(scim_filter_sexpr(f));
		(void)scim_filter_match(f, user);
		scim_filter_free(f);
	}
	json_decref(user);
}

static void patch_input(const char *text, size_t len, const struct scim_resource_type *t, const char *doc_text)
{
	json_t *body = json_loadb(text, len, 0, NULL);
	json_t *doc = json_loads(doc_text, 0, NULL);
	struct scim_error err = {0};
	if (body && scim_normalize(doc, t, &err) == 0)
		json_decref(scim_patch(doc, body, t, &err));
	json_decref(doc);
	json_decref(body);
}

static void document_input(const char *text, size_t len)
{
	json_t *doc = json_loadb(text, len, 0, NULL);
	struct scim_error err = {0};
	if (doc && scim_normalize(doc, &scim_user_type, &err) == 0) {
		struct scim_path p[3];
		int n = scim_path_list("name.givenName,emails.value,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
				       &scim_user_type, p, 3, &err);
		json_decref(scim_project(doc, p, n, p, 1));
		json_t *other = json_loads(user_doc, 0, NULL);
		(void)scim_sort_compare(doc, other, &p[1]);
		json_decref(other);
	}
	json_decref(doc);
}

static void paths_input(const char *text)
{
	struct scim_path p[16];
	struct scim_error err = {0};
	int n = scim_path_list(text, &scim_user_type, p, 16, &err);
	json_t *user = json_loads(user_doc, 0, NULL);
	if (n > 0) {
		json_decref(scim_project(user, p, n, NULL, 0));
		json_decref(scim_project(user, NULL, 0, p, n));
		(void)scim_sort_compare(user, user, &p[0]);
	}
	json_decref(user);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	/* the parsers take text: a NUL-ended copy */
	char *text = malloc(size);
	memcpy(text, data + 1, size - 1);
	text[size - 1] = 0;
	switch (data[0] % 5) {
	case 0: filter_input(text); break;
	case 1: patch_input(text, size - 1, &scim_user_type, user_doc); break;
	case 2: patch_input(text, size - 1, &scim_group_type, group_doc); break;
	case 3: document_input(text, size - 1); break;
	default: paths_input(text); break;
	}
	free(text);
	return 0;
}
