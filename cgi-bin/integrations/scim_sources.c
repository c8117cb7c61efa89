/* SCIM Sources (ch3 §8.5, beyond the guide): the SCIM 2.0 services an
 * account pulls users from, with when each was last pulled and how. */
#include "cgi-bin/core/render.h"
#include "cgi-bin/core/request.h"
#include "lib/scim_sources.h"

#include <stdio.h>

static int publish(void *ctx, const struct scim_source *s)
{
	struct req *r = ctx;
	int n = hdf_get_int_value(r->hdf, "Sources.Count", 0);
	char key[32];
	snprintf(key, sizeof key, "Sources.Rows.%d", n);
	HDF *row;
	if (hdf_get_node(r->hdf, key, &row) != STATUS_OK)
		return -1;
	hdf_set_int_value(row, "id", (int)s->id);
	hdf_set_value(row, "name", s->name);
	hdf_set_value(row, "base_url", s->base_url);
	hdf_set_int_value(row, "interval", s->interval_minutes);
	hdf_set_value(row, "last_success", s->last_success);
	char error[640];   /* in the reader's language (lib/stored_message.h) */
	stored_message_words(render_lang(), "scim.errors", s->last_error_key, s->last_error_args, s->last_error, error,
			     sizeof error);
	hdf_set_value(row, "last_error", error);
	hdf_set_int_value(r->hdf, "Sources.Count", n + 1);
	return 0;
}

int scim_sources_get(struct req *r)
{
	hdf_set_value(r->hdf, "Page.Title", lang(r, "integrations.scim_sources.title"));
	hdf_set_int_value(r->hdf, "Sources.CanAdd", can(r, FEAT_INTEGRATIONS, VERB_ADD));
	return scim_sources_each(r->db, r->acct.id, publish, r) < 0 ? SERVER_ERROR : DONE;
}
