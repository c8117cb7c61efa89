/* A SCIM source's page (ch3 §8.5): its settings, editable (a blank token
 * keeps the stored one), and its last pull — when, what it changed, and
 * why it failed if it did. */
#include "cgi-bin/integrations/scim_source_form.h"
#include "cgi-bin/core/render.h"

#include <stdio.h>

int scim_source_get(struct req *r)
{
	const struct scim_source *s = &r->obj.scim_source;
	hdf_set_value(r->hdf, "Page.Title", s->name);
	form_default(r, "name", s->name);
	form_default(r, "base_url", s->base_url);
	form_default(r, "filter", s->filter);
	char interval[16];
	snprintf(interval, sizeof interval, "%d", s->interval_minutes);
	form_default(r, "interval_minutes", interval);
	hdf_set_int_value(r->hdf, "Source.id", (int)s->id);
	hdf_set_value(r->hdf, "Source.name", s->name);
	hdf_set_value(r->hdf, "Source.last_attempt", s->last_attempt);
	hdf_set_value(r->hdf, "Source.last_success", s->last_success);
	char error[640];   /* in the reader's language (lib/stored_message.h) */
	stored_message_words(render_lang(), "scim.errors", s->last_error_key, s->last_error_args, s->last_error, error,
			     sizeof error);
	hdf_set_value(r->hdf, "Source.last_error", error);
	hdf_set_int_value(r->hdf, "Source.running", s->running);
	hdf_set_int_value(r->hdf, "Source.due_now", s->due_now);
	hdf_set_value(r->hdf, "Source.created", s->created);
	hdf_set_value(r->hdf, "Source.created_by", s->created_by);
	json_t *result = s->last_result[0] ? json_loads(s->last_result, 0, NULL) : NULL;
	static const char *const counts[] = {"fetched", "added", "changed", "removed", "released", "skipped", "unchanged"};
	for (size_t i = 0; result && i < sizeof counts / sizeof counts[0]; i++) {
		char key[48];
		snprintf(key, sizeof key, "Source.result.%s", counts[i]);
		hdf_set_int_value(r->hdf, key, (int)json_integer_value(json_object_get(result, counts[i])));
	}
	if (result) {
		char seconds[32];
		snprintf(seconds, sizeof seconds, "%.2f", json_number_value(json_object_get(result, "seconds")));
		hdf_set_value(r->hdf, "Source.result.seconds", seconds);
		hdf_set_int_value(r->hdf, "Source.has_result", 1);
	}
	json_decref(result);
	hdf_set_int_value(r->hdf, "Source.can_edit", can(r, FEAT_INTEGRATIONS, VERB_EDIT));
	hdf_set_int_value(r->hdf, "Source.can_delete", can(r, FEAT_INTEGRATIONS, VERB_DELETE));
	return DONE;
}

struct save {
	struct scim_source_fields f;
	char sealed[SCIM_SOURCE_SEALED_MAX];
};

static int save(struct req *r, void *arg)
{
	struct save *s = arg;
	struct actor me = me_actor(r);
	return scim_source_update(r->db, r->acct.id, r->id, &s->f, s->sealed[0] ? s->sealed : NULL, &me);
}

int scim_source_post(struct req *r)
{
	struct save s;
	int rc = scim_source_form_read(r, 0, &s.f, s.sealed);
	if (rc > 0)
		return invalid(r);
	if (rc < 0 || tx(r, save, &s) != 0)
		return SERVER_ERROR;
	return done(r, "flash.scim_source_saved", "/a/%s/integrations/scim-sources/%lld", r->acct.id, r->id);
}
