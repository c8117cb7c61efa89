/* Support → Gateway (guide §2.11, §2.13; ch2 §6): for Partners and Account
 * Admins with Support's View, the gateway's settings and tools of
 * controls.h. Before a gateway is connected, or while it does not report,
 * the page says the gateway is not reachable and leads to the integration
 * (ch2 §6 decided message), showing what it last reported. Each command
 * (update schedule, Update now, call trace start and stop) is queued for
 * the gateway with its event (asset Gateway). */
#include "cgi-bin/gateway/controls.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int support_gateway_get(struct req *r)
{
	struct wizard w;
	if (wizard_load(r, &w) != 0)
		return SERVER_ERROR;
	wizard_publish(r, &w, "");
	hdf_set_value(r->hdf, "Page.Title", lang(r, "gateway.support_gateway.title"));
	return gateway_controls_publish(r, &w, "support") == 0 ? DONE : SERVER_ERROR;
}

/* The update schedule's day: every day or one of the week. */
static int valid_day(const char *day)
{
	static const char *const days[] = {"daily", "mon", "tue", "wed", "thu", "fri", "sat", "sun"};
	for (size_t i = 0; i < sizeof days / sizeof days[0]; i++)
		if (strcmp(day, days[i]) == 0)
			return 1;
	return 0;
}

/* HH:MM, 00:00 to 23:59. */
static int valid_time(const char *t)
{
	int h, m;
	char end;
	return strlen(t) == 5 && t[2] == ':' && sscanf(t, "%2d:%2d%c", &h, &m, &end) == 2 && h >= 0 && h < 24 && m >= 0 &&
	       m < 60;
}

struct command {
	const char *kind;
	json_t *payload;
};

static int queue(struct req *r, void *arg)
{
	struct command *c = arg;
	struct actor me = me_actor(r);
	long long id = gateway_command_queue(r->db, &me, r->acct.id, c->kind, c->payload);
	return id < 0 ? -1 : id == 0 ? 1 : 0;
}

/* The command the form asks for, its fields checked: 0 with messages. */
static int command_of(struct req *r, struct command *c)
{
	const char *action = in(r, "action");
	if (strcmp(action, "schedule") == 0) {
		const char *day = in(r, "day"), *time = in(r, "time");
		if (!valid_day(day))
			field_error(r, "day", *day ? "errors.invalid_choice" : "errors.required");
		if (!valid_time(time))
			field_error(r, "time", *time ? "gateway.controls.errors.time_invalid" : "errors.required");
		if (form_has_errors(r))
			return 0;
		char schedule[32];
		snprintf(schedule, sizeof schedule, "%s %s", day, time);
		c->kind = "update_schedule";
		c->payload = json_pack("{s:s}", "schedule", schedule);
	} else if (strcmp(action, "update_now") == 0) {
		c->kind = "update_now";
	} else if (strcmp(action, "trace_start") == 0) {
		const char *v = in(r, "minutes");
		char *end;
		long minutes = strtol(v, &end, 10);
		if (!*v || *end || minutes < 1 || minutes > 60) {
			field_error(r, "minutes", "gateway.controls.errors.minutes_invalid");
			return 0;
		}
		c->kind = "call_trace_start";
		c->payload = json_pack("{s:i}", "seconds", (int)minutes * 60);
	} else if (strcmp(action, "trace_stop") == 0) {
		c->kind = "call_trace_stop";
	} else {
		field_error(r, "action", "errors.invalid_choice");
		return 0;
	}
	return 1;
}

int support_gateway_post(struct req *r)
{
	struct wizard w;
	if (wizard_load(r, &w) != 0)
		return SERVER_ERROR;
	if (!gateway_reachable(&w)) {
		field_error(r, "action", "gateway.controls.unreachable");
		return invalid(r);
	}
	struct command c = {NULL, NULL};
	if (form_has_errors(r) || !command_of(r, &c))
		return invalid(r);
	int rc = tx(r, queue, &c);
	json_decref(c.payload);
	if (rc < 0)
		return SERVER_ERROR;
	if (rc > 0) {
		field_error(r, "action", "gateway.controls.unreachable");
		return invalid(r);
	}
	if (strcmp(in(r, "from"), "advanced") == 0)
		return done(r, "flash.gateway_command_queued", "%s/advanced", w.base);
	return done(r, "flash.gateway_command_queued", SUPPORT_PATH, r->acct.id);
}
