#ifndef SB_ACCOUNT_FORM_H
#define SB_ACCOUNT_FORM_H
/* The customer-information form shared by Add Account and Account
 * Information (guide §2.2, §2.3): the same fields, rules and messages. */
#include "cgi-bin/core/request.h"
#include "lib/accounts.h"

#define CONTACTS_MAX 20         /* errors.too_many_emails names this limit */

struct account_form {
	struct account_fields f;                 /* points into r->hdf */
	char contacts[CONTACTS_MAX][EMAIL_MAX + 1];
	int n_contacts;
	char contacts_text[CONTACTS_MAX * (EMAIL_MAX + 2) + 1];   /* "a@x.com, b@y.com" */
};

/* Publishes the choices of the selects: Options.countries, Options.languages,
 * Options.business_types (each N.value, N.label). */
void account_form_options(struct req *r);
/* Reads and checks every field, putting a message next to each bad one.
 * Returns 1 when all are valid (f and the contacts are then filled). */
int account_form_read(struct req *r, struct account_form *a);
/* Labels for a read-only display of the values under prefix (country,
 * default_language, business_type): prefix.country_name and so on. */
void account_form_labels(struct req *r, const char *prefix);
#endif
