/* PUT /api/v1/gateways/self/status (ch3 §2.1; ch2 §6): the gateway reports
 * what it is and how it is — version, kind, platform, address, its relay,
 * its latest log lines and call trace — and how the commands it was given
 * went. Its first report takes onboarding past No gateway detected. */
#include "cgi-bin/core/request.h"
#include "lib/gateways.h"

#include <stdlib.h>
#include <string.h>

#define TEXT_MAX (64 * 1024)

static const char *str(json_t *doc, const char *key) { return json_string_value(json_object_get(doc, key)); }

/* Log lines (an array of strings, or one string) as text: the last
 * TEXT_MAX bytes, from the start of a line. NULL when not given; -1 in *bad
 * when malformed. */
static char *lines(json_t *v, int *bad)
{
	if (!v || json_is_null(v))
		return NULL;
	if (json_is_string(v))
		v = json_pack("[O]", v);
	else if (json_is_array(v))
		json_incref(v);
	else {
		*bad = 1;
		return NULL;
	}
	size_t total = 0, i;
	json_t *line;
	json_array_foreach(v, i, line) {
		if (!json_is_string(line)) {
			*bad = 1;
			json_decref(v);
			return NULL;
		}
		total += json_string_length(line) + 1;
	}
	char *text = malloc(total + 1), *p = text;
	if (text) {
		json_array_foreach(v, i, line) {
			memcpy(p, json_string_value(line), json_string_length(line));
			p += json_string_length(line);
			*p++ = '\n';
		}
		*p = 0;
		if (total > TEXT_MAX) {
			const char *from = text + total - TEXT_MAX, *nl = strchr(from, '\n');
			memmove(text, nl ? nl + 1 : from, strlen(nl ? nl + 1 : from) + 1);
		}
	}
	json_decref(v);
	return text;
}

int gateway_status_put(struct req *r)
{
	if (!json_is_object(r->json))
		return api_error(r, 422, "body_not_object", NULL);
	struct gateway g;
	int found = gateway_find_by_credential(r->db, r->machine.id, &g);
	if (found != 1)
		return found < 0 ? SERVER_ERROR : NOT_FOUND;
	struct gateway_report rep = {str(r->json, "serial"), str(r->json, "kind"), str(r->json, "platform"),
				     str(r->json, "version"), str(r->json, "availableVersion"), str(r->json, "ip"),
				     str(r->json, "relayUrl")};
	const char *bad_field;
	if (!gateway_report_check(&rep, &bad_field))
		return api_error(r, 422, "report_invalid", json_pack("{s:s}", bad_field, "invalid"));
	json_t *trace = json_object_get(r->json, "callTrace");
	json_t *results = json_object_get(r->json, "commandResults");
	json_t *pbx = json_object_get(r->json, "pbx");
	int bad = 0;
	char *logs = lines(json_object_get(r->json, "logs"), &bad);
	char *trace_text = lines(json_object_get(trace, "text"), &bad);
	const char *trace_state = str(trace, "state");
	if (bad || (results && !json_is_array(results)) || (pbx && !json_is_object(pbx) && !json_is_null(pbx)) ||
	    (trace && !json_is_object(trace))) {
		free(logs);
		free(trace_text);
		return api_error(r, 422, "report_invalid",
				 json_pack("{s:s}", bad ? "logs" : results && !json_is_array(results) ? "commandResults" :
						    trace && !json_is_object(trace) ? "callTrace" : "pbx", "invalid"));
	}
	int rc = gateway_status_record(r->db, &g, &rep, logs, trace_text, trace_state, results, pbx);
	free(logs);
	free(trace_text);
	if (rc != 0)
		return SERVER_ERROR;
	return api_json(r, 200, json_pack("{s:s}", "status", "recorded"));
}
