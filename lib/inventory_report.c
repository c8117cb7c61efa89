#include "lib/inventory_report.h"
#include "lib/core/validate.h"
#include "lib/inventory_swa.h"

#include <stdio.h>
#include <string.h>

static void fault(json_t *errors, const char *path, const char *message)
{
	if (!json_object_get(errors, path))
		json_object_set_new(errors, path, json_string(message));
}

/* A string field: present (unless optional), printable, at most size - 1 bytes. */
static void take(json_t *obj, const char *key, const char *path, char *out, size_t size, int required, json_t *errors)
{
	json_t *v = json_object_get(obj, key);
	out[0] = 0;
	if (!v || json_is_null(v)) {
		if (required)
			fault(errors, path, "is required");
		return;
	}
	const char *s = json_string_value(v);
	if (!s) {
		fault(errors, path, "must be a string");
		return;
	}
	if (!valid_line(s, 0) || strlen(s) >= size) {
		fault(errors, path, "is too long or holds control characters");
		return;
	}
	if (required && is_blank(s)) {
		fault(errors, path, "is required");
		return;
	}
	snprintf(out, size, "%s", s);
}

/* Keys of the vocabulary: lower case letters, digits, '-' and '_'. */
static void take_key(json_t *obj, const char *key, const char *path, char *out, size_t size, json_t *errors)
{
	take(obj, key, path, out, size, 1, errors);
	if (out[0] && !valid_key(out)) {
		fault(errors, path, "must be lower-case letters, digits, '-' or '_'");
		out[0] = 0;
	}
}

static void take_tunnels(json_t *obj, const char *path, struct inventory_tunnel *out, int *n, json_t *errors)
{
	json_t *list = json_object_get(obj, "tunnels"), *t;
	size_t i;
	char p[96];
	*n = 0;
	if (!list || json_is_null(list))
		return;
	if (!json_is_array(list) || json_array_size(list) > INVENTORY_TUNNELS_MAX) {
		snprintf(p, sizeof p, "%s.tunnels", path);
		fault(errors, p, "must be a list of at most 8 tunnels");
		return;
	}
	json_array_foreach(list, i, t) {
		snprintf(p, sizeof p, "%s.tunnels[%zu].kind", path, i);
		take_key(t, "kind", p, out[*n].kind, sizeof out[*n].kind, errors);
		snprintf(p, sizeof p, "%s.tunnels[%zu].state", path, i);
		take(t, "state", p, out[*n].state, sizeof out[*n].state, 1, errors);
		if (out[*n].state[0] && strcmp(out[*n].state, "started") != 0 && strcmp(out[*n].state, "stopped") != 0)
			fault(errors, p, "must be started or stopped");
		(*n)++;
	}
}

static int valid_date(const char *s)
{
	int ok;
	swa_days_left("2000-01-01", s, &ok);
	return ok;
}

int inventory_report_parse(json_t *doc, struct inventory_report *out, json_t *errors)
{
	memset(out, 0, sizeof *out);
	json_t *p = json_object_get(doc, "platform");
	if (!json_is_object(p)) {
		fault(errors, "platform", "is required");
		return -1;
	}
	take(p, "host", "platform.host", out->host, sizeof out->host, 1, errors);
	take_key(p, "type", "platform.type", out->type, sizeof out->type, errors);
	take(p, "name", "platform.name", out->name, sizeof out->name, 0, errors);
	take_key(p, "systemFamily", "platform.systemFamily", out->family, sizeof out->family, errors);
	take(p, "platformId", "platform.platformId", out->platform_uid, sizeof out->platform_uid, 1, errors);
	take(p, "version", "platform.version", out->version, sizeof out->version, 0, errors);
	json_t *lic = json_object_get(p, "licence");
	if (lic && !json_is_null(lic) && !json_is_object(lic)) {
		fault(errors, "platform.licence", "must be an object");
	} else if (json_is_object(lic)) {
		take(lic, "id", "platform.licence.id", out->licence_id, sizeof out->licence_id, 0, errors);
		take(lic, "type", "platform.licence.type", out->license_type, sizeof out->license_type, 1, errors);
		if (out->license_type[0] && licence_type_from_key(out->license_type) < 0)
			fault(errors, "platform.licence.type", "must be unlicensed, subscription or perpetual");
		take(lic, "swaExpiry", "platform.licence.swaExpiry", out->swa_expiry, sizeof out->swa_expiry, 0, errors);
		if (out->swa_expiry[0] && !valid_date(out->swa_expiry))
			fault(errors, "platform.licence.swaExpiry", "must be a date YYYY-MM-DD");
	}
	if (!out->license_type[0] || licence_type_from_key(out->license_type) < 0)
		snprintf(out->license_type, sizeof out->license_type, "unlicensed");
	take_tunnels(p, "platform", out->tunnels, &out->n_tunnels, errors);

	json_t *apps = json_object_get(doc, "applications"), *a;
	size_t i;
	char path[64];
	if (apps && !json_is_null(apps) && (!json_is_array(apps) || json_array_size(apps) > INVENTORY_APPS_MAX)) {
		fault(errors, "applications", "must be a list of at most 32 applications");
	} else if (apps) {
		json_array_foreach(apps, i, a) {
			struct inventory_app *app = &out->apps[out->n_apps++];
			snprintf(path, sizeof path, "applications[%zu].type", i);
			take_key(a, "type", path, app->type, sizeof app->type, errors);
			snprintf(path, sizeof path, "applications[%zu].name", i);
			take(a, "name", path, app->name, sizeof app->name, 0, errors);
			snprintf(path, sizeof path, "applications[%zu].version", i);
			take(a, "version", path, app->version, sizeof app->version, 0, errors);
			snprintf(path, sizeof path, "applications[%zu]", i);
			take_tunnels(a, path, app->tunnels, &app->n_tunnels, errors);
			for (int j = 0; j + 1 < out->n_apps; j++)
				if (strcmp(out->apps[j].type, app->type) == 0 && strcmp(out->apps[j].name, app->name) == 0) {
					snprintf(path, sizeof path, "applications[%zu]", i);
					fault(errors, path, "is listed twice (same type and name)");
				}
		}
	}
	json_t *interval = json_object_get(doc, "intervalSeconds");
	if (interval && !json_is_null(interval) &&
	    (!json_is_integer(interval) || json_integer_value(interval) < 1 || json_integer_value(interval) > 7 * 86400))
		fault(errors, "intervalSeconds", "must be a whole number of seconds from 1 to 604800");
	out->interval = json_is_integer(interval) ? (int)json_integer_value(interval) : 3600;
	if (out->interval < 1 || out->interval > 7 * 86400)
		out->interval = 3600;
	return json_object_size(errors) ? -1 : 0;
}

const struct inventory_tunnel *inventory_launch_tunnel(const struct inventory_tunnel *t, int n)
{
	/* The tunnels that open an administration web page (guide §3.1.2
	 * Tunnels: MSL Server Manager, the MiVoice Business administration
	 * web interface); REST interfaces are for programs. */
	for (int i = 0; i < n; i++)
		if (strcmp(t[i].kind, "server-manager") == 0 || strcmp(t[i].kind, "admin-web") == 0)
			return &t[i];
	return NULL;
}
