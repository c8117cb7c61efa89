/* GET /health: for operators' monitors, no session. JSON saying whether the
 * database answers, how long ago syncd last showed signs of life, and how
 * the mail is doing; 200 when healthy, 503 when the database cannot be
 * reached or syncd's heartbeat is older than Health.SyncdMaxSeconds. */
#include "cgi-bin/core/request.h"
#include "lib/core/config.h"
#include "lib/health.h"

#include <string.h>

static json_t *age_or_null(long long seconds)
{
	return seconds < 0 ? json_null() : json_integer(seconds);
}

int health_get(struct req *r)
{
	struct health h;
	int database = health_read(r->db, &h) == 0;
	long long limit = cfg_int("Health.SyncdMaxSeconds", 120);
	int syncd = database && h.syncd_age >= 0 && h.syncd_age <= limit;
	json_t *o = json_pack("{s:s, s:{s:b}}", "status", database && syncd ? "ok" : "unavailable", "database",
			      "reachable", database);
	if (o && database) {
		json_object_set_new(o, "syncd", json_pack("{s:o, s:I, s:b}", "heartbeat_age_seconds",
							  age_or_null(h.syncd_age), "max_age_seconds", (json_int_t)limit,
							  "alive", syncd));
		json_object_set_new(o, "mail", json_pack("{s:I, s:I, s:o}", "queued", (json_int_t)h.mail_queued,
							 "failed", (json_int_t)h.mail_failed, "oldest_queued_seconds",
							 age_or_null(h.mail_oldest_age)));
	}
	r->body = o ? json_dumps(o, JSON_COMPACT) : NULL;
	json_decref(o);
	if (!r->body)
		return SERVER_ERROR;
	r->body_len = strlen(r->body);
	r->content_type = "application/json";
	r->status = database && syncd ? 200 : 503;
	return DONE;
}
