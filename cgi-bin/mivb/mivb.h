#ifndef SB_CGI_MIVB_H
#define SB_CGI_MIVB_H
/* What the MiVoice Business screens share (guide §3.1.2): opening the
 * account's PBX, putting what the PBX said next to the field at fault, and
 * the event of a change the PBX took. */
#include "cgi-bin/core/request.h"
#include "lib/mivb/pbx_objects.h"

/* Opens the account's MiVoice Business. 1 open; 0 it cannot be reached or
 * there is none (Mivb.Unavailable says why, in words, for the page);
 * -1 error. */
int mivb_open(struct req *r, struct pbx_admin *a);

/* After a refused or unanswered request: the PBX's message next to the
 * field it named when that is one of fields (a NULL-ended list), else next
 * to fallback; a changed value (the PBX's change token) asks for a reload;
 * no answer says the PBX could not be reached, next to "pbx". */
void mivb_refused(struct req *r, const struct pbx_reply *rep, const char *const *fields, const char *fallback);

/* What a refused or unanswered request says, in words. */
void mivb_refusal_text(struct req *r, const struct pbx_reply *rep, char *out, size_t size);

/* The event of a change the PBX took (Event Type MiVB, guide §2.16), in a
 * transaction of its own: the PBX has it already. 0, or -1 (logged). */
int mivb_event(struct req *r, const char *action, const char *asset_type, const char *asset_id, const char *asset_name,
	       json_t *details);
#endif
