/* The customer-information form of Add Account and Account Information. */
#include "cgi-bin/accounts/account_form.h"
#include "cgi-bin/core/render.h"
#include "lib/core/countries.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Stored as the value, shown by its lang key. The seed data and the CLI use
 * the same values. */
static const struct {
	const char *value;
	const char *lang_key;
} business_types[] = {
	{"Enterprise", "account.business_types.enterprise"},
	{"Small Business", "account.business_types.small_business"},
	{"Education", "account.business_types.education"},
	{"Government", "account.business_types.government"},
	{"Healthcare", "account.business_types.healthcare"},
	{"Hospitality", "account.business_types.hospitality"},
	{"Other", "account.business_types.other"},
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
	/* The languages the console offers (validate.c decides) that the
	 * language file names, in its order. */
	HDF *tree = render_lang();
	int n = 0;
	for (HDF *l = tree ? hdf_obj_child(hdf_get_obj(tree, "account.languages")) : NULL; l; l = hdf_obj_next(l))
		if (valid_language(hdf_obj_name(l)) && hdf_obj_value(l))
			set_option(r, "languages", n++, hdf_obj_name(l), hdf_obj_value(l));
	for (size_t i = 0; i < N_BUSINESS_TYPES; i++)
		set_option(r, "business_types", (int)i, business_types[i].value, lang(r, business_types[i].lang_key));
}

/* A select's value must be one of its options; the message says so. */
static int check_choice(struct req *r, const char *field, int required, int (*valid)(const char *))
{
	if (!check_text(r, field, required, 64))
		return 0;
	const char *v = form(r, field);
	if (*v && !valid(v)) {
		field_error(r, field, "errors.invalid_choice");
		return 0;
	}
	return 1;
}

static int valid_business_type(const char *v)
{
	for (size_t i = 0; i < N_BUSINESS_TYPES; i++)
		if (strcmp(business_types[i].value, v) == 0)
			return 1;
	return 0;
}

/* Support contacts: at least one address, each valid; repeats dropped. */
static int read_contacts(struct req *r, struct account_form *a)
{
	if (!check_text(r, "contacts", 1, sizeof a->contacts_text - 1))
		return 0;
	char found[CONTACTS_MAX][EMAIL_MAX + 1];
	int n = email_list_split(form(r, "contacts"), found, CONTACTS_MAX);
	if (n < 0) {
		field_error(r, "contacts", n == -2 ? "errors.too_many_emails" : "errors.invalid_emails");
		return 0;
	}
	if (n == 0) {
		field_error(r, "contacts", "errors.required");
		return 0;
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
	return 1;
}

int account_form_read(struct req *r, struct account_form *a)
{
	memset(a, 0, sizeof *a);
	/* Every field is checked, so each bad one gets its own message. */
	int ok = check_text(r, "name", 1, 255);
	ok &= check_choice(r, "country", 1, valid_country);
	ok &= check_text(r, "province", 0, 255);
	ok &= check_text(r, "address", 1, 255);
	ok &= check_text(r, "city", 1, 255);
	ok &= check_text(r, "postal_code", 1, 32);
	ok &= check_choice(r, "default_language", 1, valid_language);
	ok &= check_choice(r, "business_type", 0, valid_business_type);
	ok &= read_contacts(r, a);
	if (!ok)
		return 0;
	/* Read after the checks: form() trims in place, so these pointers stay valid. */
	a->f.name = form(r, "name");
	a->f.country = form(r, "country");
	a->f.province = form(r, "province");
	a->f.address = form(r, "address");
	a->f.city = form(r, "city");
	a->f.postal_code = form(r, "postal_code");
	a->f.default_language = form(r, "default_language");
	a->f.business_type = form(r, "business_type");
	return 1;
}

void account_form_labels(struct req *r, const char *prefix)
{
	char key[128], out[128];
	snprintf(key, sizeof key, "%s.country", prefix);
	snprintf(out, sizeof out, "%s.country_name", prefix);
	hdf_set_value(r->hdf, out, country_name(hdf_get_value(r->hdf, key, "")));

	snprintf(key, sizeof key, "%s.default_language", prefix);
	snprintf(out, sizeof out, "account.languages.%s", hdf_get_value(r->hdf, key, ""));
	HDF *tree = render_lang();
	const char *language = tree ? hdf_get_value(tree, out, NULL) : NULL;
	snprintf(out, sizeof out, "%s.language_name", prefix);
	hdf_set_value(r->hdf, out, language ? language : hdf_get_value(r->hdf, key, ""));

	snprintf(key, sizeof key, "%s.business_type", prefix);
	const char *value = hdf_get_value(r->hdf, key, "");
	const char *label = business_type_label(r, value);
	snprintf(out, sizeof out, "%s.business_type_name", prefix);
	hdf_set_value(r->hdf, out, label ? label : value);
}
