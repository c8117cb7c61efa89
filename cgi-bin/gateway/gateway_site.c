/* The Gateway tab (guide §3.1.1 step 2; ch3 §2.1, §2.2): while no gateway
 * is claimed, the claim code the gateway shows (gateway_claim.c); until it
 * reports, a wait; then Gateway Information — the site and its address
 * (the account's business address to start with) and Port 1's Ethernet
 * settings (DHCP or Static; none for a virtual appliance), checked for
 * real (lib gateway_site_check). Next saves them for the gateway's next
 * config poll: "Successfully updated site", and the PBX tab. */
#include "cgi-bin/gateway/wizard.h"
#include "lib/accounts.h"
#include "lib/core/countries.h"

#include <stdio.h>
#include <string.h>

#define DNS_DEFAULT "8.8.8.8"

static void publish_countries(struct req *r)
{
	int count;
	const struct country *c = country_list(&count);
	char key[64];
	for (int i = 0; i < count; i++) {
		snprintf(key, sizeof key, "Options.countries.%d.value", i);
		hdf_set_value(r->hdf, key, c[i].code);
		snprintf(key, sizeof key, "Options.countries.%d.label", i);
		hdf_set_value(r->hdf, key, c[i].name);
	}
}

/* The form's starting values: what was saved, else the account's address. */
static int site_defaults(struct req *r)
{
	struct gateway_saved_site s;
	int saved = gateway_site_load(r->db, r->acct.id, &s);
	if (saved < 0)
		return -1;
	if (saved) {
		form_default(r, "site_name", s.site_name);
		form_default(r, "address", s.address);
		form_default(r, "city", s.city);
		form_default(r, "country", s.country);
		form_default(r, "province", s.province);
		form_default(r, "postal_code", s.postal_code);
	} else {
		struct account a;
		if (account_load(r->db, r->acct.id, 0, &a) != 1)
			return -1;
		form_default(r, "site_name", a.name);
		form_default(r, "address", a.address);
		form_default(r, "city", a.city);
		form_default(r, "country", a.country);
		form_default(r, "province", a.province);
		form_default(r, "postal_code", a.postal_code);
	}
	form_default(r, "eth_mode", s.dhcp ? "dhcp" : "static");
	form_default(r, "ip_address", s.ip_address);
	form_default(r, "subnet_mask", s.subnet_mask);
	form_default(r, "default_gateway", s.default_gateway);
	char dns[64] = "";
	for (int i = 0; i < s.n_dns; i++)
		snprintf(dns + strlen(dns), sizeof dns - strlen(dns), "%s%s", i ? ", " : "", s.dns[i]);
	form_default(r, "dns", s.n_dns ? dns : DNS_DEFAULT);
	return 0;
}

int gateway_site_page(struct req *r)
{
	struct wizard w;
	if (wizard_load(r, &w) != 0)
		return SERVER_ERROR;
	if (!w.added || w.removing) {
		redirect(r, "%s", w.base);
		return DONE;
	}
	r->template = "gateway/gateway_site.cs";
	wizard_publish(r, &w, "site");
	if (!w.has_gateway) {
		char expires[20];
		int pending = gateway_claim_pending(r->db, r->acct.id, expires);
		if (pending < 0)
			return SERVER_ERROR;
		hdf_set_value(r->hdf, "Site.mode", "claim");
		if (pending)
			hdf_set_value(r->hdf, "Site.pending_until", expires);
		return DONE;
	}
	wizard_publish_gateway(r, &w.gw);
	if (!w.gw.last_seen[0]) {
		hdf_set_value(r->hdf, "Site.mode", "waiting");
		return DONE;
	}
	hdf_set_value(r->hdf, "Site.mode", "form");
	hdf_set_int_value(r->hdf, "Site.virtual", strcmp(w.gw.kind, "virtual") == 0);
	publish_countries(r);
	return site_defaults(r) == 0 ? DONE : SERVER_ERROR;
}

int gateway_site_get(struct req *r)
{
	return gateway_site_page(r);
}

static void bad(void *ctx, const char *field, const char *reason)
{
	wizard_field_error(ctx, "gateway.gateway_site", field, reason);
}

/* The DNS Servers field: addresses separated by commas, semicolons or
 * spaces (the chips of gateway.js send them so), the first three into out.
 * 0 when there are more than 3. */
static int split_dns(struct req *r, char out[3][64])
{
	char list[256];
	snprintf(list, sizeof list, "%s", in(r, "dns"));
	int n = 0;
	for (char *save = NULL, *t = strtok_r(list, ", ;\t", &save); t; t = strtok_r(NULL, ", ;\t", &save)) {
		if (n == 3)
			return 0;
		snprintf(out[n++], sizeof out[0], "%s", t);
	}
	return 1;
}

struct site_form {
	struct gateway_site s;
	struct gateway_eth e;
};

static int save(struct req *r, void *arg)
{
	struct site_form *f = arg;
	struct actor me = me_actor(r);
	int rc = gateway_site_save(r->db, &me, r->acct.id, &f->s, &f->e);
	return rc < 0 ? -1 : rc == 0 ? 1 : 0;
}

int gateway_site_post(struct req *r)
{
	struct wizard w;
	if (wizard_load(r, &w) != 0)
		return SERVER_ERROR;
	if (!w.added || w.removing || !w.has_gateway || !w.gw.last_seen[0]) {
		field_error(r, "form", "gateway.gateway_site.not_checked_in");
		return invalid(r);
	}
	struct site_form f = {
		.s = {in(r, "site_name"), in(r, "address"), in(r, "city"), in(r, "country"), in(r, "province"),
		      in(r, "postal_code")},
		.e = {.dhcp = 1},
	};
	if (*f.s.country && !valid_country(f.s.country))
		field_error(r, "country", "errors.invalid_choice");
	char dns[3][64] = {"", "", ""};
	int dns_fit = 1;
	const char *mode = in(r, "eth_mode");
	/* A virtual appliance has no Ethernet port of its own to set (ch3 §2.2). */
	if (strcmp(w.gw.kind, "virtual") != 0 && strcmp(mode, "static") == 0) {
		f.e = (struct gateway_eth){0, in(r, "ip_address"), in(r, "subnet_mask"), in(r, "default_gateway"),
					   {dns[0], dns[1], dns[2]}};
		dns_fit = split_dns(r, dns);
	} else if (*mode && strcmp(mode, "dhcp") != 0 && strcmp(mode, "static") != 0) {
		field_error(r, "eth_mode", "errors.invalid_choice");
	}
	gateway_site_check(&f.s, &f.e, bad, r);
	if (!dns_fit)
		field_error(r, "dns", "gateway.gateway_site.errors.dns_too_many");
	if (form_has_errors(r))
		return invalid(r);
	int rc = tx(r, save, &f);
	if (rc < 0)
		return SERVER_ERROR;
	if (rc > 0) {
		field_error(r, "form", "gateway.gateway_site.not_checked_in");
		return invalid(r);
	}
	return done(r, "flash.gateway_site_saved", "%s/pbx", w.base);
}
