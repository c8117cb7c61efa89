/* The customer-information form of Add Account and Account Information. */
#include "cgi-bin/accounts/account_form.h"
#include "cgi-bin/core/render.h"
#include "lib/core/countries.h"
#include "lib/core/validate.h"
#include "lib/lang.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Stored as the value, shown by its lang key. The demo data uses the same values. */
static const struct {
	const char *value;
	const char *lang_key;
} business_types[] = {
	{"Enterprise", "accounts.account_form.business_types.enterprise"},
	{"Small Business", "accounts.account_form.business_types.small_business"},
	{"Education", "accounts.account_form.business_types.education"},
	{"Government", "accounts.account_form.business_types.government"},
	{"Healthcare", "accounts.account_form.business_types.healthcare"},
	{"Hospitality", "accounts.account_form.business_types.hospitality"},
	{"Other", "accounts.account_form.business_types.other"},
};
#define N_BUSINESS_TYPES (sizeof business_types / sizeof business_types[0])

static const char *business_type_label(struct req *r, const char *value)
{
	for (size_t i = 0; i < N_BUSINESS_TYPES; i++)
		if (strcmp(business_types[i].value, value) == 0)
			return lang(r, business_types[i].lang_key);
	return NULL;
}

static void set_option(struct req *r, const char *list, int n, const char *value, const char *label)
{
	char key[96];
	snprintf(key, sizeof key, "Options.%s.%d.value", list, n);
	hdf_set_value(r->hdf, key, value);
	snprintf(key, sizeof key, "Options.%s.%d.label", list, n);
	hdf_set_value(r->hdf, key, label);
}

void account_form_options(struct req *r)
{
	int count;
	const struct country *c = country_list(&count);
	for (int i = 0; i < count; i++)
		set_option(r, "countries", i, c[i].code, c[i].name);
	/* Exactly the languages that exist (lib/lang.h), named in the page's
	 * language, else in their own. */
	char codes[LANG_MAX][LANG_CODE], key[128];
	int n = lang_available(codes, LANG_MAX);
	for (int i = 0; i < n; i++) {
		snprintf(key, sizeof key, "accounts.account_form.languages.%.15s", codes[i]);
		HDF *here = render_lang(), *own = render_lang_of(codes[i]);
		const char *name = here ? hdf_get_value(here, key, NULL) : NULL;
		if (!name && own)
			name = hdf_get_value(own, key, NULL);
		set_option(r, "languages", i, codes[i], name ? name : codes[i]);
	}
	for (size_t i = 0; i < N_BUSINESS_TYPES; i++)
		set_option(r, "business_types", (int)i, business_types[i].value, lang(r, business_types[i].lang_key));
}

void account_form_defaults(struct req *r, const struct account *a)
{
	form_default(r, "name", a->name);
	form_default(r, "country", a->country);
	form_default(r, "province", a->province);
	form_default(r, "address", a->address);
	form_default(r, "city", a->city);
	form_default(r, "postal_code", a->postal_code);
	form_default(r, "default_language", a->default_language);
	form_default(r, "business_type", a->business_type);
	form_default(r, "contacts", a->contacts);
}

static int has_error(struct req *r, const char *field)
{
	char key[96];
	snprintf(key, sizeof key, "Form.Errors.%s", field);
	return hdf_get_value(r->hdf, key, NULL) != NULL;
}

static int valid_business_type(const char *v)
{
	for (size_t i = 0; i < N_BUSINESS_TYPES; i++)
		if (strcmp(business_types[i].value, v) == 0)
			return 1;
	return 0;
}

/* A select's value must be one of its options; the message says so. */
static void check_choice(struct req *r, const char *field, int (*valid)(const char *))
{
	const char *v = in(r, field);
	if (*v && !has_error(r, field) && !valid(v))
		field_error(r, field, "errors.invalid_choice");
}

/* Support contacts (guide §2.9): at least one address; repeats dropped. */
static void read_contacts(struct req *r, struct account_form *a)
{
	if (has_error(r, "contacts"))
		return;
	char found[ACCOUNT_CONTACTS_MAX][EMAIL_MAX + 1];
	int n = email_list_split(in(r, "contacts"), found, ACCOUNT_CONTACTS_MAX);
	if (n <= 0) {
		field_error(r, "contacts", n == 0 ? "errors.required" : "errors.invalid_emails");
		return;
	}
	size_t len = 0;
	for (int i = 0; i < n; i++) {
		int seen = 0;
		for (int j = 0; j < a->n_contacts && !seen; j++)
			seen = strcasecmp(a->contacts[j], found[i]) == 0;
		if (seen)
			continue;
		strcpy(a->contacts[a->n_contacts++], found[i]);
		len += (size_t)snprintf(a->contacts_text + len, sizeof a->contacts_text - len, "%s%s", len ? ", " : "",
					found[i]);
	}
}

int account_form_read(struct req *r, struct account_form *a)
{
	memset(a, 0, sizeof *a);
	check_choice(r, "country", valid_country);
	check_choice(r, "business_type", valid_business_type);
	read_contacts(r, a);
	if (form_has_errors(r))
		return 0;
	a->f.name = in(r, "name");
	a->f.country = in(r, "country");
	a->f.province = in(r, "province");
	a->f.address = in(r, "address");
	a->f.city = in(r, "city");
	a->f.postal_code = in(r, "postal_code");
	a->f.default_language = in(r, "default_language");
	a->f.business_type = in(r, "business_type");
	return 1;
}

void account_form_publish(struct req *r, const struct account *a)
{
	HDF *info;
	if (hdf_get_node(r->hdf, "Info", &info) != STATUS_OK)
		return;
	hdf_set_value(info, "id", a->id);
	hdf_set_value(info, "kind", a->is_partner ? "partner" : "customer");
	hdf_set_value(info, "name", a->name);
	hdf_set_value(info, "province", a->province);
	hdf_set_value(info, "address", a->address);
	hdf_set_value(info, "city", a->city);
	hdf_set_value(info, "postal_code", a->postal_code);
	hdf_set_value(info, "sap_customer_number", a->sap_customer_number);
	hdf_set_value(info, "pbx_type", a->pbx_type);
	hdf_set_value(info, "contacts", a->contacts);
	hdf_set_value(info, "country_name", country_name(a->country));

	char key[96];
	snprintf(key, sizeof key, "accounts.account_form.languages.%s", a->default_language);
	HDF *tree = render_lang();
	const char *language = tree ? hdf_get_value(tree, key, NULL) : NULL;
	hdf_set_value(info, "language_name", language ? language : a->default_language);
	const char *type = business_type_label(r, a->business_type);
	hdf_set_value(info, "business_type_name", type ? type : a->business_type);
}
