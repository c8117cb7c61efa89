#include "cgi-bin/integrations/scim_source_form.h"
#include "lib/core/config.h"
#include "lib/scim/filter.h"

#include <string.h>
#include <strings.h>

int scim_source_form_read(struct req *r, int require_token, struct scim_source_fields *f,
			  char sealed[SCIM_SOURCE_SEALED_MAX])
{
	f->name = in(r, "name");
	f->base_url = in(r, "base_url");
	f->filter = in(r, "filter");
	f->interval_minutes = (int)in_int(r, "interval_minutes");
	sealed[0] = 0;
	if (*f->base_url && strncasecmp(f->base_url, "https://", 8) != 0 && strncasecmp(f->base_url, "http://", 7) != 0)
		field_error(r, "base_url", "integrations.scim_source_form.url_invalid");
	if (f->interval_minutes < SCIM_SOURCE_INTERVAL_MIN || f->interval_minutes > SCIM_SOURCE_INTERVAL_MAX)
		field_error(r, "interval_minutes", "integrations.scim_source_form.interval_invalid");
	if (*f->filter) {
		struct scim_error err = {0};
		struct scim_filter *parsed = scim_filter_parse(f->filter, &scim_user_type, &err);
		if (!parsed)
			field_error(r, "filter", "integrations.scim_source_form.filter_invalid");
		scim_filter_free(parsed);
	}
	const char *token = in(r, "token");
	if (require_token && !*token)
		field_error(r, "token", "integrations.scim_source_form.token_required");
	if (form_has_errors(r))
		return 1;
	if (*token && secret_seal(cfg_str("Crypto.Key", ""), token, sealed, SCIM_SOURCE_SEALED_MAX) != 0)
		return -1;
	return 0;
}
