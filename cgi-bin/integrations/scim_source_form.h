#ifndef SB_SCIM_SOURCE_FORM_H
#define SB_SCIM_SOURCE_FORM_H
/* The fields of Add SCIM Source and a source's page (ch3 §8.5): name, base
 * URL, bearer token (sealed before it is stored; blank on the edit page
 * keeps the one stored), schedule and an optional filter. */
#include "cgi-bin/core/request.h"
#include "lib/scim_sources.h"

#define SCIM_SOURCE_INTERVAL_MIN 5
#define SCIM_SOURCE_INTERVAL_MAX 1440

/* Reads the declared fields and checks what the table cannot: an http(s)
 * URL, a filter that parses, an interval within bounds, a token when
 * require_token. Seals a given token into sealed ("" when none). Returns
 * 0 when the form is good, 1 when a field has a message, -1 on an error. */
int scim_source_form_read(struct req *r, int require_token, struct scim_source_fields *f,
			  char sealed[SCIM_SOURCE_SEALED_MAX]);
#endif
