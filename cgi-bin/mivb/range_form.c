/* Add Range and Edit Range's save (guide §3.1.2 User extension ranges:
 * safe DN blocks that must not overlap). */
#include "cgi-bin/mivb/range_form.h"

#include <stdio.h>
#include "lib/mivb/numbers.h"

struct save_call {
	long long id;
	const char *start, *end;
	struct mivb_range clash, before;
};

/* 1: the range overlaps s->clash; 0 saved; -1 error. */
static int save(struct req *r, void *arg)
{
	struct save_call *s = arg;
	int clash = mivb_range_clash(r->db, r->acct.id, s->id, s->start, s->end, &s->clash);
	if (clash != 0)
		return clash;
	char name[2 * MIVB_DN_MAX + 2], id[24];
	snprintf(name, sizeof name, "%s-%s", s->start, s->end);
	json_t *details = json_object();
	if (!details)
		return -1;
	int rc;
	if (s->id) {
		rc = mivb_range_find(r->db, r->acct.id, s->id, &s->before) == 1 &&
			     mivb_range_update(r->db, r->acct.id, s->id, s->start, s->end) == 1 ? 0 : -1;
		json_object_set_new(details, "start", json_pack("{s:s,s:s}", "from", s->before.start, "to", s->start));
		json_object_set_new(details, "end", json_pack("{s:s,s:s}", "from", s->before.end, "to", s->end));
		snprintf(id, sizeof id, "%lld", s->id);
	} else {
		long long made = mivb_range_insert(r->db, r->acct.id, s->start, s->end);
		rc = made > 0 ? 0 : -1;
		json_object_set_new(details, "start", json_pack("{s:n,s:s}", "from", "to", s->start));
		json_object_set_new(details, "end", json_pack("{s:n,s:s}", "from", "to", s->end));
		snprintf(id, sizeof id, "%lld", made);
	}
	if (rc == 0)
		rc = event(r, r->acct.id, s->id ? "dn_range.update" : "dn_range.create", "dn_range", id, name, details);
	json_decref(details);
	return rc;
}

int range_form_save(struct req *r, long long id)
{
	struct save_call s = {.id = id, .start = in(r, "start"), .end = in(r, "end")};
	/* a bad start is said even when the end is missing too */
	if (*s.start && !mivb_dn_valid(s.start) && !hdf_get_value(r->hdf, "Form.Errors.start", NULL))
		field_error(r, "start", "mivb.range.start_invalid");
	if (!form_has_errors(r)) {
		struct mivb_fault f = mivb_range_check(s.start, s.end);
		if (f.field) {
			char key[80];
			snprintf(key, sizeof key, "mivb.range.%s_%s", f.field, f.reason);
			field_error(r, f.field, key);
		}
	}
	if (form_has_errors(r))
		return invalid(r);
	int rc = tx(r, save, &s);
	if (rc == 1) {
		char full[600];
		snprintf(full, sizeof full, "%s %s-%s", lang(r, "mivb.range.overlaps"), s.clash.start, s.clash.end);
		hdf_set_value(r->hdf, "Form.Errors.start", full);
		return invalid(r);
	}
	if (rc != 0)
		return SERVER_ERROR;
	return done(r, id ? "flash.mivb_range_saved" : "flash.mivb_range_added", "/a/%s/mivb/numbers", r->acct.id);
}
