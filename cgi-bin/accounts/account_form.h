#ifndef SB_ACCOUNT_FORM_H
#define SB_ACCOUNT_FORM_H
/* The customer-information form shared by Add Account and Account
 * Information (guide §2.2, §2.3): the same fields, rules and messages. The
 * front line checked each field (routes.def ACCOUNT_FIELDS); the rules
 * between a field and its choices are here. */
#include "cgi-bin/core/request.h"
#include "lib/accounts.h"

struct account_form {
	struct account_fields f;                 /* the checked inputs */
	char contacts[ACCOUNT_CONTACTS_MAX][EMAIL_MAX + 1];
	int n_contacts;
	char contacts_text[ACCOUNT_CONTACTS_MAX * (EMAIL_MAX + 2) + 1];   /* "a@x.com, b@y.com" */
};

/* Publishes the choices of the selects: Options.countries, Options.languages,
 * Options.business_types (each N.value, N.label). */
void account_form_options(struct req *r);
/* The form's starting values: the account as stored, unless the form comes
 * back with what the person typed. */
void account_form_defaults(struct req *r, const struct account *a);
/* Country and business type must be among the choices, and the support
 * contacts hold at least one address (repeats are dropped). Returns 1 when
 * no field has a message, with a filled in. */
int account_form_read(struct req *r, struct account_form *a);
/* The account for a read-only display, under Info: its fields, and the
 * names of its country, language and business type (Info.country_name, ...). */
void account_form_publish(struct req *r, const struct account *a);
#endif
