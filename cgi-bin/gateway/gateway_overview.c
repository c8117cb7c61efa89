/* The Overview tab (ch3 §2.2 ▶): a read-only summary of the onboarding —
 * the site and its Ethernet settings, the gateway (version, address, last
 * report), the PBX link (its password only as ●●●●), the last sync and what
 * it did, the counts, and the status line's warnings. */
#include "cgi-bin/gateway/wizard.h"
#include "cgi-bin/core/render.h"
#include "lib/stored_message.h"
#include "lib/core/countries.h"
#include "lib/pbx_types.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

static void publish_site(struct req *r, const struct gateway_saved_site *s)
{
	HDF *h;
	if (hdf_get_node(r->hdf, "Site", &h) != STATUS_OK)
		return;
	hdf_set_value(h, "site_name", s->site_name);
	hdf_set_value(h, "address", s->address);
	hdf_set_value(h, "city", s->city);
	hdf_set_value(h, "province", s->province);
	hdf_set_value(h, "country", *country_name(s->country) ? country_name(s->country) : s->country);
	hdf_set_value(h, "postal_code", s->postal_code);
	hdf_set_int_value(h, "dhcp", s->dhcp);
	hdf_set_value(h, "ip_address", s->ip_address);
	hdf_set_value(h, "subnet_mask", s->subnet_mask);
	hdf_set_value(h, "default_gateway", s->default_gateway);
	char dns[64] = "";
	for (int i = 0; i < s->n_dns; i++)
		snprintf(dns + strlen(dns), sizeof dns - strlen(dns), "%s%s", i ? ", " : "", s->dns[i]);
	hdf_set_value(h, "dns", dns);
}

static void publish_link(struct req *r, const struct pbx_link *l)
{
	HDF *h;
	if (hdf_get_node(r->hdf, "Link", &h) != STATUS_OK)
		return;
	const struct pbx_type *t = pbx_type_find(l->pbx_type);
	hdf_set_value(h, "type_label", t ? t->label : l->pbx_type);
	hdf_set_value(h, "name", l->name);
	hdf_set_value(h, "host", l->host);
	hdf_set_int_value(h, "port", l->port);
	hdf_set_value(h, "username", l->username);
	hdf_set_value(h, "mbg_host", l->mbg_host);
	hdf_set_value(h, "micollab_host", l->micollab_host);
	hdf_set_int_value(h, "sync_minutes", l->sync_minutes);
	hdf_set_int_value(h, "connected", l->connected);
	hdf_set_int_value(h, "failing", l->failing);
	hdf_set_int_value(h, "busy", l->queued || l->running);
	hdf_set_int_value(h, "syncs", l->syncs);
	hdf_set_value(h, "last_attempt", l->last_attempt);
	hdf_set_value(h, "last_success", l->last_success);
	char error[640];   /* in the reader's language (lib/stored_message.h) */
	stored_message_words(render_lang(), "pbx.errors", l->last_error_key, l->last_error_args, l->last_error, error, sizeof error);
	hdf_set_value(h, "last_error", error);
	hdf_set_value(h, "pbx_version", l->pbx_version);
	hdf_set_int_value(h, "users", l->users_count);
	hdf_set_int_value(h, "dids", l->dids_count);
	hdf_set_int_value(h, "no_email", l->no_email_count);
	hdf_set_int_value(h, "dup_email", l->dup_email_count);
	/* What the last sync did (lib/pbx_sync.c record_success). */
	json_t *result = json_loads(l->last_result, 0, NULL);
	static const char *const counts[] = {"added", "changed", "removed", "logins_added", "logins_removed", "unlinked"};
	char key[48];
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		snprintf(key, sizeof key, "result.%s", counts[i]);
		hdf_set_int_value(h, key, (int)json_integer_value(json_object_get(result, counts[i])));
	}
	hdf_set_int_value(h, "result.unchanged", json_is_true(json_object_get(result, "unchanged")));
	hdf_set_int_value(h, "result.known", json_object_size(result) > 0);
	json_decref(result);
}

int gateway_overview_get(struct req *r)
{
	struct wizard w;
	int open = wizard_tab(r, &w, "overview");
	if (open <= 0)
		return open < 0 ? SERVER_ERROR : DONE;
	struct gateway_saved_site s;
	int saved = gateway_site_load(r->db, r->acct.id, &s);
	if (saved < 0)
		return SERVER_ERROR;
	if (saved)
		publish_site(r, &s);
	if (w.has_gateway)
		wizard_publish_gateway(r, &w.gw);
	if (w.has_link)
		publish_link(r, &w.link);
	return DONE;
}
