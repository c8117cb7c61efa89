#include "cgi-bin/users/user_filter.h"
#include "lib/core/validate.h"
#include "lib/scim_groups.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int user_filter_active(const struct user_match *m)
{
	return m->property >= 0 || m->product || m->group || m->sms;
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
 * without it (the chip's remove link), keeping search and sort; shown is
 * what the chip says (a group's name, not its id). */
static void publish_chips(struct req *r, const struct user_match *m, const char *group_name)
{
	const char *names[] = {"property", "product", "group", "sms"};
	const char *values[] = {m->property >= 0 ? user_property_key((enum user_property)m->property) : NULL, m->product,
				m->group, m->sms};
	const char *shown[] = {values[0], m->product, group_name, m->sms};
	char key[64], link[2048];
	int n = 0;
	for (int i = 0; i < 4; i++) {
		if (!values[i])
			continue;
		link[0] = 0;
		append_param(link, sizeof link, "q", m->q);
		for (int j = 0; j < 4; j++)
			if (j != i)
				append_param(link, sizeof link, names[j], values[j]);
		append_param(link, sizeof link, "sort", form(r, "sort"));
		append_param(link, sizeof link, "dir", form(r, "dir"));
		snprintf(key, sizeof key, "Filter.Chips.%d.name", n);
		hdf_set_value(r->hdf, key, names[i]);
		snprintf(key, sizeof key, "Filter.Chips.%d.value", n);
		hdf_set_value(r->hdf, key, values[i]);
		snprintf(key, sizeof key, "Filter.Chips.%d.shown", n);
		hdf_set_value(r->hdf, key, shown[i]);
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

static int publish_group(void *ctx, const struct user_group *g)
{
	struct products *p = ctx;
	char key[64];
	snprintf(key, sizeof key, "Filter.Groups.%d.id", p->n);
	hdf_set_valuef(p->r->hdf, "%s=%lld", key, g->id);
	snprintf(key, sizeof key, "Filter.Groups.%d.name", p->n++);
	hdf_set_value(p->r->hdf, key, g->name);
	return 0;
}

int user_filter_publish_groups(struct req *r)
{
	struct products p = {r, 0};
	return user_groups_each(r->db, r->acct.id, USER_FILTER_GROUPS_MAX, publish_group, &p) < 0 ? -1 : 0;
}

int user_filter_read(struct req *r, struct user_match *m, const char *q)
{
	memset(m, 0, sizeof *m);
	m->account_id = r->acct.id;
	m->property = user_property_from_key(form(r, "property"));
	const char *product = form(r, "product");
	if (*product && valid_utf8(product) && strlen(product) <= 100)
		m->product = product;
	/* A group of the account, by id: another account's is no choice. */
	const char *group = form(r, "group");
	char group_name[256] = "";
	if (*group && strlen(group) <= 20 && strspn(group, "0123456789") == strlen(group)) {
		int found = user_group_name(r->db, r->acct.id, atoll(group), group_name, sizeof group_name);
		if (found < 0)
			return -1;
		if (found)
			m->group = group;
	}
	const char *sms = form(r, "sms");
	if (*sms && strlen(sms) <= 16 && strspn(sms, "+0123456789") == strlen(sms)) {
		m->sms = sms;
		/* The guide: SMS Number excludes the Property filter and the search. */
		m->property = -1;
		q = "";
	}
	if (q && *q && valid_utf8(q) && strlen(q) <= 200)
		m->q = q;

	publish_chips(r, m, group_name);
	hdf_set_value(r->hdf, "Filter.property", m->property >= 0 ? user_property_key((enum user_property)m->property) : "");
	hdf_set_value(r->hdf, "Filter.product", m->product ? m->product : "");
	hdf_set_value(r->hdf, "Filter.group", m->group ? m->group : "");
	hdf_set_value(r->hdf, "Filter.sms", m->sms ? m->sms : "");
	hdf_set_int_value(r->hdf, "Filter.Active", user_filter_active(m));
	char key[64];
	for (int p = 0; p < USER_PROPS; p++) {
		snprintf(key, sizeof key, "Filter.Properties.%d", p);
		hdf_set_value(r->hdf, key, user_property_key((enum user_property)p));
	}
	return 0;
}
