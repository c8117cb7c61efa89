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

/* Before a write: opens the account's MiVoice Business, 1. Else 0, with
 * *outcome what the handler answers: the form again with the reason next to
 * "pbx", or an error. */
int mivb_open_write(struct req *r, struct pbx_admin *a, int *outcome);

/* After a refused or unanswered request: the PBX's message next to the
 * field it named when that is one of fields (a NULL-ended list), else next
 * to fallback; a changed value (the PBX's change token) asks for a reload;
 * no answer says the PBX could not be reached, next to "pbx". */
void mivb_refused(struct req *r, const struct pbx_reply *rep, const char *const *fields, const char *fallback);

/* What a refused or unanswered request says, in words. */
void mivb_refusal_text(struct req *r, const struct pbx_reply *rep, char *out, size_t size);

/* A change the PBX took, on the console's side: its event (Event Type
 * MiVB, guide §2.16: the asset, and PROPERTIES CHANGED from the members of
 * details that hold {"from", "to"}) and, when apply is set, the console's
 * own state of it, in one transaction that runs once the PBX answered. */
struct mivb_change {
	const char *action;            /* NULL: apply writes the events itself */
	const char *asset_type, *asset_id, *asset_name;
	json_t *details;               /* not taken */
	int (*apply)(struct req *r, void *arg);
	void *arg;
};
/* 0 recorded. -1: the transaction failed (logged) and the page will say
 * that the MiVoice Business has the change but the console did not record
 * it; the caller then returns mivb_unrecorded(r). */
int mivb_record(struct req *r, const struct mivb_change *c);
/* The form again, status 500, with that message next to "pbx". */
int mivb_unrecorded(struct req *r);
#endif
