/* POST /api/v1/daemons/link (ch2 §9.5): a CloudLink Daemon's Link to
 * CloudLink. It sends the link code an administrator made in the console,
 * with its host and platform id, and gets its own machine credential (kind
 * inventory-daemon, bound to the code's account), shown this once. No
 * bearer credential: the single-use code is the authority. */
#include "cgi-bin/core/request.h"
#include "lib/core/validate.h"

#include <string.h>

struct link {
	const char *code, *host, *platform_uid;
	struct daemon_link out;
	int linked;
};

static int do_link(struct req *r, void *arg)
{
	struct link *l = arg;
	l->linked = inventory_daemon_link(r->db, l->code, l->host, l->platform_uid, &l->out);
	return l->linked < 0 ? -1 : l->linked == 0 ? 1 : 0;
}

/* A required line of text of at most max bytes, else its message in errors. */
static const char *field(struct req *r, json_t *errors, const char *name, size_t max)
{
	const char *v = json_string_value(json_object_get(r->json, name));
	if (!v || is_blank(v))
		json_object_set_new(errors, name, json_string("is required"));
	else if (!valid_line(v, 0) || strlen(v) > max)
		json_object_set_new(errors, name, json_string("is too long or holds control characters"));
	else
		return v;
	return "";
}

int daemon_link_post(struct req *r)
{
	json_t *errors = json_object();
	struct link l;
	memset(&l, 0, sizeof l);
	l.code = field(r, errors, "code", 20);
	l.host = field(r, errors, "host", 255);
	l.platform_uid = field(r, errors, "platformId", 128);
	if (json_object_size(errors))
		return api_error(r, 422, "link_request_invalid", errors);
	int rc = tx(r, do_link, &l);
	if (rc < 0) {
		json_decref(errors);
		return SERVER_ERROR;
	}
	if (rc > 0) {
		json_object_set_new(errors, "code", json_string("is not valid, was used already, or expired"));
		return api_error(r, 422, "link_code_invalid", errors);
	}
	json_decref(errors);
	return api_json(r, 201, json_pack("{s:I,s:s,s:s,s:s}", "daemonId", (json_int_t)l.out.daemon_id, "accountId",
					  l.out.account_id, "token", l.out.token, "reportPath", "/api/v1/inventory/report"));
}
