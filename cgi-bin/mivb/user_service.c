/* Products and licenses → MiVoice Business Service (guide §3.1.2.1 and
 * §3.1.3.1 steps 1-5): Complete setup next to MiVoice Business (no service
 * assigned) opens Choose service category (Upgrade Service once the user has
 * one): the PBX's categories, each with Select, and a user template
 * (Filter templates by category and tier selection, on by default) whose
 * Service Programming defaults, phone and programmable keys the user gets
 * with the service (§3.1.3.2). Apply writes it all to the PBX in one
 * request, reads back what the PBX kept, then records the console's copy of
 * the user with its event in one transaction. */
#include "cgi-bin/mivb/mivb.h"
#include "cgi-bin/mivb/user_config_form.h"
#include "lib/mivb/numbers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The user's PBX id and the category the console last wrote; NOT_FOUND for
 * a user the PBX does not have. */
static int pbx_user(struct req *r, char pbx_id[65], char category[65])
{
	int rc = mivb_user_service(r->db, r->acct.id, r->obj.user.id, pbx_id, category);
	return rc < 0 ? SERVER_ERROR : rc == 0 ? NOT_FOUND : DONE;
}

/* The page: current is the user's category ("": none), chosen the Selected one. */
static int draw(struct req *r, struct pbx_admin *a, const char *current, const char *chosen)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, *current ? "mivb.user_service.upgrade" : "mivb.user_service.choose"));
	hdf_set_valuef(r->hdf, "Service.user=%lld", r->obj.user.id);
	hdf_set_value(r->hdf, "Service.user_name", r->obj.user.display_name);
	hdf_set_value(r->hdf, "Service.current", current);
	hdf_set_value(r->hdf, "Form.Values.category", chosen);
	if (user_config_templates(r, chosen) != 0)
		return SERVER_ERROR;
	struct pbx_reply rep = {0};
	if (a && user_config_categories(r, a, &rep) != 0) {
		char text[1024];
		mivb_refusal_text(r, &rep, text, sizeof text);
		hdf_set_value(r->hdf, "Mivb.Unavailable", text);
	}
	pbx_reply_clear(&rep);
	return DONE;
}

int user_service_get(struct req *r)
{
	char pbx_id[65], current[65];
	int rc = pbx_user(r, pbx_id, current);
	if (rc != DONE)
		return rc;
	struct pbx_admin a;
	int open = mivb_open(r, &a);
	if (open < 0)
		return SERVER_ERROR;
	/* the PBX has the last word on the user's category */
	struct mivb_services s;
	struct pbx_reply rep = {0};
	if (open && mivb_services_get(&a, pbx_id, &s, &rep) == 0)
		snprintf(current, sizeof current, "%s", s.category);
	pbx_reply_clear(&rep);
	const char *chosen = *form(r, "action") ? in(r, "category") : current;
	rc = draw(r, open ? &a : NULL, current, chosen);
	if (open)
		pbx_admin_close(&a);
	return rc;
}

/* A phone the template added without a line gets the next free DN of the
 * account's extension ranges (guide §3.1.2 Numbers). */
static int give_lines(struct req *r, struct pbx_admin *a, struct mivb_services *s)
{
	for (int i = 0; i < s->n_phones; i++) {
		if (*s->phones[i].dn)
			continue;
		char ranges[1024];
		if (mivb_ranges_query(r->db, r->acct.id, ranges, sizeof ranges) < 0)
			return -1;
		struct pbx_reply rep = {0};
		int rc = *ranges ? mivb_next_dn(a, ranges, s->phones[i].dn, &rep) : 1;
		pbx_reply_clear(&rep);
		if (rc != 0 || !*s->phones[i].dn) {
			field_error(r, "template", "mivb.user_service.no_dn");
			return 1;
		}
	}
	return 0;
}

/* The settings the user is to have: what the PBX holds (before), with the
 * template's settings and the chosen category. 0, 1 refused (messages set),
 * -1 error. */
static int wanted(struct req *r, struct pbx_admin *a, const char *pbx_id, struct mivb_services *before,
		  struct mivb_services *s)
{
	struct pbx_reply rep = {0};
	int rc = mivb_services_get(a, pbx_id, before, &rep);
	if (rc != 0)
		mivb_refused(r, &rep, NULL, "category");
	pbx_reply_clear(&rep);
	if (rc != 0)
		return 1;
	*s = *before;
	long long tid = in_int(r, "template");
	if (tid) {
		struct user_template t;
		int found = user_template_find(r->db, r->acct.id, tid, &t);
		if (found < 0)
			return -1;
		if (found == 0 || !t.mivb) {
			field_error(r, "template", "errors.invalid_choice");
			return 1;
		}
		user_template_apply(&t, s);
	}
	snprintf(s->category, sizeof s->category, "%s", in(r, "category"));
	return give_lines(r, a, s);
}

/* Apply: 0 done, 1 refused (messages set), -1 error, -2 the PBX took it but
 * the console's transaction failed. */
static int apply(struct req *r, struct pbx_admin *a, const char *pbx_id)
{
	struct mivb_services before, s, kept;
	int rc = wanted(r, a, pbx_id, &before, &s);
	if (rc != 0)
		return rc;
	struct pbx_reply rep = {0};
	rc = mivb_services_put(a, pbx_id, &s, &kept, &rep);
	/* read back: what the PBX now holds is what the console records */
	if (rc == 0) {
		pbx_reply_clear(&rep);
		rc = mivb_services_get(a, pbx_id, &kept, &rep);
	}
	if (rc != 0)
		mivb_refused(r, &rep, (const char *const[]){"category", NULL}, in_int(r, "template") ? "template" : "category");
	pbx_reply_clear(&rep);
	if (rc != 0)
		return 1;
	if (strcmp(kept.category, s.category) != 0) {
		field_error(r, "category", "mivb.user_service.not_kept");
		return 1;
	}
	return mivb_user_saved(r, pbx_id, &before, &kept) == 0 ? 0 : -2;
}

int user_service_post(struct req *r)
{
	char pbx_id[65], current[65];
	int rc = pbx_user(r, pbx_id, current);
	if (rc != DONE)
		return rc;
	if (strcmp(in(r, "action"), "apply") != 0)
		return user_service_get(r);   /* Select: the page again, with that category chosen */
	if (!*in(r, "category"))
		field_error(r, "category", "mivb.user_service.category_required");
	if (form_has_errors(r))
		return invalid(r);
	struct pbx_admin a;
	int refused;
	if (!mivb_open_write(r, &a, &refused))
		return refused;
	int out = apply(r, &a, pbx_id);
	pbx_admin_close(&a);
	if (out == -2)
		return mivb_unrecorded(r);
	if (out != 0)
		return out > 0 ? invalid(r) : SERVER_ERROR;
	return done(r, "flash.mivb_service_saved", "/a/%s/users/%lld", r->acct.id, r->obj.user.id);
}
