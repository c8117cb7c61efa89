/* See controls.h. */
#include "cgi-bin/gateway/controls.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COMMANDS_SHOWN 10

int gateway_reachable(const struct wizard *w)
{
	return w->added && w->has_gateway && w->gw.last_seen[0] && w->gw.online;
}

static int publish_command(void *ctx, const struct gateway_command_row *c)
{
	struct req *r = ctx;
	char key[64];
	snprintf(key, sizeof key, "Commands.%lld", c->id);
	HDF *h;
	if (hdf_get_node(r->hdf, key, &h) != STATUS_OK)
		return -1;
	snprintf(key, sizeof key, "gateway.controls.commands.%s", c->kind);
	hdf_set_value(h, "kind", lang(r, key));
	snprintf(key, sizeof key, "gateway.controls.command_states.%s", c->state);
	hdf_set_value(h, "state", lang(r, key));
	hdf_set_value(h, "result", c->result);
	hdf_set_value(h, "created_by", c->created_by);
	hdf_set_value(h, "created", c->created);
	return 0;
}

/* "sun 02:00" into the form's day and time. */
static void schedule_defaults(struct req *r, const char *schedule)
{
	char day[16] = "", time[8] = "";
	if (sscanf(schedule, "%15s %7s", day, time) != 2)
		day[0] = time[0] = 0;
	form_default(r, "day", day);
	form_default(r, "time", time);
}

int gateway_controls_publish(struct req *r, const struct wizard *w, const char *from)
{
	char path[160];
	snprintf(path, sizeof path, SUPPORT_PATH, r->acct.id);
	hdf_set_value(r->hdf, "Controls.action", path);
	hdf_set_value(r->hdf, "Controls.from", from);
	hdf_set_int_value(r->hdf, "Controls.can", allowed(r, "POST", path));
	snprintf(path, sizeof path, SUPPORT_PATH "/reboot", r->acct.id);
	hdf_set_value(r->hdf, "Controls.reboot_href", path);
	hdf_set_value(r->hdf, "Controls.integration_href", w->base);
	hdf_set_int_value(r->hdf, "Controls.reachable", gateway_reachable(w));
	int known = w->added && w->has_gateway && w->gw.last_seen[0];
	hdf_set_int_value(r->hdf, "Controls.known", known);
	if (!known)
		return 0;
	wizard_publish_gateway(r, &w->gw);
	schedule_defaults(r, w->gw.update_schedule);
	form_default(r, "minutes", "5");
	char *logs = NULL, *trace = NULL;
	if (gateway_texts(r->db, r->acct.id, &logs, &trace) != 0)
		return -1;
	hdf_set_value(r->hdf, "Controls.logs", logs);
	hdf_set_value(r->hdf, "Controls.trace", trace);
	free(logs);
	free(trace);
	return gateway_commands_each(r->db, r->acct.id, COMMANDS_SHOWN, publish_command, r) < 0 ? -1 : 0;
}
