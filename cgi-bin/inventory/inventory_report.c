/* PUT /api/v1/inventory/report (ch2 §9.5): a linked daemon's snapshot of
 * its platform and applications, with its own credential. Idempotent: the
 * same report again changes nothing but the time it was last seen. */
#include "cgi-bin/core/request.h"

#include <stdlib.h>

struct report {
	struct daemon dm;
	struct inventory_report rep;
	long long platform_id;
	int changes;
};

static int apply(struct req *r, void *arg)
{
	struct report *x = arg;
	x->changes = inventory_report_apply(r->db, &x->dm, &x->rep, &x->platform_id);
	return x->changes == -2 ? 1 : x->changes < 0 ? -1 : 0;
}

int inventory_report_put(struct req *r)
{
	struct report *x = calloc(1, sizeof *x);
	if (!x)
		return SERVER_ERROR;
	int found = inventory_daemon_of_credential(r->db, r->machine.id, 0, &x->dm);
	if (found != 1) {
		free(x);
		return found < 0 ? SERVER_ERROR : -403;
	}
	json_t *errors = json_object();
	if (inventory_report_parse(r->json, &x->rep, errors) != 0) {
		free(x);
		return api_error(r, 422, "report_invalid", errors);
	}
	int rc = tx(r, apply, x);
	if (rc != 0) {
		free(x);
		if (rc < 0) {
			json_decref(errors);
			return SERVER_ERROR;
		}
		json_object_set_new(errors, "platform.platformId", json_string("is not the platform this daemon was linked on"));
		return api_error(r, 422, "report_invalid", errors);
	}
	json_decref(errors);
	json_t *doc = json_pack("{s:I,s:i,s:i}", "platform", (json_int_t)x->platform_id, "changes", x->changes,
				"nextReportSeconds", x->rep.interval);
	free(x);
	return api_json(r, 200, doc);
}
