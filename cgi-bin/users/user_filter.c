#include "cgi-bin/users/user_filter.h"
#include "lib/core/validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int user_filter_active(const struct user_match *m)
{
	return m->property >= 0 || m->product || m->sms;
}

static void append_param(char *buf, size_t size, const char *name, const char *value)
{
	char *esc = NULL;
	if (!value || !*value || cgi_url_escape(value, &esc) != STATUS_OK || !esc)
		return;
	size_t n = strlen(buf);
	snprintf(buf + n, size - n, "%s%s=%s", n ? "&" : "", name, esc);
	free(esc);
}

/* Filter.Chips.N: each active filter with the query string of the list
 * without it (the chip's remove link), keeping search and sort. */
static void publish_chips(struct req *r, const struct user_match *m)
{
	const char *names[] = {"property", "product", "sms"};
	const char *values[] = {m->property >= 0 ? user_property_key((enum user_property)m->property) : NULL, m->product,
				m->sms};
	char key[64], link[2048];
	int n = 0;
	for (int i = 0; i < 3; i++) {
		if (!values[i])
			continue;
		link[0] = 0;
		append_param(link, sizeof link, "q", m->q);
		for (int j = 0; j < 3; j++)
			if (j != i)
				append_param(link, sizeof link, names[j], values[j]);
		append_param(link, sizeof link, "sort", form(r, "sort"));
		append_param(link, sizeof link, "dir", form(r, "dir"));
		snprintf(key, sizeof key, "Filter.Chips.%d.name", n);
		hdf_set_value(r->hdf, key, names[i]);
		snprintf(key, sizeof key, "Filter.Chips.%d.value", n);
		hdf_set_value(r->hdf, key, values[i]);
		snprintf(key, sizeof key, "Filter.Chips.%d.remove", n);
		hdf_set_value(r->hdf, key, link);
		n++;
	}
}

struct products {
	struct req *r;
	int n;
};

static int publish_product(void *ctx, const char *product)
{
	struct products *p = ctx;
	char key[64];
	snprintf(key, sizeof key, "Filter.Products.%d.product", p->n++);
	hdf_set_value(p->r->hdf, key, product);
	return 0;
}

int user_filter_publish_products(struct req *r)
{
	struct products p = {r, 0};
	return users_products_each(r->db, r->acct.id, publish_product, &p) < 0 ? -1 : 0;
}

void user_filter_read(struct req *r, struct user_match *m, const char *q)
{
	memset(m, 0, sizeof *m);
	m->account_id = r->acct.id;
	m->property = user_property_from_key(form(r, "property"));
	const char *product = form(r, "product");
	if (*product && valid_utf8(product) && strlen(product) <= 100)
		m->product = product;
	const char *sms = form(r, "sms");
	if (*sms && strlen(sms) <= 16 && strspn(sms, "+0123456789") == strlen(sms)) {
		m->sms = sms;
		/* The guide: SMS Number excludes the Property filter and the search. */
		m->property = -1;
		q = "";
	}
	if (q && *q && valid_utf8(q) && strlen(q) <= 200)
		m->q = q;

	publish_chips(r, m);
	hdf_set_value(r->hdf, "Filter.property", m->property >= 0 ? user_property_key((enum user_property)m->property) : "");
	hdf_set_value(r->hdf, "Filter.product", m->product ? m->product : "");
	hdf_set_value(r->hdf, "Filter.sms", m->sms ? m->sms : "");
	hdf_set_int_value(r->hdf, "Filter.Active", user_filter_active(m));
	char key[64];
	for (int p = 0; p < USER_PROPS; p++) {
		snprintf(key, sizeof key, "Filter.Properties.%d", p);
		hdf_set_value(r->hdf, key, user_property_key((enum user_property)p));
	}
}
